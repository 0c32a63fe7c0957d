package org.crossdesk.routing.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.schemaregistry.serde.KafkaAvroDeserializer;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.RegistryFixture;
import org.crossdesk.testsupport.TopicProbe;

/** Test access to the shared broker with Crossdesk's own client settings: write as intake would, read as desks do. */
public final class Kafka {

    private static KafkaProducer<String, Object> producer;

    private Kafka() {}

    public static KafkaClientSettings settings() {
        return KafkaClientSettings.of(KafkaFixture.bootstrapServers(), RegistryFixture.url());
    }

    /** A read_committed probe of Avro values: what a desk or a downstream service sees. */
    public static TopicProbe<String, Object> probe(String topic) {
        return TopicProbe.of(topic, StringDeserializer::new, avro()).readCommitted();
    }

    /** The Avro values on {@code topic} under {@code key}, committed only, in order. */
    public static List<Object> values(String topic, String key) {
        return probe(topic).readAll().stream()
                .filter(record -> key.equals(record.key()))
                .map(ConsumerRecord::value)
                .toList();
    }

    /**
     * Avro values; a record that is not Avro (tests write such records on purpose) reads as {@link Unreadable}
     * instead of stopping the probe.
     */
    public static Supplier<Deserializer<Object>> avro() {
        return () -> {
            KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
            avro.configure(settings().consumer("probe"), false);
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

    /** A value that is not Avro in the Confluent wire format. @param bytes the value */
    public record Unreadable(byte[] bytes) {}

    /** Writes a lifecycle event as intake does; returns once Kafka has it. */
    public static void lifecycle(String referralId, Object event) {
        send(
                Topics.REFERRALS_LIFECYCLE,
                referralId,
                ReferralEvent.newBuilder()
                        .setMetadata(metadata(referralId))
                        .setEvent(event)
                        .build());
    }

    /** Writes a response event as intake or notifications do. */
    public static void response(String referralId, Object event) {
        send(
                Topics.REFERRALS_RESPONSES,
                referralId,
                ResponseEvent.newBuilder()
                        .setMetadata(metadata(referralId))
                        .setEvent(event)
                        .build());
    }

    public static void submitted(String referralId, ReferralSubmission submission) {
        lifecycle(
                referralId,
                ReferralSubmitted.newBuilder()
                        .setReferralId(referralId)
                        .setSubmission(submission)
                        .setReceivedFromTopic(Topics.deskOutboxName(submission.getIssuingDesk()))
                        .build());
    }

    public static synchronized void send(String topic, String key, Object value) {
        if (producer == null) {
            producer = new KafkaProducer<>(settings().producer("routing-test-intake"));
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to " + topic, e.getCause());
        }
    }

    /** Writes raw bytes, as a broken client would. */
    public static void sendRaw(String topic, String key, byte[] value) {
        Map<String, Object> config = settings().rawProducer("routing-test-raw");
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(config)) {
            raw.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A referral id no other test uses. */
    public static String newReferralId() {
        return "CD-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static EventMetadata metadata(String referralId) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setProducer("intake")
                .setCorrelationId(referralId)
                .setCausationId(null)
                .build();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
