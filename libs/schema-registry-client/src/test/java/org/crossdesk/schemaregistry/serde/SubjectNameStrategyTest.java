package org.crossdesk.schemaregistry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossdesk.schemaregistry.serde.KafkaAvroSerializerTest.caseV1;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.crossdesk.schemaregistry.testing.TinyRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which subject a record lands in, by strategy setting; observed as the subject registered on the registry. */
class SubjectNameStrategyTest {

    private final TinyRegistry registry = new TinyRegistry();

    @AfterEach
    void stop() {
        registry.close();
    }

    private String subjectFor(Object strategy, boolean isKey) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registry.url());
        if (strategy != null) {
            config.put(isKey ? "key.subject.name.strategy" : "value.subject.name.strategy", strategy);
        }
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(config, isKey);
            serializer.serialize("desk.DE-BKA.outbox.v1", caseV1("c", "DE-BKA"));
        }
        assertThat(registry.subjects()).hasSize(1);
        return registry.subjects().get(0);
    }

    @Test
    void topicNameIsTheDefault() {
        assertThat(subjectFor(null, false)).isEqualTo("desk.DE-BKA.outbox.v1-value");
    }

    @Test
    void keysGetTheKeySuffix() {
        assertThat(subjectFor(null, true)).isEqualTo("desk.DE-BKA.outbox.v1-key");
    }

    @ParameterizedTest
    @CsvSource({
        "io.confluent.kafka.serializers.subject.TopicNameStrategy, desk.DE-BKA.outbox.v1-value",
        "org.crossdesk.schemaregistry.serde.TopicNameStrategy, desk.DE-BKA.outbox.v1-value",
        "TopicNameStrategy, desk.DE-BKA.outbox.v1-value",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy, org.example.Case",
        "org.crossdesk.schemaregistry.serde.RecordNameStrategy, org.example.Case",
        "RecordNameStrategy, org.example.Case",
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, desk.DE-BKA.outbox.v1-org.example.Case",
        "org.crossdesk.schemaregistry.serde.TopicRecordNameStrategy, desk.DE-BKA.outbox.v1-org.example.Case",
        "TopicRecordNameStrategy, desk.DE-BKA.outbox.v1-org.example.Case"
    })
    void acceptsConfluentsClassNamesOursAndShortNames(String setting, String subject) {
        assertThat(subjectFor(setting, false)).isEqualTo(subject);
    }

    @Test
    void acceptsAClassObject() {
        assertThat(subjectFor(RecordNameStrategy.class, false)).isEqualTo("org.example.Case");
    }

    /** A user strategy, instantiated by class name. */
    public static class UpperCaseTopicStrategy implements SubjectNameStrategy {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return topic.toUpperCase() + (isKey ? "-KEY" : "-VALUE");
        }
    }

    @Test
    void acceptsACustomImplementation() {
        assertThat(subjectFor(UpperCaseTopicStrategy.class.getName(), false)).isEqualTo("DESK.DE-BKA.OUTBOX.V1-VALUE");
    }

    @Test
    void rejectsAnUnknownStrategyListingTheSupportedOnes() {
        assertThatThrownBy(() -> subjectFor("io.confluent.kafka.serializers.subject.AssociatedNameStrategy", false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy");
    }

    @Test
    void recordStrategiesNeedARecord() {
        Map<String, Object> config =
                Map.of("schema.registry.url", registry.url(), "value.subject.name.strategy", "RecordNameStrategy");
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(config, false);

            assertThatThrownBy(() -> serializer.serialize("t", "a string"))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("needs a record schema");
        }
        assertThat(registry.requestCount()).isZero();
    }

    @Test
    void theDeserializerFetchesByIdWithoutASubjectUnderRecordStrategies() {
        int id = registry.seed("org.example.Case", caseV1("c", "d").getSchema().toString());
        Map<String, Object> config = Map.of(
                "schema.registry.url",
                registry.url(),
                "value.subject.name.strategy",
                "io.confluent.kafka.serializers.subject.RecordNameStrategy");
        try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            deserializer.configure(config, false);

            deserializer.deserialize("t", WireFormatGoldenTest.bytes(String.format("00%08x", id) + "02630264"));
        }
        assertThat(registry.http().lastRequest().pathAndQuery()).isEqualTo("/schemas/ids/" + id);
    }
}
