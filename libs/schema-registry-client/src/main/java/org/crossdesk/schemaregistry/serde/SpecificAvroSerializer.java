package org.crossdesk.schemaregistry.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.crossdesk.schemaregistry.client.SchemaRegistryClient;

/** {@link KafkaAvroSerializer} typed to generated classes (Confluent's {@code SpecificAvroSerializer}). */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final KafkaAvroSerializer inner;

    public SpecificAvroSerializer() {
        this.inner = new KafkaAvroSerializer();
    }

    public SpecificAvroSerializer(SchemaRegistryClient client) {
        this.inner = new KafkaAvroSerializer(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        return inner.serialize(topic, value);
    }

    @Override
    public void close() {
        inner.close();
    }
}
