package org.crossdesk.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature (docs/webhooks.md): {@code Crossdesk-Signature: v1=<hex>} where {@code <hex>} is
 * the lower-case hex HMAC-SHA256, keyed with the subscription secret's UTF-8 bytes, of the ASCII decimal
 * {@code Crossdesk-Timestamp} (Unix seconds), a full stop, and the exact body bytes. Signing the
 * timestamp lets receivers reject replays of an old, validly signed delivery.
 */
public final class WebhookSigner {

    /** Version prefix of the signature scheme; a new scheme would be sent alongside as {@code v2=...}. */
    public static final String SCHEME = "v1";

    private WebhookSigner() {}

    /** The {@code Crossdesk-Signature} header value for {@code body} sent at {@code timestampSeconds}. */
    public static String signature(byte[] secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(Long.toString(timestampSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return SCHEME + "=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
