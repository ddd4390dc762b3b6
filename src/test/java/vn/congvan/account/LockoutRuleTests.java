package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LockoutRuleTests {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    LockoutRule rule = new LockoutRule(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void fourFailuresDoNotLock() {
        assertThat(rule.lockedUntil(minutes(0, 1, 2, 3), T0.plusSeconds(300))).isEmpty();
    }

    @Test
    void fiveFailuresWithinTheWindowLockForFifteenMinutesFromTheFifth() {
        List<Instant> failures = minutes(0, 1, 2, 3, 4);

        assertThat(rule.lockedUntil(failures, at(5))).contains(at(19));
        assertThat(rule.lockedUntil(failures, at(18).plusSeconds(59))).isPresent();
        assertThat(rule.lockedUntil(failures, at(19))).isEmpty();
    }

    @Test
    void fiveFailuresSpreadOverMoreThanTheWindowDoNotLock() {
        assertThat(rule.lockedUntil(minutes(0, 4, 8, 12, 16), at(17))).isEmpty();
    }

    @Test
    void aLaterRunOfFailuresLocksAgain() {
        List<Instant> failures = minutes(0, 1, 2, 3, 4, 30, 31, 32, 33, 34);

        assertThat(rule.lockedUntil(failures, at(35))).contains(at(49));
    }

    @Test
    void twentyFailuresLockAnAddress() {
        LockoutRule perAddress = new LockoutRule(20, Duration.ofMinutes(15), Duration.ofMinutes(15));
        List<Instant> failures = IntStream.range(0, 20).mapToObj(i -> T0.plusSeconds(i * 30L)).toList();

        assertThat(perAddress.lockedUntil(failures.subList(0, 19), at(10))).isEmpty();
        assertThat(perAddress.lockedUntil(failures, at(10))).isPresent();
    }

    private static List<Instant> minutes(int... offsets) {
        return IntStream.of(offsets).mapToObj(LockoutRuleTests::at).toList();
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
