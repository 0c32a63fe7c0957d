package org.crossdesk.schemaregistry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.crossdesk.schemaregistry.client.CachedSchemaRegistryClient;
import org.crossdesk.schemaregistry.testing.TinyRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Configuration arrives as a Kafka map; mistakes fail at configure(), not at the first record. */
class SerdeConfigTest {

    private final TinyRegistry registry = new TinyRegistry();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void theRegistryUrlIsRequired() {
        assertThatThrownBy(() -> new KafkaAvroSerializer().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new KafkaAvroDeserializer().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void confluentFeaturesThisImplementationLacksFailLoudly() {
        for (Map<String, Object> config : new Map[] {
            Map.of("schema.registry.url", registry.url(), "use.latest.with.metadata", "owner=crossdesk"),
            Map.of("schema.registry.url", registry.url(), "schema.reflection", true),
            Map.of("schema.registry.url", "mock://tests")
        }) {
            assertThatThrownBy(() -> new KafkaAvroSerializer().configure(config, false))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("upported");
        }
    }

    @Test
    void aValueTypeMustBeAGeneratedClass() {
        assertThatThrownBy(() -> new KafkaAvroDeserializer()
                        .configure(
                                Map.of(
                                        "schema.registry.url",
                                        registry.url(),
                                        "specific.avro.value.type",
                                        String.class.getName()),
                                false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SpecificRecord");
        assertThatThrownBy(() -> new KafkaAvroDeserializer()
                        .configure(
                                Map.of(
                                        "schema.registry.url",
                                        registry.url(),
                                        "specific.avro.value.type",
                                        "org.example.Nope"),
                                false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void booleansMayBeStringsOrBooleansButNothingElse() {
        assertThatThrownBy(() -> new KafkaAvroSerializer()
                        .configure(
                                Map.of("schema.registry.url", registry.url(), "auto.register.schemas", "yes"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas");
    }

    @Test
    void clientKeysInTheSerdeMapReachTheRegistryClient() {
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(
                    Map.of(
                            "schema.registry.url",
                            registry.url(),
                            "schema.registry.basic.auth.credentials.source",
                            "USER_INFO",
                            "schema.registry.basic.auth.user.info",
                            "desk:pw",
                            "request.header.X-Desk",
                            "DE-BKA"),
                    false);

            serializer.serialize("t", 1);
        }
        assertThat(registry.http().lastRequest().header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("desk:pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(registry.http().lastRequest().header("X-Desk")).isEqualTo("DE-BKA");
    }

    @Test
    void anInjectedClientIsUsedAndNotClosed() {
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(registry.url(), 10);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(client, Map.of("auto.register.schemas", true));

        serializer.serialize("t", 1L);
        serializer.close();

        assertThat(serializer.client()).isSameAs(client);
        assertThat(client.getSchemaById(1).getType()).isEqualTo(Schema.Type.LONG);
    }
}
