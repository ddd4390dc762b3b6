package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The API's token bucket, on a clock the test moves. */
class ApiRateLimitTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private final ApiRateLimit limit = new ApiRateLimit(60, now::get);

    @Test
    void aFullBucketLetsItsCapacityThroughThenSaysHowLongToWait() {
        for (int i = 0; i < 60; i++) {
            assertThat(limit.take("token:1")).isZero();
        }
        long wait = limit.take("token:1");
        assertThat(wait).isEqualTo(1_000_000_000L);
        assertThat(limit.take("token:2"))
                .as("another caller has a bucket of its own")
                .isZero();
    }

    @Test
    void theBucketRefillsOneRequestPerSecondAtSixtyAMinute() {
        for (int i = 0; i < 60; i++) {
            limit.take("address:10.0.0.1");
        }
        now.addAndGet(500_000_000L);
        assertThat(limit.take("address:10.0.0.1")).isEqualTo(500_000_000L);
        now.addAndGet(500_000_000L);
        assertThat(limit.take("address:10.0.0.1")).isZero();
        assertThat(limit.take("address:10.0.0.1")).isPositive();
        now.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 60; i++) {
            assertThat(limit.take("address:10.0.0.1"))
                    .as("refilled to its capacity, no more")
                    .isZero();
        }
        assertThat(limit.take("address:10.0.0.1")).isPositive();
    }
}
