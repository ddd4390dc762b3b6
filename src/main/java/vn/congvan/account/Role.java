package vn.congvan.account;

/** What an account may do. A person belongs to one unit; roles are per account. */
public enum Role {
    /** Manages units, groups, accounts and reads the audit log. */
    ADMIN,
    /** Văn thư of an issuing unit: drafts, publishes, withdraws and corrects that unit's dispatches. */
    CLERK,
    /** A member of a recipient unit: reads the unit's inbox, downloads and acknowledges. */
    MEMBER
}
