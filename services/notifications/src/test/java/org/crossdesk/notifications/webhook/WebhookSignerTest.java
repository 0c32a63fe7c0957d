package org.crossdesk.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final byte[] SECRET = "whsec-test-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"deliveryId\":\"d-1\",\"kind\":\"ALERT\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyAsOpensslDoes() {
        // printf '%s' '1767225600.<body>' | openssl dgst -sha256 -hmac '<secret>'  (docs/webhooks.md)
        assertThat(WebhookSigner.signature(SECRET, 1767225600L, BODY))
                .isEqualTo("v1=641a4e61937df95bc4a6a413fadc601c6d1c4a23260440d9fdacc3f8ae11d6f4");
    }

    @Test
    void anyChangeToTimestampBodyOrSecretChangesTheSignature() {
        String original = WebhookSigner.signature(SECRET, 1767225600L, BODY);
        byte[] otherBody = BODY.clone();
        otherBody[otherBody.length - 3] = 'X';
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] = 'W';

        assertThat(WebhookSigner.signature(SECRET, 1767225601L, BODY)).isNotEqualTo(original);
        assertThat(WebhookSigner.signature(SECRET, 1767225600L, otherBody)).isNotEqualTo(original);
        assertThat(WebhookSigner.signature(otherSecret, 1767225600L, BODY)).isNotEqualTo(original);
        assertThat(original).matches("v1=[0-9a-f]{64}");
    }
}
