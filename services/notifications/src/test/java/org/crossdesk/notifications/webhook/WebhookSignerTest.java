package org.crossdesk.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  private static final byte[] SECRET = "whsec-test-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY = "{\"deliveryId\":\"d-1\",\"message\":{\"kind\":\"ALERT\"}}"
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void signsTimestampDotBodyAsOpensslDoes() {
    // printf '%s' '1767225600.<body>' | openssl dgst -sha256 -hmac '<secret>'  (docs/webhooks.md)
    assertThat(WebhookSigner.signature(SECRET, 1767225600L, BODY))
        .isEqualTo("v1=ace2d6b01c0455549157479ea704542b475e8c38ab93232d1f218458d813e2f5");
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
