package vn.congvan.dispatch;

/**
 * The sections of the site that show dispatches, each to its own readers: the public section to everyone, the inbox
 * to the units a dispatch was sent to, the staff pages to the issuing unit's clerks. {@link #ANY} is every way at
 * once (search, links between dispatches), and the only one through which an administrator sees restricted ones.
 */
public enum Audience {
    PUBLIC,
    RECIPIENT,
    ISSUER,
    ANY
}
