package vn.congvan.attachment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The file store as Prometheus sees it (ADR 0050): files by scan state, the age of the oldest file still waiting for
 * its scan, and the bytes and files kept. All of it is read from the database (sums over the rows, never a walk of
 * the disk), in two queries at most once per {@code congvan.metrics.refresh-after}, whatever the number of gauges or
 * of scrapes.
 */
@Component
class AttachmentMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final long refreshAfterNanos;

    private volatile Reading reading;

    AttachmentMetrics(
            JdbcTemplate jdbc, Clock clock, @Value("${congvan.metrics.refresh-after:PT15S}") Duration refreshAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.refreshAfterNanos = refreshAfter.toNanos();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ScanState state : ScanState.values()) {
            Gauge.builder(
                            "congvan.attachment.scans",
                            this,
                            metrics -> metrics.current().scans.get(state))
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("Attached files by malware scan state")
                    .register(registry);
        }
        Gauge.builder("congvan.attachment.scans.oldest.waiting", this, metrics -> metrics.current().oldestWaiting)
                .description("Age of the oldest file still waiting for its malware scan (pending or not scanned)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("congvan.storage.used", this, metrics -> metrics.current().bytes)
                .description("Bytes kept in the file store (attachments and report files, each stored file once)")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
        Gauge.builder("congvan.storage.stored", this, metrics -> metrics.current().files)
                .description("Files kept in the file store (each stored file once)")
                .register(registry);
    }

    private Reading current() {
        Reading last = reading;
        long now = System.nanoTime();
        if (last == null || now - last.readAt >= refreshAfterNanos) {
            last = read(now);
            reading = last;
        }
        return last;
    }

    private Reading read(long now) {
        Map<ScanState, Double> scans = new EnumMap<>(ScanState.class);
        for (ScanState state : ScanState.values()) {
            scans.put(state, 0.0);
        }
        double[] oldest = {0};
        jdbc.query(
                """
                select scan_state, count(*),
                    coalesce(extract(epoch from (cast(? as timestamptz) - min(created_at))), 0)
                from attachment group by scan_state
                """,
                rs -> {
                    ScanState state = ScanState.valueOf(rs.getString(1));
                    scans.put(state, (double) rs.getLong(2));
                    if (state == ScanState.PENDING || state == ScanState.NOT_SCANNED) {
                        oldest[0] = Math.max(oldest[0], Math.max(0, rs.getDouble(3)));
                    }
                },
                Timestamp.from(clock.instant()));
        // The bytes of an infected file are deleted; a file taken by reference (ADR 0033) names bytes already counted.
        double[] stored = jdbc.queryForObject("""
                select count(*), coalesce(sum(size_bytes), 0) from (
                    select storage_key, size_bytes from attachment where scan_state <> 'INFECTED'
                    union
                    select storage_key, size_bytes from report_file) kept
                """, (rs, row) -> new double[] {rs.getLong(1), rs.getLong(2)});
        return new Reading(now, scans, oldest[0], stored[0], stored[1]);
    }

    private record Reading(
            long readAt, Map<ScanState, Double> scans, double oldestWaiting, double files, double bytes) {}
}
