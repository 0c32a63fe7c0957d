package org.crossdesk.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    @Test
    void configuresPortKafkaRegistryAndKeysFileByEnvironment() {
        Map<String, String> env = ServiceEnvironment.of(
                8082,
                "127.0.0.1:9092",
                "http://127.0.0.1:8081",
                Optional.of(Path.of("config/demo/api-keys.txt")),
                Map.of(),
                Map.of());

        assertThat(env)
                .containsEntry("SERVER_PORT", "8082")
                .containsEntry("CROSSDESK_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("CROSSDESK_KAFKA_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081")
                .containsEntry(
                        "CROSSDESK_HTTP_API_KEYS_FILE",
                        Path.of("config/demo/api-keys.txt").toAbsolutePath().toString());
    }

    @Test
    void listensOnLoopbackUnlessTheUserChoseAnAddress() {
        Map<String, String> defaulted = ServiceEnvironment.of(
                8082, "k:9092", "http://r", Optional.empty(), Map.of("SERVER_PORT", "1234"), Map.of());
        Map<String, String> chosen = ServiceEnvironment.of(
                8082, "k:9092", "http://r", Optional.empty(), Map.of("SERVER_ADDRESS", "0.0.0.0"), Map.of());

        assertThat(defaulted).containsEntry("SERVER_ADDRESS", "127.0.0.1").containsEntry("SERVER_PORT", "8082");
        assertThat(chosen).containsEntry("SERVER_ADDRESS", "0.0.0.0");
    }

    @Test
    void extraSettingsWinOverTheLaunchersAndNoKeysFileMeansNoVariable() {
        Map<String, String> env = ServiceEnvironment.of(
                8084,
                "k:9092",
                "http://r",
                Optional.empty(),
                Map.of(),
                Map.of("CROSSDESK_KAFKA_SCHEMA_REGISTRY_URL", "http://confluent:8081", "CROSSDESK_X", "y"));

        assertThat(env)
                .containsEntry("CROSSDESK_KAFKA_SCHEMA_REGISTRY_URL", "http://confluent:8081")
                .containsEntry("CROSSDESK_X", "y")
                .doesNotContainKey("CROSSDESK_HTTP_API_KEYS_FILE");
    }
}
