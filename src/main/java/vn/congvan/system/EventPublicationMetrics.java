package vn.congvan.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The after-commit work still to do (Spring Modulith's event publication registry, ADR 0024) as Prometheus sees it
 * (ADR 0050): publications not completed yet, those that failed, and the age of the oldest (completed ones are
 * deleted, so the table holds only these). Work that is merely in flight is young; an age that only grows is work
 * that keeps failing. One query, at most once per {@code congvan.metrics.refresh-after}.
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    private final CachedReading reading;

    EventPublicationMetrics(
            JdbcTemplate jdbc, Clock clock, @Value("${congvan.metrics.refresh-after:PT15S}") Duration refreshAfter) {
        this.reading = new CachedReading(jdbc, clock, refreshAfter, """
                select count(*), count(*) filter (where status = 'FAILED'),
                    coalesce(extract(epoch from (cast(? as timestamptz) - min(publication_date))), 0)
                from event_publication where completion_date is null
                """, 3);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("congvan.events.incomplete", this, metrics -> metrics.reading.get(1))
                .description("After-commit publications (mail notices, search indexing, audit) not completed yet")
                .register(registry);
        Gauge.builder("congvan.events.failed", this, metrics -> metrics.reading.get(2))
                .description("After-commit publications whose listener failed, waiting for their retry")
                .register(registry);
        Gauge.builder("congvan.events.oldest.incomplete", this, metrics -> metrics.reading.get(3))
                .description("Age of the oldest after-commit publication not completed yet")
                .baseUnit("seconds")
                .register(registry);
    }
}
