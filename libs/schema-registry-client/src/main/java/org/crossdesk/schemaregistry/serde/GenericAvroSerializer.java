package org.crossdesk.schemaregistry.serde;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.crossdesk.schemaregistry.client.SchemaRegistryClient;

/** {@link KafkaAvroSerializer} typed to {@link GenericRecord} (Confluent's {@code GenericAvroSerializer}). */
public class GenericAvroSerializer implements Serializer<GenericRecord> {

    private final KafkaAvroSerializer inner;

    public GenericAvroSerializer() {
        this.inner = new KafkaAvroSerializer();
    }

    public GenericAvroSerializer(SchemaRegistryClient client) {
        this.inner = new KafkaAvroSerializer(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, GenericRecord value) {
        return inner.serialize(topic, value);
    }

    @Override
    public void close() {
        inner.close();
    }
}
