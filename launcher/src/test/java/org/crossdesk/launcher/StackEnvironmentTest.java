package org.crossdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crossdesk.launcher.services.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher tells routing about the directory, with and without --demo. */
class StackEnvironmentTest {

    @TempDir
    Path home;

    private StackOptions options(boolean demo) throws IOException {
        Path demoDirectory = home.resolve("config/demo/directory.yaml");
        Files.createDirectories(demoDirectory.getParent());
        Files.writeString(demoDirectory, "desks: []\n");
        // Insecure: no secrets are made for this test.
        return StackOptions.forHome(home)
                .stateDir(home.resolve("state"))
                .insecure(true)
                .demoCredentials(demo);
    }

    @Test
    void withoutTheDemoRoutingSeedsNothingAndNoServiceAcceptsDemoKeys() throws IOException {
        Map<String, String> routing = Stack.environmentOf(options(false), Service.ROUTING);

        assertThat(routing)
                .containsEntry("CROSSDESK_ROUTING_SEED", "false")
                .doesNotContainKey("CROSSDESK_ROUTING_SEED_FILE")
                .doesNotContainKey("CROSSDESK_DEMO");
    }

    @Test
    void theDemoSeedsTheSyntheticDirectoryFromTheRepositorysFile() throws IOException {
        Map<String, String> routing = Stack.environmentOf(options(true), Service.ROUTING);

        assertThat(routing)
                .doesNotContainKey("CROSSDESK_ROUTING_SEED")
                .containsEntry("CROSSDESK_DEMO", "true")
                .containsEntry("CROSSDESK_ROUTING_SEED_FILE", "file:" + home.resolve("config/demo/directory.yaml"));
    }
}
