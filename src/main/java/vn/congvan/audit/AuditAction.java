package vn.congvan.audit;

/** What an audit entry records. Labels are in {@code messages/audit} under {@code audit.action.<NAME>}. */
public enum AuditAction {
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    LOGIN_LOCKED,
    PUBLISH,
    WITHDRAW,
    CORRECT,
    REPLACE,
    VIEW,
    DOWNLOAD,
    ACKNOWLEDGE,
    REPORT,
    REMIND,
    ACCOUNT_CHANGE,
    ORGANIZATION_CHANGE
}
