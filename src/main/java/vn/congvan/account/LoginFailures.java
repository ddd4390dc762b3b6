package vn.congvan.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.account.LockoutRule.Refusal;

/**
 * The record of failed logins behind the throttling rules (ADR 0017): per (account name, client address) pair, per
 * address and per account name. A small working table in PostgreSQL, shared by every instance, not an entity: rows
 * are written, counted with index range scans that stop after the few newest rows a rule can use, and deleted once
 * no rule can look at them. Typed names are kept only as {@link NameKeys keyed hashes}.
 */
@Component
class LoginFailures {

    private final JdbcClient jdbc;

    private final Clock clock;

    private final NameKeys names;

    private final LockoutRule perPair;

    private final LockoutRule perAddress;

    private final LockoutRule perAccount;

    private final Duration window;

    private final Duration knownAddressRetention;

    LoginFailures(JdbcClient jdbc, Clock clock, NameKeys names, LockoutProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.names = names;
        this.perPair = LockoutRule.perPair(properties);
        this.perAddress = LockoutRule.perAddress(properties);
        this.perAccount = LockoutRule.perAccount(properties);
        this.window = properties.window();
        this.knownAddressRetention = properties.knownAddressRetention();
    }

    /**
     * Whether an attempt with this name from this address is refused now, without looking at the password. An
     * address that has logged in to the account before is spared the account's own (all addresses) wait, so that a
     * crowd of guessers elsewhere cannot keep the owner out.
     */
    @Transactional(readOnly = true)
    public Optional<Refusal> refusal(String typedName, String clientAddress) {
        Instant now = clock.instant();
        String name = names.of(typedName);
        Optional<Refusal> pair = perPair.refusal(
                newest(perPair, now, "name_key = :name and client_address = :address", name, clientAddress), now);
        Optional<Refusal> address =
                perAddress.refusal(newest(perAddress, now, "client_address = :address", name, clientAddress), now);
        Optional<Refusal> account = known(name, clientAddress, now)
                ? Optional.empty()
                : perAccount.refusal(newest(perAccount, now, "name_key = :name", name, clientAddress), now);
        return LockoutRule.strictest(pair, address, account);
    }

    /**
     * Claims the (name, address) pair and the address for one attempt, until the caller's transaction ends; false
     * when another attempt holds either. Without it, attempts sent in parallel would all pass the check before any
     * of them is recorded. Never waits, so a flood cannot hold database connections; the name alone is not claimed,
     * so guessers elsewhere cannot keep the owner's own attempts busy.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String typedName, String clientAddress) {
        return jdbc.sql("""
                select pg_try_advisory_xact_lock(8240, hashtext(:name || '|' || :address))
                   and pg_try_advisory_xact_lock(8241, hashtext(:address))""")
                .param("name", names.of(typedName))
                .param("address", clientAddress)
                .query(Boolean.class)
                .single();
    }

    @Transactional
    public void recordFailure(String typedName, String clientAddress) {
        Instant now = clock.instant();
        jdbc.sql("delete from login_failure where occurred_at < :horizon")
                .param("horizon", utc(earliest(perPair.horizon(now), perAddress.horizon(now), perAccount.horizon(now))))
                .update();
        jdbc.sql("insert into login_failure (name_key, client_address, occurred_at) values (:name, :address, :at)")
                .param("name", names.of(typedName))
                .param("address", clientAddress)
                .param("at", utc(now))
                .update();
    }

    /**
     * A successful login forgives the pair's failures (not the account's from other addresses, nor the address's
     * with other names) and makes the address known to the account.
     */
    @Transactional
    public void succeeded(String username, String clientAddress) {
        Instant now = clock.instant();
        String name = names.of(username);
        jdbc.sql("delete from login_failure where name_key = :name and client_address = :address")
                .param("name", name)
                .param("address", clientAddress)
                .update();
        jdbc.sql("delete from login_known_address where last_success_at < :horizon")
                .param("horizon", utc(now.minus(knownAddressRetention)))
                .update();
        jdbc.sql("""
                insert into login_known_address (name_key, client_address, last_success_at)
                values (:name, :address, :at)
                on conflict (name_key, client_address) do update set last_success_at = excluded.last_success_at""")
                .param("name", name)
                .param("address", clientAddress)
                .param("at", utc(now))
                .update();
    }

    /** Forgets every failure for this account name, from every address; answers how many. */
    @Transactional
    public int clear(String username) {
        return jdbc.sql("delete from login_failure where name_key = :name")
                .param("name", names.of(username))
                .update();
    }

    /** The recent failures and locked pairs of these accounts, by username; accounts without any are left out. */
    @Transactional(readOnly = true)
    public Map<String, FailedLogins> summaries(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, String> byKey =
                usernames.stream().distinct().collect(Collectors.toMap(names::of, Function.identity()));
        Instant now = clock.instant();
        record Row(String name, String address, Instant at) {}
        List<Row> rows = jdbc.sql("""
                select name_key, client_address, occurred_at from login_failure
                where name_key in (:names) and occurred_at >= :since order by occurred_at desc""")
                .param("names", byKey.keySet())
                .param("since", utc(perPair.horizon(now)))
                .query((rs, row) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
        Map<String, Map<String, List<Instant>>> pairs = new HashMap<>();
        for (Row row : rows) {
            pairs.computeIfAbsent(row.name(), name -> new HashMap<>())
                    .computeIfAbsent(row.address(), address -> new ArrayList<>())
                    .add(row.at());
        }
        Instant recent = now.minus(window);
        Map<String, FailedLogins> summaries = new HashMap<>();
        pairs.forEach((name, byAddress) -> {
            int failures = 0;
            int locked = 0;
            for (List<Instant> newestFirst : byAddress.values()) {
                failures += (int)
                        newestFirst.stream().filter(at -> !at.isBefore(recent)).count();
                if (perPair.refusal(newestFirst, now).filter(Refusal::locked).isPresent()) {
                    locked++;
                }
            }
            if (failures > 0 || locked > 0) {
                summaries.put(byKey.get(name), new FailedLogins(failures, locked));
            }
        });
        return summaries;
    }

    private List<Instant> newest(LockoutRule rule, Instant now, String condition, String name, String address) {
        return jdbc.sql("select occurred_at from login_failure where " + condition
                        + " and occurred_at >= :since order by occurred_at desc limit :limit")
                .param("name", name)
                .param("address", address)
                .param("since", utc(rule.horizon(now)))
                .param("limit", rule.relevantFailures())
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
    }

    private boolean known(String name, String address, Instant now) {
        return jdbc.sql("""
                select exists (select 1 from login_known_address
                               where name_key = :name and client_address = :address and last_success_at >= :since)""")
                .param("name", name)
                .param("address", address)
                .param("since", utc(now.minus(knownAddressRetention)))
                .query(Boolean.class)
                .single();
    }

    private static Instant earliest(Instant first, Instant... others) {
        Instant earliest = first;
        for (Instant other : others) {
            earliest = other.isBefore(earliest) ? other : earliest;
        }
        return earliest;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The client address as the throttle keys it: as the servlet container reports it, bounded in length. */
    static String address(String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
