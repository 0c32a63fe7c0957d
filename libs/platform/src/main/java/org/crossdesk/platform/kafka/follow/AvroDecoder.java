package org.crossdesk.platform.kafka.follow;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.crossdesk.schemaregistry.serde.KafkaAvroDeserializer;

/**
 * Decodes record values after polling rather than inside the consumer, so the consumers here read raw
 * bytes: an unreadable record is then an ordinary value to handle (dead-letter it with its exact bytes,
 * or skip it) instead of an exception that stops {@code poll()}. Thread-safe.
 */
public final class AvroDecoder implements TopicFollower.Decoder, AutoCloseable {

    private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();

    public AvroDecoder(Map<String, Object> serdeSettings) {
        deserializer.configure(serdeSettings, false);
    }

    /**
     * The value of a record of {@code topic}: a generated Avro class, or null for a tombstone.
     *
     * @throws RuntimeException (Kafka's SerializationException) if the bytes cannot be read
     */
    @Override
    public Object decode(String topic, Headers headers, byte[] value) {
        return value == null ? null : deserializer.deserialize(topic, headers, value);
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
