package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Moments are shown in the configured zone, whatever the JVM's (the ledger's CSV and pages use these). */
class TimesTests {

    static final Instant LATE_EVENING_IN_UTC = Instant.parse("2025-11-29T23:30:00Z");

    @Test
    void showsVietnamsClockOnAServerInUtc() {
        TimeZone jvm = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try {
            Times times = new Times(Times.VIETNAM);

            assertThat(times.format(LATE_EVENING_IN_UTC)).isEqualTo("30/11/2025 06:30");
            assertThat(times.formatDate(LATE_EVENING_IN_UTC)).isEqualTo("30/11/2025");
            assertThat(times.dateOf(LATE_EVENING_IN_UTC)).isEqualTo(LocalDate.of(2025, 11, 30));
        } finally {
            TimeZone.setDefault(jvm);
        }
    }

    @Test
    void followsTheConfiguredZone() {
        Times times = new Times(ZoneId.of("Asia/Tokyo"));

        assertThat(times.format(LATE_EVENING_IN_UTC)).isEqualTo("30/11/2025 08:30");
        assertThat(times.format(null)).isEmpty();
    }
}
