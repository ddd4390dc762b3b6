package vn.congvan.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of failed logins (ADR 0017). Failures count per (account name, client address) pair,
 * per address across all names and per account name across all addresses; past a key's free failures each further
 * attempt waits {@code firstDelay}, doubling up to {@code maxDelay}; only a pair is ever locked.
 *
 * @param window failures count when they lie within this span before the latest one (default 15 minutes)
 * @param firstDelay the wait after the first failure past the free ones (default 1 second)
 * @param maxDelay the longest wait (default 60 seconds)
 * @param pairFreeFailures failures of one pair before it waits (default 3)
 * @param pairLockAfter failures of one pair that lock that pair alone (default 10)
 * @param lockDuration how long a pair stays locked after the failure that locked it (default 15 minutes)
 * @param addressFreeFailures failures from one address, whatever the names, before it waits (default 20)
 * @param accountFreeFailures failures for one account name, from any addresses, before it waits (default 10);
 * addresses that logged in to the account successfully are exempt
 * @param knownAddressRetention how long a successful login exempts its address from the account's wait (90 days)
 */
@ConfigurationProperties("congvan.account.lockout")
record LockoutProperties(
        @DefaultValue("15m") Duration window,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("60s") Duration maxDelay,
        @DefaultValue("3") int pairFreeFailures,
        @DefaultValue("10") int pairLockAfter,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("20") int addressFreeFailures,
        @DefaultValue("10") int accountFreeFailures,
        @DefaultValue("90d") Duration knownAddressRetention) {}
