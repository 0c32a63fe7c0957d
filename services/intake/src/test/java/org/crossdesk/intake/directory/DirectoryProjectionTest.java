package org.crossdesk.intake.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.examples.ExampleEvents;
import org.junit.jupiter.api.Test;

class DirectoryProjectionTest {

    private final DirectoryProjection directory = new DirectoryProjection();

    @Test
    void profilesAddDesksAndTombstonesRemoveThem() {
        assertThat(directory.isEmpty()).isTrue();

        directory.apply("DE-BKA", ExampleEvents.deskProfile());
        directory.apply(
                "FR-BNRF",
                DeskProfile.newBuilder(ExampleEvents.deskProfile())
                        .setDeskId("FR-BNRF")
                        .setCountry("FR")
                        .setActive(false)
                        .build());

        assertThat(directory.contains("DE-BKA")).isTrue();
        assertThat(directory.contains("FR-BNRF"))
                .as("inactive desks are still desks")
                .isTrue();
        assertThat(directory.contains("ES-CNP")).isFalse();

        directory.apply("DE-BKA", null);

        assertThat(directory.contains("DE-BKA")).isFalse();
        assertThat(directory.size()).isEqualTo(1);
    }
}
