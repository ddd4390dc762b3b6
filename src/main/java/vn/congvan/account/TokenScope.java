package vn.congvan.account;

/** What a personal access token may do through the REST API (ADR 0042). */
public enum TokenScope {
    /** Reads only: the public dispatches and the account's inbox; any request that changes something is refused. */
    READ,
    /** Also acts for the account's unit (acknowledgements, reports, extraction); only for an account with the role. */
    CLERK
}
