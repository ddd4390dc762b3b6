package vn.congvan.account;

/**
 * An account's login trouble as administrators see it: failed logins within the throttling window (from all
 * addresses) and the number of addresses that are locked out of it now.
 */
public record FailedLogins(int recentFailures, int lockedAddresses) {

    public static final FailedLogins NONE = new FailedLogins(0, 0);

    public boolean any() {
        return recentFailures > 0 || lockedAddresses > 0;
    }
}
