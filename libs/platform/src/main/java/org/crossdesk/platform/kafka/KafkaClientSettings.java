package org.crossdesk.platform.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.schemaregistry.serde.KafkaAvroDeserializer;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;

/**
 * The one place where Crossdesk's Kafka client settings are decided. Plain Java so that tools
 * without Spring (benchmarks, system tests, a Kafka-native desk's sample) use the very same maps.
 *
 * <p>Keys are always referral ids or desk ids (strings); values are Avro records in the Confluent
 * wire format through our registry-backed serde.
 */
public record KafkaClientSettings(String bootstrapServers, String schemaRegistryUrl, Map<String, String> extra) {

    /** Extra settings that configure the registry client, Confluent's key names. */
    private static final List<String> REGISTRY_KEY_PREFIXES =
            List.of("basic.auth.", "bearer.auth.", "schema.registry.");

    public KafkaClientSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static KafkaClientSettings of(String bootstrapServers, String schemaRegistryUrl) {
        return new KafkaClientSettings(bootstrapServers, schemaRegistryUrl, Map.of());
    }

    /** Serde settings with Confluent's key names, so Confluent's classes can be swapped in by name. */
    public Map<String, Object> serde() {
        Map<String, Object> m = new HashMap<>();
        // The registry's credentials (basic.auth.*, or schema.registry.-prefixed keys) come with the user's extra
        // settings: also for code that talks to the registry without a Kafka client (decoders, replays).
        extra.forEach((key, value) -> {
            if (REGISTRY_KEY_PREFIXES.stream().anyMatch(key::startsWith)) {
                m.put(key, value);
            }
        });
        m.put("schema.registry.url", schemaRegistryUrl);
        m.put("auto.register.schemas", true);
        // Consumers read into the generated classes with their own schema as reader schema, so a
        // producer that adds a defaulted field never breaks them.
        m.put("specific.avro.reader", true);
        return m;
    }

    /**
     * An idempotent producer that is answered only when every in-sync replica has the record:
     * nothing Crossdesk accepts may be lost.
     */
    public Map<String, Object> producer(String clientId) {
        Map<String, Object> m = common();
        m.putAll(serde());
        m.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        m.put(ProducerConfig.ACKS_CONFIG, "all");
        m.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        m.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        m.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        m.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        m.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        return m;
    }

    /** A producer of raw bytes, for dead letters that must keep the original payload untouched. */
    public Map<String, Object> rawProducer(String clientId) {
        Map<String, Object> m = producer(clientId);
        m.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return m;
    }

    /**
     * A consumer that sees only committed transactional output (routing writes in transactions)
     * and commits offsets itself, after processing.
     */
    public Map<String, Object> consumer(String groupId) {
        Map<String, Object> m = common();
        m.putAll(serde());
        m.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        m.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        m.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        m.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        m.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        m.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class);
        // A pattern subscription must see a desk's new outbox topic within seconds, not minutes.
        m.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        return m;
    }

    public Map<String, Object> admin() {
        return common();
    }

    private Map<String, Object> common() {
        Map<String, Object> m = new HashMap<>(extra);
        m.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return m;
    }
}
