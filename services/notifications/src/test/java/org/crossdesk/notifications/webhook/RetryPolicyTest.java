package org.crossdesk.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1));

    @Test
    void backoffDoublesFromTheInitialDelayUpToItsCap() {
        assertWithinJitter(policy.backoff(1), 1_000);
        assertWithinJitter(policy.backoff(2), 2_000);
        assertWithinJitter(policy.backoff(3), 4_000);
        assertWithinJitter(policy.backoff(4), 8_000);
        assertThat(policy.backoff(5)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(policy.backoff(9)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void jitterKeepsEachDelayWithinTwentyPercentOfItsStepAndSpreadsThem() {
        long[] delays = IntStream.range(0, 500)
                .mapToLong(i -> policy.delayAfter(3, Optional.empty()).toMillis())
                .toArray();

        assertThat(Arrays.stream(delays).boxed().toList())
                .allSatisfy(delay -> assertThat(delay).isBetween(3_200L, 4_800L));
        assertThat(Arrays.stream(delays).distinct().count()).isGreaterThan(100);
    }

    @Test
    void retryAfterIsALowerBoundCappedByMaxRetryAfter() {
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofHours(3)))).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(4, Optional.of(Duration.ZERO))).isGreaterThanOrEqualTo(Duration.ofMillis(6_400));
    }

    @Test
    void attemptsStopAtTheMaximum() {
        assertThat(policy.mayRetryAfter(4)).isTrue();
        assertThat(policy.mayRetryAfter(5)).isFalse();
    }

    @Test
    void nonsensicalPoliciesAreRejected() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertWithinJitter(Duration backoff, long stepMillis) {
        assertThat(backoff.toMillis()).isBetween(stepMillis * 8 / 10, stepMillis * 12 / 10);
    }
}
