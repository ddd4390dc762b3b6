package vn.congvan.dispatch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stamp of everything the public pages and files show (ADR 0022). The database bumps it (V30 triggers) in the
 * transaction of any publication, withdrawal, correction or file change; this instance re-reads it at most once per
 * {@code congvan.dispatch.public-version-ttl} (2 s), and at once after its own publications and withdrawals commit.
 * So an anonymous request normally costs no database round trip to validate, and another instance's withdrawal is
 * seen here within the TTL.
 */
@Component
public class PublicCatalogVersion {

    private final JdbcTemplate jdbc;

    private final long ttlNanos;

    private final AtomicBoolean reading = new AtomicBoolean();

    private volatile Stamp stamp;

    PublicCatalogVersion(JdbcTemplate jdbc, @Value("${congvan.dispatch.public-version-ttl:2s}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    /** The current stamp, at most the TTL old. */
    public long current() {
        Stamp known = stamp;
        long now = System.nanoTime();
        if (known != null && now - known.readAt() < ttlNanos) {
            return known.version();
        }
        // One thread re-reads; the others keep answering with the stamp they have, if they have one.
        boolean reader = reading.compareAndSet(false, true);
        if (known != null && !reader) {
            return known.version();
        }
        try {
            Long version = jdbc.queryForObject("select version from public_catalog_version where id = 1", Long.class);
            stamp = new Stamp(version, now);
            return version;
        } finally {
            if (reader) {
                reading.set(false);
            }
        }
    }

    @EventListener
    void on(DispatchPublished event) {
        forgetAfterCommit();
    }

    @EventListener
    void on(DispatchWithdrawn event) {
        forgetAfterCommit();
    }

    @EventListener
    void on(DispatchSuperseded event) {
        forgetAfterCommit();
    }

    /** Forgets the stamp once the change is visible to other transactions, so the next read cannot see the old one. */
    private void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    stamp = null;
                }
            });
        } else {
            stamp = null;
        }
    }

    private record Stamp(long version, long readAt) {}
}
