package org.crossdesk.notifications.subscription;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.crossdesk.platform.security.DemoMode;

/**
 * Seals webhook signing secrets for storage in the subscriptions topic, and opens them to sign a
 * delivery. HMAC needs the secret itself at signing time, so it cannot be hashed like an API key; it is
 * encrypted with AES-256-GCM under a key only the notifications service has (configuration, not Kafka).
 * Reading the topic alone therefore reveals no secret. The subscription id and desk id are authenticated
 * associated data: a sealed secret moved onto another desk's subscription fails to open.
 */
public final class SecretSealer {

    /**
     * The sealing keys published with Crossdesk (docker-compose.yml's default): a demo may use them, nothing
     * else. Any key whose bytes begin with {@code demo-} counts as one too (a random key does so with odds
     * of 2^-40).
     */
    public static final List<String> PUBLISHED_DEMO_KEYS = List.of("ZGVtby1vbmx5LWNyb3NzZGVzay1rZXktMzItYnl0ZXM=");

    private static final byte[] DEMO_KEY_PREFIX = "demo-".getBytes(StandardCharsets.US_ASCII);
    private static final String KEY_REMEDY =
            "Set crossdesk.notifications.secret-key (env CROSSDESK_NOTIFICATIONS_SECRET_KEY)"
                    + " to base64 of 32 random bytes of your own (`openssl rand -base64 32`), the same on every instance.";

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random;

    public SecretSealer(byte[] key, SecureRandom random) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The secret-sealing key must be " + KEY_BYTES + " bytes (AES-256), got "
                    + (key == null ? "none" : key.length + " bytes"));
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = keyIdOf(key);
        this.random = random;
    }

    /**
     * A sealer for the key given as base64 text, as configured in
     * {@code crossdesk.notifications.secret-key}.
     */
    public static SecretSealer fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException(
                    "crossdesk.notifications.secret-key is not set: give 32 random bytes in base64"
                            + " (e.g. `openssl rand -base64 32`), from the environment as CROSSDESK_NOTIFICATIONS_SECRET_KEY");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("crossdesk.notifications.secret-key is not valid base64");
        }
        return new SecretSealer(key, new SecureRandom());
    }

    /**
     * The sealer of the configured key: refused if it is missing or a published demo key, unless this is
     * the demo, which then falls back to the published demo key.
     *
     * @throws org.crossdesk.platform.security.DemoCredentialsRefusedException outside demo mode
     */
    public static SecretSealer fromConfiguration(String base64Key, DemoMode demo) {
        if (base64Key == null || base64Key.isBlank()) {
            demo.accept(
                    "crossdesk.notifications.secret-key is not set, and only a demo may fall back to the published"
                            + " demo sealing key",
                    KEY_REMEDY);
            return fromBase64(PUBLISHED_DEMO_KEYS.get(0));
        }
        SecretSealer sealer = fromBase64(base64Key);
        if (isPublishedDemoKey(base64Key)) {
            demo.accept("crossdesk.notifications.secret-key is the published demo sealing key", KEY_REMEDY);
        }
        return sealer;
    }

    /** Whether {@code base64Key} is a published demo key (compared as bytes, whatever the base64 spelling). */
    public static boolean isPublishedDemoKey(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (key.length >= DEMO_KEY_PREFIX.length
                && MessageDigest.isEqual(Arrays.copyOf(key, DEMO_KEY_PREFIX.length), DEMO_KEY_PREFIX)) {
            return true;
        }
        return PUBLISHED_DEMO_KEYS.stream()
                .anyMatch(published -> MessageDigest.isEqual(Base64.getDecoder().decode(published), key));
    }

    /** Id of the sealing key: the first 16 hex digits of its SHA-256. */
    public String keyId() {
        return keyId;
    }

    /** Seals {@code secret} for subscription {@code subscriptionId} of desk {@code deskId}. */
    public SealedSecret seal(String secret, String subscriptionId, String deskId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, subscriptionId, deskId);
            byte[] ciphertext = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new SealedSecret(
                    keyId,
                    ByteBuffer.allocate(NONCE_BYTES + ciphertext.length)
                            .put(nonce)
                            .put(ciphertext)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * The secret's bytes (UTF-8), the HMAC key of the signature.
     *
     * @throws IllegalStateException if it was sealed under another key, or for another subscription or desk,
     *                               or was tampered with
     */
    public byte[] open(SealedSecret sealed, String subscriptionId, String deskId) {
        if (!keyId.equals(sealed.keyId())) {
            throw new IllegalStateException("Secret of subscription " + subscriptionId + " was sealed under key "
                    + sealed.keyId() + ", not the configured key " + keyId);
        }
        byte[] bytes = sealed.sealed();
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalStateException("Sealed secret of subscription " + subscriptionId + " is truncated");
        }
        try {
            byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, subscriptionId, deskId);
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Sealed secret of subscription " + subscriptionId
                    + " does not open: tampered with, or not sealed for this subscription and desk");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String subscriptionId, String deskId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((subscriptionId + "\n" + deskId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String keyIdOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
