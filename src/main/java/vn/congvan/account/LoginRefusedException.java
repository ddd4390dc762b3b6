package vn.congvan.account;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/**
 * An attempt refused by the throttle before the password was looked at; says how long to wait and whether the
 * (name, address) pair is locked or only has to wait. A {@link LockedException}, so that Spring Security and the
 * audit log treat it as a locked attempt.
 */
class LoginRefusedException extends LockedException {

    private final long secondsLeft;

    private final boolean locked;

    LoginRefusedException(LockoutRule.Refusal refusal, Instant now) {
        super(refusal.locked() ? "Locked after too many failed logins" : "Too soon after failed logins");
        this.secondsLeft = refusal.secondsLeft(now);
        this.locked = refusal.locked();
    }

    long secondsLeft() {
        return secondsLeft;
    }

    boolean locked() {
        return locked;
    }
}
