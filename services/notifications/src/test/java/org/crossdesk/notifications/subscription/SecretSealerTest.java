package org.crossdesk.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import org.crossdesk.platform.security.DemoCredentialsRefusedException;
import org.crossdesk.platform.security.DemoMode;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private static final String SECRET = "a-signing-secret-of-at-least-32-characters";

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    private final SecretSealer sealer = new SecretSealer(key(1), new SecureRandom());

    @Test
    void sealedSecretsOpenForTheirSubscriptionAndDeskOnly() {
        SealedSecret sealed = sealer.seal(SECRET, "sub-1", "DE-BKA");

        assertThat(new String(sealer.open(sealed, "sub-1", "DE-BKA"), StandardCharsets.UTF_8))
                .isEqualTo(SECRET);
        assertThatThrownBy(() -> sealer.open(sealed, "sub-1", "FR-OCRTIS")).hasMessageContaining("does not open");
        assertThatThrownBy(() -> sealer.open(sealed, "sub-2", "DE-BKA")).hasMessageContaining("does not open");
    }

    @Test
    void theStoredFormRevealsNothingAndDiffersEachTime() {
        SealedSecret first = sealer.seal(SECRET, "sub-1", "DE-BKA");
        SealedSecret second = sealer.seal(SECRET, "sub-1", "DE-BKA");

        assertThat(new String(first.sealed(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET.substring(0, 8));
        assertThat(first.sealed()).isNotEqualTo(second.sealed());
        assertThat(first.toString()).doesNotContain(SECRET).contains(sealer.keyId());
    }

    @Test
    void anotherKeyCannotOpenItAndSaysWhichKeySealedIt() {
        SealedSecret sealed = sealer.seal(SECRET, "sub-1", "DE-BKA");
        SecretSealer other = new SecretSealer(key(2), new SecureRandom());

        assertThat(other.keyId()).isNotEqualTo(sealer.keyId()).hasSize(16);
        assertThatThrownBy(() -> other.open(sealed, "sub-1", "DE-BKA")).hasMessageContaining(sealer.keyId());
    }

    @Test
    void tamperingIsDetected() {
        byte[] bytes = sealer.seal(SECRET, "sub-1", "DE-BKA").sealed();
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> sealer.open(new SealedSecret(sealer.keyId(), bytes), "sub-1", "DE-BKA"))
                .hasMessageContaining("does not open");
    }

    @Test
    void theConfiguredKeyMustBe32BytesOfBase64() {
        assertThat(SecretSealer.fromBase64(Base64.getEncoder().encodeToString(key(3)))
                        .keyId())
                .hasSize(16);
        assertThatThrownBy(() -> SecretSealer.fromBase64(null))
                .hasMessageContaining("CROSSDESK_NOTIFICATIONS_SECRET_KEY");
        assertThatThrownBy(() -> SecretSealer.fromBase64("not base64!")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> SecretSealer.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void aMissingOrPublishedKeyIsRefusedOutsideTheDemo() {
        String published = SecretSealer.PUBLISHED_DEMO_KEYS.get(0);
        String demoNamed = Base64.getEncoder()
                .encodeToString("demo-my-own-32-byte-crossdesk-ke".getBytes(StandardCharsets.US_ASCII));
        for (String key : new String[] {null, " ", published, " " + published + "\n", demoNamed}) {
            assertThatThrownBy(() -> SecretSealer.fromConfiguration(key, new DemoMode(false)))
                    .isInstanceOf(DemoCredentialsRefusedException.class)
                    .hasMessageContaining("crossdesk.notifications.secret-key")
                    .hasMessageContaining("CROSSDESK_DEMO=true");
        }
        String own = Base64.getEncoder().encodeToString(key(4));
        DemoMode production = new DemoMode(false);
        assertThat(SecretSealer.fromConfiguration(own, production).keyId())
                .isEqualTo(SecretSealer.fromBase64(own).keyId());
        assertThat(production.accepted()).isEmpty();
    }

    @Test
    void theDemoAcceptsThePublishedKeyAndFallsBackToItAndSaysSo() {
        String published = SecretSealer.PUBLISHED_DEMO_KEYS.get(0);
        DemoMode demo = new DemoMode(true);

        SecretSealer configured = SecretSealer.fromConfiguration(published, demo);
        SecretSealer fallback = SecretSealer.fromConfiguration(null, demo);

        assertThat(fallback.keyId())
                .isEqualTo(configured.keyId())
                .isEqualTo(SecretSealer.fromBase64(published).keyId());
        assertThat(demo.accepted())
                .hasSize(2)
                .allSatisfy(what -> assertThat(what).contains("secret-key"));
        assertThat(demo.warning())
                .hasValueSatisfying(warning -> assertThat(warning).contains("published demo sealing key"));
    }
}
