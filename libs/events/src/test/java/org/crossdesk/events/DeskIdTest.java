package org.crossdesk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeskIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"FR-OCRTIS", "DE-BKA", "TH-RTP", "LA-MPS", "XK-KP", "GB-NCA2", "ES-ABCDEFGHIJKLMNOP"})
    void wellFormedDeskIdsAreAccepted(String value) {
        assertThat(DeskId.isValid(value)).isTrue();
        assertThat(DeskId.requireValid(value)).isEqualTo(value);
    }

    @Test
    void aDeskIdSplitsIntoCountryAndAgency() {
        DeskId desk = DeskId.of("FR-OCRTIS");
        assertThat(desk.country()).isEqualTo("FR");
        assertThat(desk.agency()).isEqualTo("OCRTIS");
        assertThat(desk).hasToString("FR-OCRTIS");
    }

    @Test
    void theMessageSaysWhatIsWrong() {
        assertThatThrownBy(() -> DeskId.of("fr-x")).hasMessageContaining("expected CC-AGENCY");
        assertThatThrownBy(() -> DeskId.of("QQ-BKA"))
                .hasMessageContaining("'QQ' is not an ISO 3166-1 alpha-2 country code");
    }
}
