package vn.congvan.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The windows a broad query tries when the recent documents held too few matches (ADR 0052, 0057). */
class BroadWindowsTests {

    @Test
    void aWalkThatFoundNothingKeepsTheFixedSteps() {
        assertThat(DispatchSearch.windows(200, 800, 0)).containsExactly(2_000, 20_000, 0);
        // The recent set (4,096) held no match: a window of the 2,000 newest cannot hold one either.
        assertThat(DispatchSearch.windows(200, 4_096, 0)).containsExactly(20_000, 0);
    }

    @Test
    void theFirstWindowHoldsTheNeededMatchesAtTheWalksDensityWithAMargin() {
        // '3080' on the city's data: 63 matches among the newest 800; 2,000 would hold about 158, so it is skipped.
        assertThat(DispatchSearch.windows(200, 800, 63)).containsExactly(3_808, 20_000, 0);
        // A denser word starts below the first fixed step; a step barely wider than a failed window is not tried.
        assertThat(DispatchSearch.windows(200, 800, 123)).containsExactly(1_950, 20_000, 0);
        assertThat(DispatchSearch.windows(200, 800, 190)).containsExactly(1_263, 20_000, 0);
    }

    @Test
    void theRecentSetsDensitySizesTheFirstWindow() {
        // 135 public matches among the newest 4,096: 200 are expected among about 6,068, tried with half again.
        assertThat(DispatchSearch.windows(200, 4096, 135)).containsExactly(9_102, 20_000, 0);
        // A page deep enough to need more candidates than the set holds widens the window in proportion.
        assertThat(DispatchSearch.windows(2_000, 4096, 1_000)).containsExactly(12_288, 200_000, 0);
    }

    @Test
    void aRareWordGoesStraightToAWideWindowOrTheWholeIndex() {
        assertThat(DispatchSearch.windows(200, 800, 1)).containsExactly(240_000, 0);
    }
}
