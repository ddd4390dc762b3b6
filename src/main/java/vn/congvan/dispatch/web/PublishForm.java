package vn.congvan.dispatch.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** Publishing: the number is given automatically unless the clerk enters one (a document numbered on paper). */
public class PublishForm implements Serializable {

    // Kept in the session (a flash attribute) when it comes back with errors, and sessions live in PostgreSQL.
    private static final long serialVersionUID = 1L;

    @Min(value = 1, message = "{dispatch.publish.number.range}")
    @Max(value = 999_999, message = "{dispatch.publish.number.range}")
    private Integer manualNumber;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate issuedOn;

    public Integer getManualNumber() {
        return manualNumber;
    }

    public void setManualNumber(Integer manualNumber) {
        this.manualNumber = manualNumber;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
    }
}
