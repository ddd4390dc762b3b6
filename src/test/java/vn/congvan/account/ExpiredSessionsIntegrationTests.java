package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congvan.CongvanIntegrationTest;

/** Every instance runs the clean-up of expired sessions; one at a time does the work. */
@CongvanIntegrationTest
class ExpiredSessionsIntegrationTests {

    @Autowired
    ExpiredSessions expiredSessions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void removesExpiredSessionsOnlyAndSkipsTheRoundWhileAnotherInstanceHoldsTheLock() throws Exception {
        String expired = session(System.currentTimeMillis() - 60_000);
        String live = session(System.currentTimeMillis() + 3_600_000);

        // Another instance, in the middle of its own round, holds the lock in its transaction.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, ExpiredSessions.LOCK);
                lock.execute();
            }
            assertThat(expiredSessions.remove()).isEmpty();
            assertThat(exists(expired)).isTrue();
            other.rollback();
        }

        assertThat(expiredSessions.remove())
                .isPresent()
                .satisfies(removed -> assertThat(removed.getAsInt()).isPositive());
        assertThat(exists(expired)).isFalse();
        assertThat(exists(live)).isTrue();
    }

    private String session(long expiryTime) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time,
                    max_inactive_interval, expiry_time) values (?, ?, ?, ?, 1800, ?)
                """)
                .params(id, UUID.randomUUID().toString(), expiryTime - 1_800_000, expiryTime - 1_800_000, expiryTime)
                .update();
        return id;
    }

    private boolean exists(String primaryId) {
        return jdbc.sql("select count(*) from spring_session where primary_id = ?")
                        .param(primaryId)
                        .query(Integer.class)
                        .single()
                == 1;
    }
}
