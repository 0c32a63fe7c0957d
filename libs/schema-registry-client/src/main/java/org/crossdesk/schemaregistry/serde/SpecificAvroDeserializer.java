package org.crossdesk.schemaregistry.serde;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.crossdesk.schemaregistry.client.SchemaRegistryClient;

/**
 * Deserializer into a generated class. With a class ({@link #SpecificAvroDeserializer(Class)}) its schema is
 * the reader schema, whatever schema a producer wrote with: producers may evolve compatibly (e.g. add an
 * optional field) without breaking this consumer, which is the configuration Crossdesk services use (spec
 * §3.4). Without one it behaves like Confluent's {@code SpecificAvroDeserializer}: {@code specific.avro.reader=true}
 * (or {@code specific.avro.key.type}/{@code value.type} when configured).
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final KafkaAvroDeserializer inner;
    private final Class<T> type;

    /** Reader from the writer's record name, as Confluent's no-argument constructor. */
    public SpecificAvroDeserializer() {
        this(null, null);
    }

    /** Reads everything as {@code type}, using its schema as the reader schema. */
    public SpecificAvroDeserializer(Class<T> type) {
        this(null, type);
    }

    public SpecificAvroDeserializer(SchemaRegistryClient client) {
        this(client, null);
    }

    public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> type) {
        this.inner = client == null ? new KafkaAvroDeserializer() : new KafkaAvroDeserializer(client);
        this.type = type;
        if (type != null) {
            inner.readingAs(type);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (type == null) {
            HashMap<String, Object> withReader = new HashMap<>(configs);
            withReader.put(KafkaAvroSerdeConfig.SPECIFIC_AVRO_READER, true);
            inner.configure(withReader, isKey);
        } else {
            inner.configure(configs, isKey);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return cast(inner.deserialize(topic, data));
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return cast(inner.deserialize(topic, headers, data));
    }

    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        return cast(inner.deserialize(topic, headers, data));
    }

    @Override
    public void close() {
        inner.close();
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        if (value == null || type == null || type.isInstance(value)) {
            return (T) value;
        }
        throw new SerializationException("Expected a " + type.getName() + " but decoded a "
                + value.getClass().getName());
    }
}
