package vn.congvan.dispatch.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** Thu hồi: the reason is required, recipients read it. */
public class WithdrawForm implements Serializable {

    // Kept in the session (a flash attribute) when it comes back with errors, and sessions live in PostgreSQL.
    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{dispatch.withdraw.reason.required}")
    @Size(max = 1000, message = "{dispatch.withdraw.reason.size}")
    private String reason;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
