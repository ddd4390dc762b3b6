package vn.congvan.account;

import java.time.Clock;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes expired sessions from the shared session store. Every instance of the portal schedules it; a
 * transaction-scoped advisory lock lets one of them do the work and the others skip the round, so that two deletes
 * of the same rows never contend (Spring Session's own clean-up, which knows no other instance, is switched off).
 */
@Component
class ExpiredSessions {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessions.class);

    static final String LOCK = "congvan.expired-sessions";

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final Clock clock;

    ExpiredSessions(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(cron = "${congvan.account.session-cleanup-cron:0 * * * * *}")
    void removeScheduled() {
        try {
            remove().ifPresent(removed -> log.debug("Removed {} expired sessions", removed));
        } catch (RuntimeException ex) {
            log.warn("Removing expired sessions failed", ex);
        }
    }

    /** How many sessions were removed; empty when another instance is removing them now. */
    OptionalInt remove() {
        Integer removed = transaction.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?))")
                    .param(LOCK)
                    .query(Boolean.class)
                    .single();
            if (!mine) {
                return null;
            }
            return jdbc.sql("delete from spring_session where expiry_time < ?")
                    .param(clock.millis())
                    .update();
        });
        return removed == null ? OptionalInt.empty() : OptionalInt.of(removed);
    }
}
