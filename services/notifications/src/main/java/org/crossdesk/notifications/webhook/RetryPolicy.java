package org.crossdesk.notifications.webhook;

import static org.apache.kafka.clients.CommonClientConfigs.RETRY_BACKOFF_EXP_BASE;
import static org.apache.kafka.clients.CommonClientConfigs.RETRY_BACKOFF_JITTER;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.utils.ExponentialBackoff;

/**
 * When to try a failed webhook delivery again. Attempt {@code n + 1} follows attempt {@code n} after Kafka's own
 * exponential back-off, the policy its clients use for {@code retry.backoff.ms} and the one Crossdesk uses everywhere
 * (docs/decisions/0010-one-back-off-policy.md): {@code initialBackoff} doubling up to {@code maxBackoff}, each delay
 * randomly within 20 % of its step, so receivers that fail together are not hit again in lock-step. A receiver's
 * {@code Retry-After} is honoured as a lower bound, capped at {@code maxRetryAfter} so a receiver cannot park a
 * delivery indefinitely. After {@code maxAttempts} attempts the delivery is given up.
 *
 * @param maxAttempts    attempts in all, including the first (at least 1)
 * @param initialBackoff backoff before the second attempt
 * @param maxBackoff     cap of the exponential backoff
 * @param maxRetryAfter  cap of an honoured Retry-After
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "Backoffs must satisfy 0 <= initialBackoff <= maxBackoff and maxRetryAfter >= 0");
        }
    }

    /** 8 attempts over roughly 3 to 5 minutes, a 10-minute cap on Retry-After. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    /** Whether attempt number {@code attemptsMade + 1} is allowed. */
    public boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The back-off after attempt number {@code attemptsMade} (1 for the first), jittered. */
    public Duration backoff(int attemptsMade) {
        ExponentialBackoff exponential = new ExponentialBackoff(
                initialBackoff.toMillis(), RETRY_BACKOFF_EXP_BASE, maxBackoff.toMillis(), RETRY_BACKOFF_JITTER);
        return Duration.ofMillis(exponential.backoff(Math.max(0, attemptsMade - 1)));
    }

    /**
     * The delay before the next attempt, after attempt number {@code attemptsMade} failed.
     *
     * @param retryAfter what the receiver asked for, if anything
     */
    public Duration delayAfter(int attemptsMade, Optional<Duration> retryAfter) {
        Duration honoured = retryAfter
                .map(asked -> asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked)
                .orElse(Duration.ZERO);
        Duration backoff = backoff(attemptsMade);
        return honoured.compareTo(backoff) > 0 ? honoured : backoff;
    }
}
