package org.crossdesk.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoDirectoryTest {

    static DemoDirectory testDirectory() {
        try {
            return DemoDirectory.load(Path.of(
                    DemoDirectoryTest.class.getResource("/demo/directory.yaml").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void readsDesksWithTheirTypesInEitherListStyle() {
        DemoDirectory directory = testDirectory();

        assertThat(directory.desks()).hasSize(7);
        assertThat(directory.handling("DRUG_TRAFFICKING"))
                .extracting(DemoDirectory.Desk::id)
                .containsExactly("FR-OCRTIS", "DE-BKA", "ES-CNP", "VN-C04");
        assertThat(directory.desks().get(0).country()).isEqualTo("FR");
    }

    @Test
    void partnersNeedAnActiveAgreementInForceForTheCrimeAreaAndAnActiveDesk() {
        DemoDirectory directory = testDirectory();

        // France-Vietnam expired in 2022; Spain-Venezuela is suspended and Venezuela's desk inactive.
        assertThat(directory.partnersOf("FR", "DRUG_TRAFFICKING", TODAY)).containsExactly("DE", "ES");
        assertThat(directory.partnersOf("FR", "DRUG_TRAFFICKING", LocalDate.of(2020, 1, 1)))
                .containsExactly("DE", "ES", "VN");
        assertThat(directory.partnersOf("ES", "DRUG_TRAFFICKING", TODAY)).containsExactly("DE", "FR");
        assertThat(directory.partnersOf("FR", "COUNTER_TERRORISM", TODAY)).containsExactly("DE");
    }

    @Test
    void countriesAreThoseWithAnActiveDesk() {
        assertThat(testDirectory().countries()).containsExactly("DE", "ES", "FR", "VN");
    }
}
