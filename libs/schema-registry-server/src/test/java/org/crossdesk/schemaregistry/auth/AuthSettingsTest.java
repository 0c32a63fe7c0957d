package org.crossdesk.schemaregistry.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.crossdesk.schemaregistry.server.KafkaClientConfig;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {

    private static final KafkaClientConfig PLAINTEXT = new KafkaClientConfig("localhost:9092", Map.of());
    private static final KafkaClientConfig SASL =
            new KafkaClientConfig("localhost:9092", Map.of("security.protocol", "sasl_ssl"));

    private static AuthSettings settings(String usersFile, String users, boolean kafkaVerify) {
        return new AuthSettings(
                usersFile,
                users,
                kafkaVerify,
                List.of(),
                List.of(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                10_000,
                4);
    }

    @Test
    void noSourceOfUsersIsRefusedNamingEverySetting() {
        assertThatThrownBy(() -> settings(null, " ", false).validate(PLAINTEXT))
                .hasMessageContaining("crossdesk.registry.auth.users-file (CROSSDESK_REGISTRY_AUTH_USERS_FILE)")
                .hasMessageContaining("crossdesk.registry.auth.users (CROSSDESK_REGISTRY_AUTH_USERS)")
                .hasMessageContaining(
                        "crossdesk.registry.auth.kafka-verify=true (CROSSDESK_REGISTRY_AUTH_KAFKA_VERIFY)")
                .hasMessageContaining("crossdesk.registry.auth.enabled=false (CROSSDESK_REGISTRY_AUTH_ENABLED)");
    }

    @Test
    void kafkaVerificationNeedsASaslProtocol() {
        assertThatThrownBy(() -> settings(null, null, true).validate(PLAINTEXT))
                .hasMessageContaining("security.protocol PLAINTEXT")
                .hasMessageContaining("CROSSDESK_KAFKA_PROPERTIES_SECURITY_PROTOCOL");
        assertThatCode(() -> settings(null, null, true).validate(SASL)).doesNotThrowAnyException();
    }

    @Test
    void eitherSourceAloneIsEnough() {
        assertThatCode(() ->
                        settings("/etc/crossdesk/registry-users", null, false).validate(PLAINTEXT))
                .doesNotThrowAnyException();
        assertThatCode(() -> settings(null, "ops ADMIN sha256:" + "ab".repeat(32), false)
                        .validate(PLAINTEXT))
                .doesNotThrowAnyException();
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        AuthSettings zeroTimeout =
                new AuthSettings(null, "x", false, List.of(), List.of(), Duration.ZERO, Duration.ofSeconds(30), 10, 4);
        assertThatThrownBy(() -> zeroTimeout.validate(PLAINTEXT)).hasMessageContaining("kafka-timeout");
    }
}
