package vn.congvan.system;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A few numbers read by one query and kept for a while, for gauges that count rows (ADR 0050): Prometheus may scrape
 * every few seconds from several places, and each gauge of a reading asks for it, so the query runs at most once per
 * {@code refreshAfter} whatever the number of gauges or of scrapes. The query takes the current time as its only
 * parameter (for ages) and answers one row of numbers; a negative age (clocks of two instances) reads as 0.
 */
public final class CachedReading {

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final long refreshAfterNanos;

    private final String sql;

    private final int columns;

    private volatile Values values;

    public CachedReading(JdbcTemplate jdbc, Clock clock, Duration refreshAfter, String sql, int columns) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.refreshAfterNanos = refreshAfter.toNanos();
        this.sql = sql;
        this.columns = columns;
    }

    /** The number in that column (1-based) of the latest reading, reading again if it is older than allowed. */
    public double get(int column) {
        Values last = values;
        long now = System.nanoTime();
        if (last == null || now - last.readAt() >= refreshAfterNanos) {
            last = read(now);
            values = last;
        }
        return last.numbers()[column - 1];
    }

    private Values read(long now) {
        double[] numbers = jdbc.queryForObject(
                sql,
                (rs, row) -> {
                    double[] read = new double[columns];
                    for (int i = 0; i < columns; i++) {
                        read[i] = Math.max(0, rs.getDouble(i + 1));
                    }
                    return read;
                },
                Timestamp.from(clock.instant()));
        return new Values(now, numbers);
    }

    private record Values(long readAt, double[] numbers) {}
}
