package vn.congvan.search;

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
 * The text-extraction queue as Prometheus sees it (ADR 0050): jobs waiting and given up, and how long the oldest
 * waiting one has waited (a worker that is stuck shows as an age that only grows). Done jobs are not counted: the
 * table keeps them. One query, at most once per {@code congvan.metrics.refresh-after}.
 */
@Component
class ExtractionQueueMetrics implements MeterBinder {

    private final CachedReading reading;

    ExtractionQueueMetrics(
            JdbcTemplate jdbc, Clock clock, @Value("${congvan.metrics.refresh-after:PT15S}") Duration refreshAfter) {
        this.reading = new CachedReading(jdbc, clock, refreshAfter, """
                select count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'FAILED'),
                    coalesce(extract(epoch from (cast(? as timestamptz)
                        - min(created_at) filter (where status = 'PENDING'))), 0)
                from text_extraction_job where status <> 'DONE'
                """, 3);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("congvan.extraction.queue", this, metrics -> metrics.reading.get(1))
                .tag("status", "pending")
                .description("Text extraction jobs by status (done ones are not counted)")
                .register(registry);
        Gauge.builder("congvan.extraction.queue", this, metrics -> metrics.reading.get(2))
                .tag("status", "failed")
                .description("Text extraction jobs by status (done ones are not counted)")
                .register(registry);
        Gauge.builder("congvan.extraction.queue.oldest.pending", this, metrics -> metrics.reading.get(3))
                .description("Age of the oldest text extraction job still waiting")
                .baseUnit("seconds")
                .register(registry);
    }
}
