package org.crossdesk.schemaregistry.serde;

import java.util.Map;
import org.apache.avro.Schema;

/**
 * Chooses the registry subject for a topic and schema (docs/design/schema-registry-api.md §3.3). Configure one with
 * {@code key.subject.name.strategy} / {@code value.subject.name.strategy}: Confluent's class names
 * ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}, {@code ...RecordNameStrategy},
 * {@code ...TopicRecordNameStrategy}), ours, the short names, or any class implementing this interface.
 */
public interface SubjectNameStrategy {

    /**
     * @param topic  the Kafka topic
     * @param isKey  whether the record key (rather than the value) is being (de)serialized
     * @param schema the writer schema; {@code null} only when {@link #usesSchema()} is false
     */
    String subjectName(String topic, boolean isKey, Schema schema);

    /**
     * Whether the subject depends on the schema. The deserializer passes {@code ?subject=} when fetching a writer
     * schema by id only when it does not (the subject is then known before the schema).
     */
    default boolean usesSchema() {
        return true;
    }

    /** Receives the serde's configuration map; the built-in strategies ignore it. */
    default void configure(Map<String, ?> configs) {}
}
