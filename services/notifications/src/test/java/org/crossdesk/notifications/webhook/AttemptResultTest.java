package org.crossdesk.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttemptResultTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:00Z");

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void every2xxIsDelivered(int status) {
        AttemptResult result = AttemptResult.ofResponse(status, null, NOW);
        assertThat(result.delivered()).isTrue();
        assertThat(result.error()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
    void timeoutsThrottlingAndServerErrorsAreRetried(int status) {
        AttemptResult result = AttemptResult.ofResponse(status, null, NOW);
        assertThat(result.delivered()).isFalse();
        assertThat(result.retryable()).isTrue();
        assertThat(result.error()).isEqualTo("HTTP " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 400, 401, 403, 404, 410, 413, 422})
    void otherClientErrorsAndRedirectsArePermanent(int status) {
        AttemptResult result = AttemptResult.ofResponse(status, "10", NOW);
        assertThat(result.delivered()).isFalse();
        assertThat(result.retryable()).isFalse();
        assertThat(result.retryAfter()).isEmpty();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(AttemptResult.ofResponse(503, "120", NOW).retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(AttemptResult.ofResponse(429, "Mon, 02 Mar 2026 08:16:30 GMT", NOW)
                        .retryAfter())
                .contains(Duration.ofSeconds(90));
        assertThat(AttemptResult.ofResponse(503, "Mon, 02 Mar 2026 08:00:00 GMT", NOW)
                        .retryAfter())
                .isEmpty();
        assertThat(AttemptResult.ofResponse(503, "soon", NOW).retryAfter()).isEmpty();
    }

    @Test
    void transportFailuresAreRetriedAndNamed() {
        assertThat(AttemptResult.ofException(new CompletionException(new HttpTimeoutException("x"))))
                .satisfies(r -> {
                    assertThat(r.retryable()).isTrue();
                    assertThat(r.error()).isEqualTo("request timed out");
                    assertThat(r.status()).isZero();
                });
        assertThat(AttemptResult.ofException(new HttpConnectTimeoutException("x"))
                        .error())
                .isEqualTo("connect timed out");
        assertThat(AttemptResult.ofException(new ConnectException()).error()).isEqualTo("connection refused");
        assertThat(AttemptResult.ofException(new IOException("reset")).error()).isEqualTo("IOException: reset");
    }
}
