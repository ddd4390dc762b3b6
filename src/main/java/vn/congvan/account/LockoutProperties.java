package vn.congvan.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lockout after failed logins.
 *
 * @param maxFailuresPerUsername failures for one username within {@code window} that lock it (default 5)
 * @param maxFailuresPerAddress failures from one client address within {@code window} that lock it (default 20)
 * @param window how far back failures count (default 15 minutes)
 * @param lockDuration how long a lock lasts after the failure that caused it (default 15 minutes)
 */
@ConfigurationProperties("congvan.account.lockout")
record LockoutProperties(@DefaultValue("5") int maxFailuresPerUsername, @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockDuration) {
}
