package org.crossdesk.notifications.webhook;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed webhook delivery again. Attempt {@code n + 1} follows attempt {@code n} after an
 * exponential backoff {@code min(maxBackoff, initialBackoff * multiplier^(n-1))} with "equal jitter" (a
 * uniformly random delay between half and all of it), so receivers that fail together are not hit again
 * in lock-step. A receiver's {@code Retry-After} is honoured as a lower bound, capped at
 * {@code maxRetryAfter} so a receiver cannot park a delivery indefinitely. After {@code maxAttempts}
 * attempts the delivery is given up.
 *
 * @param maxAttempts    attempts in all, including the first (at least 1)
 * @param initialBackoff backoff before the second attempt
 * @param multiplier     growth factor per attempt (at least 1)
 * @param maxBackoff     cap of the exponential backoff
 * @param maxRetryAfter  cap of an honoured Retry-After
 */
public record RetryPolicy(
        int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "Backoffs must satisfy 0 <= initialBackoff <= maxBackoff and maxRetryAfter >= 0");
        }
    }

    /** 8 attempts over roughly 2 to 4 minutes, a 10-minute cap on Retry-After. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(2), 2.0, Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    /** Whether attempt number {@code attemptsMade + 1} is allowed. */
    public boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The exponential backoff after attempt number {@code attemptsMade}, before jitter. */
    public Duration backoffCeiling(int attemptsMade) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /**
     * The delay before the next attempt, after attempt number {@code attemptsMade} failed.
     *
     * @param retryAfter what the receiver asked for, if anything
     */
    public Duration delayAfter(int attemptsMade, Optional<Duration> retryAfter, RandomGenerator random) {
        long ceiling = backoffCeiling(attemptsMade).toMillis();
        long half = ceiling / 2;
        long jittered = half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1));
        long asked = retryAfter.map(Duration::toMillis).orElse(0L);
        long honoured = Math.min(asked, maxRetryAfter.toMillis());
        return Duration.ofMillis(Math.max(jittered, honoured));
    }
}
