package vn.congvan.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.stereotype.Component;

/**
 * Failed logins as a Prometheus counter (ADR 0050), so that a burst (someone guessing passwords) can raise an alert;
 * who failed and from where is the audit log's. A refusal by the lockout counts as {@code locked}, any other failure
 * (a wrong name or password) as {@code bad_credentials}.
 */
@Component
class LoginMetrics {

    private final Counter badCredentials;

    private final Counter locked;

    LoginMetrics(MeterRegistry meters) {
        this.badCredentials = failures(meters, "bad_credentials");
        this.locked = failures(meters, "locked");
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        (event instanceof AuthenticationFailureLockedEvent ? locked : badCredentials).increment();
    }

    private static Counter failures(MeterRegistry meters, String reason) {
        return Counter.builder("congvan.logins.failed")
                .tag("reason", reason)
                .description("Failed logins since the instance started")
                .register(meters);
    }
}
