package org.crossdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    private static final String SECRET = "receiver-test-secret-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReceiverThatRequiresSignaturesTurnsAwayWhatDoesNotVerify() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().requireSignature(SECRET)) {
            String body = "{\"kind\":\"ALERT\"}";

            int signed = post(receiver.url("/hooks/FR"), body, "1765000000", sign(SECRET, "1765000000", body));
            int forged =
                    post(receiver.url("/hooks/FR"), body, "1765000000", sign("another-secret", "1765000000", body));
            int rotated = post(
                    receiver.url("/hooks/FR"),
                    body,
                    "1765000001",
                    sign("old-secret", "1765000001", body) + "," + sign(SECRET, "1765000001", body));

            assertThat(signed).isEqualTo(200);
            assertThat(forged).isEqualTo(401);
            assertThat(rotated).as("one of two signatures verifies").isEqualTo(200);
            assertThat(receiver.received("/hooks/FR"))
                    .extracting(request -> request.signedWith(SECRET))
                    .containsExactly(true, false, true);
            assertThat(receiver.received().get(0).bodyText()).isEqualTo(body);
        }
    }

    @Test
    void answersByAttemptPerPath() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answer("/flaky", attempt -> attempt < 3 ? 503 : 204)) {
            assertThat(post(receiver.url("/flaky"), "{}", "1", "none")).isEqualTo(503);
            assertThat(post(receiver.url("/flaky"), "{}", "1", "none")).isEqualTo(503);
            assertThat(post(receiver.url("/flaky"), "{}", "1", "none")).isEqualTo(204);
            assertThat(post(receiver.url("/other"), "{}", "1", "none")).isEqualTo(200);
        }
    }

    private int post(String url, String body, String timestamp, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Crossdesk-Timestamp", timestamp)
                .header("Crossdesk-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sign(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
