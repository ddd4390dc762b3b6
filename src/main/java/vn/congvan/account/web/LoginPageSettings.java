package vn.congvan.account.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the login page may tell people about waits and locks. The waits arrive in the address of the page, where
 * anyone can write any number, so they are held to what the throttle can really ask for.
 */
@Component
class LoginPageSettings {

    private final Duration lockDuration;

    private final Duration maxDelay;

    LoginPageSettings(
            @Value("${congvan.account.lockout.lock-duration:15m}") Duration lockDuration,
            @Value("${congvan.account.lockout.max-delay:60s}") Duration maxDelay) {
        this.lockDuration = lockDuration;
        this.maxDelay = maxDelay;
    }

    long lockMinutes(Long asked) {
        long most = Math.max(1, (lockDuration.toSeconds() + 59) / 60);
        return asked == null || asked < 1 || asked > most ? most : asked;
    }

    long waitSeconds(Long asked) {
        long most = Math.max(1, maxDelay.toSeconds());
        return asked == null || asked < 1 || asked > most ? most : asked;
    }
}
