package org.crossdesk.notifications.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies a delivery as docs/webhooks.md tells receivers to: written from the document, not the code. */
public final class Signatures {

    private Signatures() {}

    /** Whether {@code signatureHeader} is a valid v1 signature of {@code timestamp}.{@code body} under {@code secret}. */
    public static boolean verify(String secret, String timestamp, byte[] body, String signatureHeader) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String part : signatureHeader.split(",")) {
                String[] scheme = part.trim().split("=", 2);
                if (scheme.length == 2
                        && scheme[0].equals("v1")
                        && MessageDigest.isEqual(expected, HexFormat.of().parseHex(scheme[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
