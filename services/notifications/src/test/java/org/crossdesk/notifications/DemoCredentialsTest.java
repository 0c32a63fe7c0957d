package org.crossdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crossdesk.notifications.subscription.SecretSealer;
import org.crossdesk.notifications.testing.NotificationsApp;
import org.crossdesk.platform.security.DemoCredentialsRefusedException;
import org.crossdesk.platform.security.DemoMode;
import org.crossdesk.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

/** The service refuses to start with the published sealing key, and the demo flag lets it. */
class DemoCredentialsTest {

    private static final String PUBLISHED = SecretSealer.PUBLISHED_DEMO_KEYS.get(0);

    @Test
    void thePublishedSealingKeyStopsTheServiceOutsideTheDemo() {
        assertThatThrownBy(() -> NotificationsApp.start(
                        "notifications-demo-refused",
                        new MutableClock(Instant.now()),
                        List.of("EE-PPA"),
                        Map.of("crossdesk.notifications.secret-key", PUBLISHED)))
                .hasRootCauseInstanceOf(DemoCredentialsRefusedException.class)
                .rootCause()
                .hasMessageContaining("published demo sealing key")
                .hasMessageContaining("CROSSDESK_DEMO=true");
    }

    @Test
    void theDemoStartsWithItAndSaysSo() {
        try (NotificationsApp app = NotificationsApp.start(
                "notifications-demo-accepted",
                new MutableClock(Instant.now()),
                List.of("EE-PPA"),
                Map.of("crossdesk.notifications.secret-key", PUBLISHED, "crossdesk.demo", true))) {
            DemoMode demo = app.bean(DemoMode.class);
            assertThat(demo.isEnabled()).isTrue();
            assertThat(demo.accepted()).singleElement().asString().contains("published demo sealing key");
            assertThat(app.bean(SecretSealer.class).keyId())
                    .isEqualTo(SecretSealer.fromBase64(PUBLISHED).keyId());
        }
    }
}
