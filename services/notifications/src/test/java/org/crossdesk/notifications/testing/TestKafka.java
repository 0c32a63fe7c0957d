package org.crossdesk.notifications.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.schemaregistry.serde.KafkaAvroDeserializer;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.RegistryFixture;
import org.crossdesk.testsupport.TopicProbe;

/** The shared broker as the other services and desks use it: Avro through the registry. */
public final class TestKafka {

    private static KafkaProducer<String, Object> producer;

    private TestKafka() {}

    public static KafkaClientSettings settings() {
        return KafkaClientSettings.of(KafkaFixture.bootstrapServers(), RegistryFixture.url());
    }

    /** Creates the inbox and outbox of each desk, with their dead-letter topics. */
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

    /** Writes {@code value} and waits for the broker's acknowledgement. */
    public static synchronized RecordMetadata send(String topic, String key, Object value) {
        if (producer == null) {
            producer = new KafkaProducer<>(settings().producer("notifications-tests"));
        }
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }

    /** Writes raw bytes (e.g. a record no reader can decode) and waits for the acknowledgement. */
    public static synchronized RecordMetadata sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> raw =
                new KafkaProducer<>(settings().rawProducer("notifications-tests-raw"))) {
            return raw.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }

    /** A probe of {@code topic} decoding Avro values, committed records only. */
    public static TopicProbe<String, Object> probe(String topic) {
        return TopicProbe.<String, Object>of(topic, StringDeserializer::new, () -> {
                    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
                    deserializer.configure(settings().serde(), false);
                    return deserializer;
                })
                .readCommitted()
                .within(Duration.ofSeconds(30));
    }

    /** The values on {@code topic} now. */
    public static List<Object> values(String topic) {
        return probe(topic).readAll().stream().map(ConsumerRecord::value).toList();
    }
}
