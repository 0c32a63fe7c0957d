package org.crossdesk.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), Duration.ofMinutes(1));

    @Test
    void backoffDoublesFromTheInitialDelayUpToItsCap() {
        assertThat(IntStream.rangeClosed(1, 6).mapToObj(policy::backoffCeiling))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10));
    }

    @Test
    void jitterKeepsEachDelayBetweenHalfAndAllOfTheBackoffAndSpreadsThem() {
        SplittableRandom random = new SplittableRandom(42);
        long[] delays = IntStream.range(0, 500)
                .mapToLong(i -> policy.delayAfter(3, Optional.empty(), random).toMillis())
                .toArray();

        assertThat(Arrays.stream(delays).boxed().toList())
                .allSatisfy(delay -> assertThat(delay).isBetween(2_000L, 4_000L));
        assertThat(Arrays.stream(delays).distinct().count()).isGreaterThan(100);
    }

    @Test
    void retryAfterIsALowerBoundCappedByMaxRetryAfter() {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(30)), random))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofHours(3)), random))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(4, Optional.of(Duration.ZERO), random))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void attemptsStopAtTheMaximum() {
        assertThat(policy.mayRetryAfter(4)).isTrue();
        assertThat(policy.mayRetryAfter(5)).isFalse();
    }

    @Test
    void nonsensicalPoliciesAreRejected() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 2, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), 2, Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
