package vn.congvan.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One throttle over one kind of key (an account name and address pair, an address, an account name): the first
 * {@code freeFailures} failures cost nothing; after each further one the next attempt must wait {@code firstDelay},
 * doubling with every failure up to {@code maxDelay}; {@code lockAfter} failures (0: never) lock the key for
 * {@code lockDuration} from the last one. Failures count when they lie within {@code window} before the latest, so
 * a quiet spell starts afresh. Attempts refused by the rule are not failures (the password is not checked), so
 * waiting always helps. Pure, so that its edges can be tested without a clock.
 */
record LockoutRule(
        int freeFailures,
        Duration firstDelay,
        Duration maxDelay,
        int lockAfter,
        Duration lockDuration,
        Duration window) {

    /** The lock of an (account name, address) pair: only the pair is ever locked. */
    static LockoutRule perPair(LockoutProperties properties) {
        return new LockoutRule(
                properties.pairFreeFailures(),
                properties.firstDelay(),
                properties.maxDelay(),
                properties.pairLockAfter(),
                properties.lockDuration(),
                properties.window());
    }

    /** Password spraying from one address across many names: slows the address, never locks it (a whole office). */
    static LockoutRule perAddress(LockoutProperties properties) {
        return new LockoutRule(
                properties.addressFreeFailures(),
                properties.firstDelay(),
                properties.maxDelay(),
                0,
                Duration.ZERO,
                properties.window());
    }

    /** Guessing one account from many addresses: slows the account, never locks it (its owner must get in). */
    static LockoutRule perAccount(LockoutProperties properties) {
        return new LockoutRule(
                properties.accountFreeFailures(),
                properties.firstDelay(),
                properties.maxDelay(),
                0,
                Duration.ZERO,
                properties.window());
    }

    LockoutRule {
        if (freeFailures < 0
                || lockAfter < 0
                || firstDelay.isNegative()
                || maxDelay.compareTo(firstDelay) < 0
                || lockDuration.isNegative()
                || window.isNegative()
                || window.isZero()) {
            throw new IllegalArgumentException("Inconsistent lockout rule");
        }
    }

    /** Whether, and until when, an attempt at {@code now} is refused, given the key's failures newest first. */
    Optional<Refusal> refusal(List<Instant> newestFirst, Instant now) {
        if (newestFirst.isEmpty()) {
            return Optional.empty();
        }
        Instant last = newestFirst.get(0);
        Instant since = last.minus(window);
        int failures =
                (int) newestFirst.stream().takeWhile(at -> at.isAfter(since)).count();
        if (lockAfter > 0 && failures >= lockAfter) {
            Instant until = last.plus(lockDuration);
            if (now.isBefore(until)) {
                return Optional.of(new Refusal(until, true));
            }
        }
        Instant until = last.plus(delayAfter(failures));
        return now.isBefore(until) ? Optional.of(new Refusal(until, false)) : Optional.empty();
    }

    /** The wait after the {@code failures}-th failure within the window. */
    Duration delayAfter(int failures) {
        int doublings = failures - freeFailures - 1;
        if (doublings < 0) {
            return Duration.ZERO;
        }
        if (doublings >= 31) {
            return maxDelay;
        }
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** How many of a key's newest failures can change the verdict: fetching more would change nothing. */
    int relevantFailures() {
        int toCap = freeFailures + 1;
        while (delayAfter(toCap).compareTo(maxDelay) < 0) {
            toCap++;
        }
        return Math.max(lockAfter, toCap);
    }

    /** Failures before this can no longer matter at {@code now}. */
    Instant horizon(Instant now) {
        Duration longest = lockDuration.compareTo(maxDelay) > 0 ? lockDuration : maxDelay;
        return now.minus(window).minus(longest);
    }

    /** The refusal that lasts longest (a lock before a delay that ends at the same moment). */
    @SafeVarargs
    static Optional<Refusal> strictest(Optional<Refusal>... refusals) {
        return Stream.of(refusals)
                .flatMap(Optional::stream)
                .max(Comparator.comparing(Refusal::until).thenComparing(Refusal::locked));
    }

    /** An attempt is refused until {@code until}; {@code locked} says whether by a lock or by a delay. */
    record Refusal(Instant until, boolean locked) {

        /** Whole seconds to wait, at least one. */
        long secondsLeft(Instant now) {
            Duration left = Duration.between(now, until);
            return Math.max(1, left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
        }
    }
}
