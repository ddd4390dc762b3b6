package vn.congvan.dispatch.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Thu hồi: the reason is required, recipients read it. */
public class WithdrawForm {

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
