package org.crossdesk.schemaregistry.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.crossdesk.schemaregistry.client.SchemaRegistryClient;

/**
 * Serde for a generated class: {@link SpecificAvroSerializer} plus {@link SpecificAvroDeserializer}. Prefer the
 * constructors taking the class: the class's schema then becomes the reader schema.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;

    public SpecificAvroSerde() {
        this(null, null);
    }

    public SpecificAvroSerde(Class<T> type) {
        this(null, type);
    }

    public SpecificAvroSerde(SchemaRegistryClient client) {
        this(client, null);
    }

    public SpecificAvroSerde(SchemaRegistryClient client, Class<T> type) {
        this.serializer = client == null ? new SpecificAvroSerializer<>() : new SpecificAvroSerializer<>(client);
        this.deserializer = new SpecificAvroDeserializer<>(client, type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
