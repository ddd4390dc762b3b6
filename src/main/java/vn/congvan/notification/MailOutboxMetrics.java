package vn.congvan.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.congvan.system.CachedReading;

/**
 * The mail outbox as Prometheus sees it (ADR 0050): notices waiting and given up, and how long the oldest waiting one
 * has waited (a mail server that is down shows as an age that only grows). Sent notices are not counted: the table
 * keeps them. One query, at most once per {@code congvan.metrics.refresh-after}.
 */
@Component
class MailOutboxMetrics implements MeterBinder {

    private final CachedReading reading;

    MailOutboxMetrics(
            JdbcTemplate jdbc, Clock clock, @Value("${congvan.metrics.refresh-after:PT15S}") Duration refreshAfter) {
        this.reading = new CachedReading(jdbc, clock, refreshAfter, """
                select count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'FAILED'),
                    coalesce(extract(epoch from (cast(? as timestamptz)
                        - min(created_at) filter (where status = 'PENDING'))), 0)
                from mail_outbox where status <> 'SENT'
                """, 3);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("congvan.mail.outbox", this, metrics -> metrics.reading.get(1))
                .tag("status", "pending")
                .description("Mail notices in the outbox by status (sent ones are not counted)")
                .register(registry);
        Gauge.builder("congvan.mail.outbox", this, metrics -> metrics.reading.get(2))
                .tag("status", "failed")
                .description("Mail notices in the outbox by status (sent ones are not counted)")
                .register(registry);
        Gauge.builder("congvan.mail.outbox.oldest.pending", this, metrics -> metrics.reading.get(3))
                .description("Age of the oldest notice still waiting to be sent")
                .baseUnit("seconds")
                .register(registry);
    }
}
