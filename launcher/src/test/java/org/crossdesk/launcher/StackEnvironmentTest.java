package org.crossdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crossdesk.launcher.services.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher tells the services: routing about the directory, with and without --demo; each instance who it is. */
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

    @Test
    void eachInstanceHasItsOwnPortAndKafkaInstanceIdAndRoutingKnowsItsPeers() throws IOException {
        StackOptions three = options(false).instances(3);

        Map<String, String> first = Stack.environmentOf(three, Service.ROUTING, 1);
        Map<String, String> second = Stack.environmentOf(three, Service.ROUTING, 2);
        Map<String, String> intake = Stack.environmentOf(three, Service.INTAKE, 3);

        assertThat(first)
                .containsEntry("SERVER_PORT", "8083")
                .containsEntry("CROSSDESK_KAFKA_INSTANCE_ID", "routing")
                .containsEntry("CROSSDESK_ROUTING_PEERS", "http://127.0.0.1:8093,http://127.0.0.1:8103");
        assertThat(second)
                .containsEntry("SERVER_PORT", "8093")
                .containsEntry("CROSSDESK_KAFKA_INSTANCE_ID", "routing-2")
                .containsEntry("CROSSDESK_ROUTING_PEERS", "http://127.0.0.1:8083,http://127.0.0.1:8103");
        assertThat(intake)
                .containsEntry("SERVER_PORT", "8102")
                .containsEntry("CROSSDESK_KAFKA_INSTANCE_ID", "intake-3")
                .doesNotContainKey("CROSSDESK_ROUTING_PEERS");
        assertThat(three.instancesOf(Service.SCHEMA_REGISTRY))
                .as("one registry")
                .isEqualTo(1);
    }

    @Test
    void oneInstanceHasNoPeersToAsk() throws IOException {
        assertThat(Stack.environmentOf(options(false), Service.ROUTING))
                .containsEntry("CROSSDESK_KAFKA_INSTANCE_ID", "routing")
                .doesNotContainKey("CROSSDESK_ROUTING_PEERS");
    }
}
