package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.congvan.account.LockoutRule.Refusal;

class LockoutRuleTests {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    static final LockoutProperties DEFAULTS = new LockoutProperties(
            Duration.ofMinutes(15),
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            3,
            10,
            Duration.ofMinutes(15),
            20,
            10,
            Duration.ofDays(90));

    LockoutRule pair = LockoutRule.perPair(DEFAULTS);

    LockoutRule address = LockoutRule.perAddress(DEFAULTS);

    LockoutRule account = LockoutRule.perAccount(DEFAULTS);

    @Test
    void theFirstThreeFailuresOfAPairCostNoWait() {
        List<Instant> failures = secondsNewestFirst(0, 1, 2);

        assertThat(pair.refusal(failures, T0.plusSeconds(2))).isEmpty();
        assertThat(pair.refusal(List.of(), T0)).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertThat(pair.refusal(secondsNewestFirst(0, 1, 2, 3), at(3))).contains(new Refusal(at(4), false));
        assertThat(pair.refusal(secondsNewestFirst(0, 1, 2, 3, 4), at(4))).contains(new Refusal(at(6), false));
        assertThat(pair.refusal(secondsNewestFirst(0, 1, 2, 3, 4, 6), at(6))).contains(new Refusal(at(10), false));
        assertThat(pair.refusal(secondsNewestFirst(0, 1, 2, 3, 4, 6, 10), at(10)))
                .contains(new Refusal(at(18), false));
    }

    @Test
    void theWaitEndsExactlyWhenItSaysAndIsNotCountedAsAFailure() {
        List<Instant> failures = secondsNewestFirst(0, 1, 2, 3, 4, 6);

        assertThat(pair.refusal(failures, at(9).plusMillis(999))).isPresent();
        assertThat(pair.refusal(failures, at(10))).isEmpty();
    }

    @Test
    void theWaitStopsGrowingAtTheCap() {
        assertThat(pair.delayAfter(9)).isEqualTo(Duration.ofSeconds(32));
        assertThat(pair.delayAfter(10)).isEqualTo(Duration.ofSeconds(60));
        assertThat(pair.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(60));
        assertThat(account.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void failuresOlderThanTheWindowBeforeTheLatestNoLongerCount() {
        List<Instant> oldRunAndOneNew = newestFirst(IntStream.concat(IntStream.range(0, 9), IntStream.of(16 * 60))
                .mapToObj(LockoutRuleTests::at)
                .toList());

        assertThat(pair.refusal(oldRunAndOneNew, at(16 * 60))).isEmpty();

        List<Instant> spreadOverFourteenMinutes = newestFirst(IntStream.of(0, 200, 400, 600, 840)
                .mapToObj(LockoutRuleTests::at)
                .toList());
        assertThat(pair.refusal(spreadOverFourteenMinutes, at(840))).contains(new Refusal(at(842), false));
    }

    @Test
    void tenFailuresLockThePairForFifteenMinutesFromTheTenth() {
        List<Instant> failures =
                newestFirst(IntStream.range(0, 10).mapToObj(i -> at(i * 60)).toList());
        Instant tenth = at(9 * 60);

        assertThat(pair.refusal(failures, tenth)).contains(new Refusal(tenth.plus(Duration.ofMinutes(15)), true));
        assertThat(pair.refusal(failures, tenth.plus(Duration.ofMinutes(15)).minusMillis(1)))
                .get()
                .extracting(Refusal::locked)
                .isEqualTo(true);
        assertThat(pair.refusal(failures, tenth.plus(Duration.ofMinutes(15)))).isEmpty();
        assertThat(pair.refusal(failures.subList(1, 10), at(8 * 60))).contains(new Refusal(at(8 * 60 + 32), false));
    }

    @Test
    void theAccountAcrossAddressesAndTheAddressAcrossNamesAreSlowedButNeverLocked() {
        List<Instant> hundredFailures =
                secondsNewestFirst(IntStream.range(0, 100).toArray());
        Instant last = at(99);

        assertThat(account.refusal(hundredFailures, last)).contains(new Refusal(last.plusSeconds(60), false));
        assertThat(address.refusal(hundredFailures, last)).contains(new Refusal(last.plusSeconds(60), false));
        assertThat(account.refusal(hundredFailures, last.plusSeconds(60))).isEmpty();
        assertThat(pair.refusal(hundredFailures, last))
                .get()
                .extracting(Refusal::locked)
                .isEqualTo(true);
    }

    @Test
    void theAccountWaitsAfterTenFailuresAndTheAddressAfterTwenty() {
        assertThat(account.refusal(secondsNewestFirst(IntStream.range(0, 10).toArray()), at(9)))
                .isEmpty();
        assertThat(account.refusal(secondsNewestFirst(IntStream.range(0, 11).toArray()), at(10)))
                .contains(new Refusal(at(11), false));
        assertThat(address.refusal(secondsNewestFirst(IntStream.range(0, 20).toArray()), at(19)))
                .isEmpty();
        assertThat(address.refusal(secondsNewestFirst(IntStream.range(0, 21).toArray()), at(20)))
                .contains(new Refusal(at(21), false));
    }

    @Test
    void theNewestRelevantFailuresGiveTheSameVerdictAsAllOfThem() {
        for (LockoutRule rule : List.of(pair, address, account)) {
            for (int count = 0; count < 60; count++) {
                List<Instant> failures =
                        secondsNewestFirst(IntStream.range(0, count).toArray());
                List<Instant> newest = failures.subList(0, Math.min(failures.size(), rule.relevantFailures()));
                Instant now = at(Math.max(0, count - 1));

                assertThat(rule.refusal(newest, now)).isEqualTo(rule.refusal(failures, now));
            }
        }
    }

    @Test
    void theStrictestRefusalIsTheLongestAndALockWinsATie() {
        Optional<Refusal> delay = Optional.of(new Refusal(at(60), false));
        Optional<Refusal> lock = Optional.of(new Refusal(at(900), true));
        Optional<Refusal> sameEndDelay = Optional.of(new Refusal(at(900), false));

        assertThat(LockoutRule.strictest(delay, Optional.empty(), lock)).isEqualTo(lock);
        assertThat(LockoutRule.strictest(sameEndDelay, lock)).isEqualTo(lock);
        assertThat(LockoutRule.strictest(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void secondsLeftAreRoundedUp() {
        Refusal refusal = new Refusal(at(10), false);

        assertThat(refusal.secondsLeft(at(8).plusMillis(1))).isEqualTo(2);
        assertThat(refusal.secondsLeft(at(8))).isEqualTo(2);
        assertThat(refusal.secondsLeft(at(10).minusMillis(1))).isEqualTo(1);
    }

    private static List<Instant> secondsNewestFirst(int... offsets) {
        return newestFirst(IntStream.of(offsets).mapToObj(LockoutRuleTests::at).toList());
    }

    private static List<Instant> newestFirst(List<Instant> oldestFirst) {
        List<Instant> reversed = new ArrayList<>(oldestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }
}
