package vn.congvan.delivery.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The report a unit sends back: its text; the files come beside it as parts of the same request. */
public class ReportForm {

    @NotBlank(message = "{delivery.report.body.required}")
    @Size(max = 20_000, message = "{delivery.report.body.size}")
    private String body;

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
