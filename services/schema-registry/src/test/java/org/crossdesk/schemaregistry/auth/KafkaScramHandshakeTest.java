package org.crossdesk.schemaregistry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.crossdesk.schemaregistry.server.KafkaClientConfig;
import org.crossdesk.testsupport.KafkaFixture;
import org.junit.jupiter.api.Test;

/**
 * The real handshake's client settings, and its answers when Kafka cannot say yes or no. (Accepting
 * and refusing real SCRAM credentials needs a SASL broker: the system tests prove that path.)
 */
class KafkaScramHandshakeTest {

    private static final Map<String, String> REGISTRY_SASL = Map.of(
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required"
                            + " username=\"schema-registry\" password=\"registry-own-secret\";");

    private static KafkaScramHandshake handshake(String bootstrap, Duration timeout) {
        return new KafkaScramHandshake(new KafkaClientConfig(bootstrap, REGISTRY_SASL), timeout, 2);
    }

    @Test
    void logsInAsTheUserWithScramOverTheRegistrysConnectionSettings() {
        Map<String, Object> config =
                handshake("broker-1:9092", Duration.ofSeconds(5)).config("desk-ZZ-TESTDESK", "pw");
        assertThat(config)
                .containsEntry("bootstrap.servers", "broker-1:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(config.get("sasl.jaas.config").toString()).doesNotContain("registry-own-secret");
        Map<String, ?> options = options(config);
        assertThat(options.get("username")).isEqualTo("desk-ZZ-TESTDESK");
        assertThat(options.get("password")).isEqualTo("pw");
    }

    @Test
    void aPasswordCannotBreakOutOfItsJaasQuote() {
        String hostile = "x\" username=\"registry-ops\\\" \\";
        Map<String, Object> config =
                handshake("broker-1:9092", Duration.ofSeconds(5)).config("desk-ZZ-TESTDESK", hostile);
        Map<String, ?> options = options(config);
        assertThat(options.keySet()).containsExactlyInAnyOrder("username", "password");
        assertThat(options.get("username")).isEqualTo("desk-ZZ-TESTDESK");
        assertThat(options.get("password")).isEqualTo(hostile);
    }

    @Test
    void controlCharactersAreRefusedWithoutAskingKafka() throws Exception {
        // No broker at this address: asking it would throw rather than answer false.
        KafkaScramHandshake handshake = handshake("127.0.0.1:1", Duration.ofSeconds(1));
        assertThat(handshake.accepts("desk-ZZ-TESTDESK", "pw\nx")).isFalse();
        assertThat(handshake.accepts("desk\r", "pw")).isFalse();
    }

    @Test
    void aBrokerThatCannotBeReachedIsUnavailableWithinTheTimeout() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaScramHandshake handshake = handshake("127.0.0.1:" + closedPort, Duration.ofSeconds(1));
        long started = System.nanoTime();
        assertThatThrownBy(() -> handshake.accepts("desk-ZZ-TESTDESK", "pw"))
                .isInstanceOf(ScramHandshake.UnavailableException.class)
                .hasMessageNotContaining("pw\"");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aBrokerWithoutSaslIsUnavailableNotARefusal() {
        KafkaScramHandshake handshake = handshake(KafkaFixture.bootstrapServers(), Duration.ofSeconds(2));
        assertThatThrownBy(() -> handshake.accepts("desk-ZZ-TESTDESK", "pw"))
                .isInstanceOf(ScramHandshake.UnavailableException.class);
    }

    private static Map<String, ?> options(Map<String, Object> config) {
        // Parsed the way the Kafka client will parse it.
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(Map.of(
                        SaslConfigs.SASL_JAAS_CONFIG,
                        new Password(config.get(SaslConfigs.SASL_JAAS_CONFIG).toString())))
                .configurationEntries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getLoginModuleName())
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        return entries.get(0).getOptions();
    }
}
