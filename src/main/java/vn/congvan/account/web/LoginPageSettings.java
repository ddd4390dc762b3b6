package vn.congvan.account.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the login page tells people about the lockout; the rule itself lives in the account module. */
@Component
class LoginPageSettings {

    private final Duration lockDuration;

    LoginPageSettings(@Value("${congvan.account.lockout.lock-duration:15m}") Duration lockDuration) {
        this.lockDuration = lockDuration;
    }

    long lockMinutes() {
        return Math.max(1, lockDuration.toMinutes());
    }
}
