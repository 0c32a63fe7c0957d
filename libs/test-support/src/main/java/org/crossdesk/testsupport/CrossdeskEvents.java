package org.crossdesk.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;
import org.crossdesk.schemaregistry.serde.KafkaAvroDeserializer;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;

/**
 * Crossdesk's events on the test broker, written and read as the services and desks do (Avro in the Confluent wire
 * format through the test registry, acks=all, read_committed): the "these events in, these events out" of every
 * service test, in the spirit of kafka-streams-examples' {@code MicroserviceTestUtils}.
 */
public final class CrossdeskEvents {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaProducer<String, Object> producer;

    private CrossdeskEvents() {}

    /** A value that is not Avro in the Confluent wire format (tests write such records on purpose). */
    public record Unreadable(byte[] bytes) {}

    /** Creates the outbox and inbox of each desk, with their dead-letter topics, as the catalogue sizes them. */
    public static void createDeskTopics(String... desks) {
        for (String desk : desks) {
            for (Topic<?, ?> topic : List.of(Topics.deskInbox(desk), Topics.deskOutbox(desk))) {
                KafkaFixture.createTopic(topic.name(), topic.partitions(), topic.configs());
                KafkaFixture.createTopic(
                        topic.deadLetterName(),
                        topic.partitions(),
                        topic.deadLetter().configs());
            }
        }
    }

    /** Writes an Avro value and waits for the broker's acknowledgement. */
    public static synchronized RecordMetadata send(String topic, String key, Object value) {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), avroSerializer());
        }
        return await(producer.send(new ProducerRecord<>(topic, key, value)), topic);
    }

    /** Writes raw bytes, as a broken client would, and waits for the acknowledgement. */
    public static RecordMetadata sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> raw =
                new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            return await(raw.send(new ProducerRecord<>(topic, key, value)), topic);
        }
    }

    /**
     * A probe of {@code topic} with Avro values, committed records only (what a desk or a downstream service sees);
     * a record that is not Avro reads as {@link Unreadable} instead of stopping the probe.
     */
    public static TopicProbe<String, Object> probe(String topic) {
        return TopicProbe.of(topic, StringDeserializer::new, avro())
                .readCommitted()
                .within(WAIT);
    }

    /** The values on {@code topic} now, committed only, in order per partition. */
    public static List<Object> values(String topic) {
        return probe(topic).readAll().stream().map(ConsumerRecord::value).toList();
    }

    /** The values on {@code topic} under {@code key} now, committed only, in order. */
    public static List<Object> values(String topic, String key) {
        return probe(topic).readAll().stream()
                .filter(record -> key.equals(record.key()))
                .map(ConsumerRecord::value)
                .toList();
    }

    /** Avro values into the generated classes; what is not Avro reads as {@link Unreadable}. */
    public static Supplier<Deserializer<Object>> avro() {
        return () -> {
            KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
            avro.configure(serde(), false);
            return new Deserializer<>() {
                @Override
                public Object deserialize(String topic, byte[] data) {
                    try {
                        return avro.deserialize(topic, data);
                    } catch (RuntimeException e) {
                        return new Unreadable(data);
                    }
                }

                @Override
                public void close() {
                    avro.close();
                }
            };
        };
    }

    private static Map<String, Object> serde() {
        Map<String, Object> serde = new HashMap<>();
        serde.put("schema.registry.url", RegistryFixture.url());
        serde.put("auto.register.schemas", true);
        serde.put("specific.avro.reader", true);
        return serde;
    }

    private static KafkaAvroSerializer avroSerializer() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(serde(), false);
        return serializer;
    }

    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers());
        // As the services write: nothing acknowledged may be lost.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    private static RecordMetadata await(Future<RecordMetadata> sent, String topic) {
        try {
            return sent.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }
}
