package org.crossdesk.notifications.webhook;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.crossdesk.notifications.egress.RefusedAddressException;

/**
 * How one HTTP attempt of a webhook delivery ended.
 *
 * <p>Any 2xx is delivered. 408 (request timeout), 429 (too many requests) and every 5xx are temporary,
 * as are timeouts and connection errors: the delivery is tried again. Every other status (other 4xx, and
 * 1xx/3xx: redirects are not followed) is permanent: trying again would only repeat the answer. So is a
 * URL or address the egress policy refuses: nothing was sent, and nothing will be.
 *
 * @param delivered  whether the receiver accepted it
 * @param retryable  for a failure, whether another attempt may succeed
 * @param status     HTTP status, or 0 if no response was received
 * @param error      for a failure, a short description without secrets ("HTTP 503", "request timed out")
 * @param retryAfter the receiver's Retry-After, if it sent one
 */
public record AttemptResult(
        boolean delivered, boolean retryable, int status, String error, Optional<Duration> retryAfter) {

    /** The result of a response with {@code status} and the raw {@code Retry-After} header (may be null). */
    public static AttemptResult ofResponse(int status, String retryAfterHeader, Instant now) {
        if (status >= 200 && status < 300) {
            return new AttemptResult(true, false, status, null, Optional.empty());
        }
        boolean retryable = status == 408 || status == 429 || (status >= 500 && status < 600);
        return new AttemptResult(
                false,
                retryable,
                status,
                "HTTP " + status,
                retryable ? parseRetryAfter(retryAfterHeader, now) : Optional.empty());
    }

    /** An attempt not made, because the egress policy refuses where it would go. */
    public static AttemptResult refused(String why) {
        return new AttemptResult(false, false, 0, why, Optional.empty());
    }

    /** The result of an attempt that got no response. */
    public static AttemptResult ofException(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof RefusedAddressException refused) {
                return refused("address refused: " + refused.getMessage());
            }
        }
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String error;
        if (cause instanceof HttpConnectTimeoutException) {
            error = "connect timed out";
        } else if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            error = "request timed out";
        } else if (cause instanceof ConnectException) {
            error = "connection refused";
        } else {
            // Exception messages of the HTTP client never carry headers or bodies, so no secret leaks here.
            error = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return new AttemptResult(false, true, 0, error, Optional.empty());
    }

    /**
     * {@code Retry-After} as a delay: delta-seconds, or an HTTP-date relative to {@code now} (RFC 9110
     * §10.2.3). Unparseable or past values are ignored.
     */
    static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLarge) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration delay = Duration.between(now, at);
            return delay.isNegative() ? Optional.empty() : Optional.of(delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
