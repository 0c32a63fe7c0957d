package org.crossdesk.schemaregistry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.schemaregistry.http.RegistryHttp.schemaBody;

import java.util.Map;
import java.util.UUID;
import org.crossdesk.schemaregistry.http.RegistryHttp;
import org.crossdesk.schemaregistry.http.RegistryHttp.Reply;
import org.crossdesk.testsupport.KafkaFixture;
import org.junit.jupiter.api.Test;

/** crossdesk.kafka.properties.* reach the store's own Kafka clients (here: the producer's request size limit). */
class StoreClientPropertiesTest {

    private static String schema(int docLength) {
        return "{\"type\":\"record\",\"name\":\"Sized\",\"namespace\":\"org.example\",\"doc\":\""
                + "x".repeat(docLength) + "\",\"fields\":[]}";
    }

    @Test
    void theStoresProducerHonoursAnExtraClientProperty() {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                KafkaFixture.bootstrapServers(),
                Map.of(
                        "crossdesk.schema-registry.topic",
                        "_schemas-client-properties-" + UUID.randomUUID(),
                        "crossdesk.kafka.properties.max.request.size",
                        "4096"))) {
            RegistryHttp http = new RegistryHttp(registry.url());
            assertThat(http.post("/subjects/small-value/versions", schemaBody(schema(100)))
                            .status())
                    .isEqualTo(200);
            // Far below Kafka's default limit of about 1 MB, above the one configured here.
            Reply tooLarge = http.post("/subjects/large-value/versions", schemaBody(schema(8_000)));
            assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(422);
            assertThat(tooLarge.json().get("error_code").intValue()).isEqualTo(42209);
        }
    }
}
