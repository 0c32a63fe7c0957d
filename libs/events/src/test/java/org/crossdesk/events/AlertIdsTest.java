package org.crossdesk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlertIdsTest {

    @Test
    void anAlertIdJoinsReferralAndRecipientAndSplitsBack() {
        String alertId = AlertIds.of("CD-2026-000123", "DE-BKA");

        assertThat(alertId).isEqualTo("CD-2026-000123/DE-BKA");
        assertThat(AlertIds.referralIdOf(alertId)).isEqualTo("CD-2026-000123");
        assertThat(AlertIds.recipientDeskOf(alertId)).isEqualTo("DE-BKA");
    }

    @Test
    void partsThatWouldMakeAnAmbiguousIdAreRejected() {
        assertThatThrownBy(() -> AlertIds.of("CD/1", "DE-BKA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertIds.of("CD-1", "de-bka")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertIds.referralIdOf("CD-2026-000123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected <referralId>/<recipientDesk>");
    }
}
