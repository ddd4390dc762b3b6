package vn.congvan.audit.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.congvan.audit.AuditAction;
import vn.congvan.audit.AuditQuery;

/** The filters of the audit log page, bound from the query string. */
public class AuditFilter {

    private AuditAction action;

    private String username;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    AuditQuery toQuery() {
        return new AuditQuery(action, username, from, to);
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
