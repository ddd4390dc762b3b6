package vn.congvan.audit;

import java.time.LocalDate;

/** Filters of the audit log page; a null filter does not filter. Dates are Vietnamese calendar days, inclusive. */
public record AuditQuery(AuditAction action, String username, LocalDate from, LocalDate to) {}
