package vn.congvan.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "{@code max} failures within {@code window} lock for {@code lockDuration}": the lock starts at the failure that
 * completes such a run and lasts {@code lockDuration} from it. Pure, so that its edges can be tested without a clock.
 */
record LockoutRule(int max, Duration window, Duration lockDuration) {

    /** When the lock ends, if {@code failures} (oldest first) lock at {@code now}. */
    Optional<Instant> lockedUntil(List<Instant> failures, Instant now) {
        Instant until = null;
        for (int last = max - 1; last < failures.size(); last++) {
            Instant first = failures.get(last - max + 1);
            Instant end = failures.get(last);
            if (!end.isAfter(first.plus(window))) {
                Instant candidate = end.plus(lockDuration);
                if (until == null || candidate.isAfter(until)) {
                    until = candidate;
                }
            }
        }
        return until != null && now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** How far back failures can still matter. */
    Instant horizon(Instant now) {
        return now.minus(window).minus(lockDuration);
    }
}
