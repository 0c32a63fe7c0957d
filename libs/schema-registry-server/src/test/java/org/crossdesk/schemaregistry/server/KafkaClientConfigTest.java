package org.crossdesk.schemaregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** crossdesk.kafka.properties.* reach the registry's clients, from properties and from the environment. */
class KafkaClientConfigTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"schema-registry\" password=\"registry-secret\";";

    @Test
    void environmentVariablesBecomeKafkaKeys() {
        StandardEnvironment environment = new StandardEnvironment();
        // Spring reads environment-style names only from a source named like the system environment.
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(
                                "CROSSDESK_KAFKA_BOOTSTRAP_SERVERS", "broker-1:9093",
                                "CROSSDESK_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
                                "CROSSDESK_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                                "CROSSDESK_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", JAAS)));
        KafkaClientConfig config = KafkaClientConfig.from(environment);
        assertThat(config.bootstrapServers()).isEqualTo("broker-1:9093");
        assertThat(config.properties())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS));
        assertThat(config.securityProtocol()).isEqualTo("SASL_SSL");
    }

    @Test
    void propertiesKeepTheirDottedKeysAndTheBootstrapServersAlwaysWin() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "crossdesk.kafka.bootstrap-servers", "broker-1:9092",
                                "crossdesk.kafka.properties.ssl.truststore.location", "/etc/kafka/truststore.p12",
                                "crossdesk.kafka.properties.bootstrap.servers", "elsewhere:9092")));
        KafkaClientConfig config = KafkaClientConfig.from(environment);
        assertThat(config.clientConfig())
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("bootstrap.servers", "broker-1:9092");
        assertThat(config.securityProtocol()).isEqualTo("PLAINTEXT");
    }

    @Test
    void toStringNamesKeysButNoValues() {
        KafkaClientConfig config = new KafkaClientConfig("broker-1:9092", Map.of("sasl.jaas.config", JAAS));
        assertThat(config.toString()).contains("sasl.jaas.config").doesNotContain("registry-secret");
    }
}
