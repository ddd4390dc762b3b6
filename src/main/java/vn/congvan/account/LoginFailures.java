package vn.congvan.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of failed logins behind the lockout rules: per attempted username and per client address. A small
 * working table, not an entity: rows are written, counted and forgotten.
 */
@Component
class LoginFailures {

    private final JdbcClient jdbc;

    private final Clock clock;

    private final LockoutRule perUsername;

    private final LockoutRule perAddress;

    LoginFailures(JdbcClient jdbc, Clock clock, LockoutProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perUsername = new LockoutRule(properties.maxFailuresPerUsername(), properties.window(),
                properties.lockDuration());
        this.perAddress = new LockoutRule(properties.maxFailuresPerAddress(), properties.window(),
                properties.lockDuration());
    }

    /** Whether further attempts for this username or from this address are refused now. */
    @Transactional(readOnly = true)
    public boolean isLocked(String username, String clientAddress) {
        Instant now = clock.instant();
        return perUsername.lockedUntil(failures("username", username, perUsername.horizon(now)), now).isPresent()
                || perAddress.lockedUntil(failures("client_address", clientAddress, perAddress.horizon(now)), now)
                        .isPresent();
    }

    @Transactional
    public void recordFailure(String username, String clientAddress) {
        Instant now = clock.instant();
        jdbc.sql("delete from login_failure where occurred_at < ?")
                .param(utc(perUsername.horizon(now).isBefore(perAddress.horizon(now)) ? perUsername.horizon(now)
                        : perAddress.horizon(now)))
                .update();
        jdbc.sql("insert into login_failure (username, client_address, occurred_at) values (?, ?, ?)")
                .param(username).param(clientAddress).param(utc(now)).update();
    }

    /** A successful login forgives the username's failures (not the address's). */
    @Transactional
    public void clear(String username) {
        jdbc.sql("delete from login_failure where username = ?").param(username).update();
    }

    private List<Instant> failures(String column, String value, Instant since) {
        return jdbc.sql("select occurred_at from login_failure where " + column + " = ? and occurred_at >= ? "
                + "order by occurred_at")
                .param(value).param(utc(since))
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String key(String attempted) {
        String username = Optional.ofNullable(attempted).map(Account::normalise).orElse("");
        return username.length() > 100 ? username.substring(0, 100) : username;
    }

    static String address(String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
