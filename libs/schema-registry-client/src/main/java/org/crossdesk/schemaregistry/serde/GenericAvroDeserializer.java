package org.crossdesk.schemaregistry.serde;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.crossdesk.schemaregistry.client.SchemaRegistryClient;

/**
 * {@link KafkaAvroDeserializer} typed to {@link GenericRecord}, whatever {@code specific.avro.reader} says
 * (Confluent's {@code GenericAvroDeserializer}).
 */
public class GenericAvroDeserializer implements Deserializer<GenericRecord> {

    private final KafkaAvroDeserializer inner;

    public GenericAvroDeserializer() {
        this.inner = new KafkaAvroDeserializer().readingGeneric();
    }

    public GenericAvroDeserializer(SchemaRegistryClient client) {
        this.inner = new KafkaAvroDeserializer(client).readingGeneric();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public GenericRecord deserialize(String topic, byte[] data) {
        return cast(inner.deserialize(topic, data));
    }

    @Override
    public GenericRecord deserialize(String topic, Headers headers, byte[] data) {
        return cast(inner.deserialize(topic, headers, data));
    }

    @Override
    public GenericRecord deserialize(String topic, Headers headers, ByteBuffer data) {
        return cast(inner.deserialize(topic, headers, data));
    }

    @Override
    public void close() {
        inner.close();
    }

    private static GenericRecord cast(Object value) {
        if (value == null || value instanceof GenericRecord) {
            return (GenericRecord) value;
        }
        throw new SerializationException("Expected an Avro record but decoded a "
                + value.getClass().getName() + "; use KafkaAvroDeserializer for primitive schemas");
    }
}
