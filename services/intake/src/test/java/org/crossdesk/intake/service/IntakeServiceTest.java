package org.crossdesk.intake.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.platform.kafka.TopicProvisioner;
import org.crossdesk.schemaregistry.serde.KafkaAvroDeserializer;
import org.crossdesk.testsupport.CrossdeskKafka;
import org.crossdesk.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the service tests: intake running against the shared real broker and real schema registry
 * (libs/test-support), one Spring context for every subclass. Tests talk to it only as desks and the
 * other services would: records into outboxes and the lifecycle, HTTP requests; and read what comes out.
 */
@CrossdeskKafka
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "crossdesk.kafka.schema-registry-url=${crossdesk.schema-registry.url}",
            "crossdesk.http.max-body-bytes=65536",
            "logging.level.org.apache.kafka=WARN",
            "logging.level.kafka=WARN",
            "logging.level.state.change.logger=WARN"
        })
abstract class IntakeServiceTest {

    private static KafkaProducer<String, Object> producer;

    @Autowired
    KafkaClientSettings settings;

    @Autowired
    TopicProvisioner topics;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        registry.add("crossdesk.http.api-keys", Desks::apiKeyEntries);
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** Writes {@code message} to the outbox of {@code desk}, as that desk's own system would. */
    RecordMetadata writeOutbox(String desk, String key, Object message) {
        topics.ensureDeskTopics(desk);
        OutboxMessage outbox = OutboxMessage.newBuilder()
                .setMetadata(metadata(desk.toLowerCase() + ".officer", key))
                .setMessage(message)
                .build();
        return send(new ProducerRecord<>(Topics.deskOutboxName(desk), key, outbox));
    }

    /** Writes a lifecycle event as routing would (e.g. ReferralRouted). */
    void writeLifecycle(String referralId, Object event) {
        send(new ProducerRecord<>(
                Topics.REFERRALS_LIFECYCLE,
                referralId,
                ReferralEvent.newBuilder()
                        .setMetadata(metadata("routing", referralId))
                        .setEvent(event)
                        .build()));
    }

    /** Writes a response event as notifications would (e.g. AlertDelivered). */
    void writeResponse(String referralId, Object event) {
        send(new ProducerRecord<>(
                Topics.REFERRALS_RESPONSES,
                referralId,
                ResponseEvent.newBuilder()
                        .setMetadata(metadata("notifications", referralId))
                        .setEvent(event)
                        .build()));
    }

    RecordMetadata send(ProducerRecord<String, Object> record) {
        try {
            return producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + record.topic(), e);
        }
    }

    private synchronized KafkaProducer<String, Object> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings.producer("test-desks"));
        }
        return producer;
    }

    static EventMetadata metadata(String producer, String correlation) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setProducer(producer)
                .setCorrelationId(correlation)
                .setCausationId(null)
                .build();
    }

    /** A probe that reads a topic's Avro values through the registry, committed records only. */
    TopicProbe<String, Object> probe(String topic) {
        Map<String, Object> serde = settings.serde();
        return TopicProbe.<String, Object>of(topic, StringDeserializer::new, () -> {
                    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
                    deserializer.configure(serde, false);
                    return deserializer;
                })
                .readCommitted()
                .within(Duration.ofSeconds(30));
    }

    /** Waits for the receipt in {@code desk}'s inbox that matches, and returns it. */
    SubmissionReceipt awaitReceipt(String desk, Predicate<SubmissionReceipt> matching) {
        ConsumerRecord<String, Object> record =
                probe(Topics.deskInboxName(desk)).awaitRecord(r -> receipt(r) != null && matching.test(receipt(r)));
        return receipt(record);
    }

    /** The lifecycle events (of the given class) whose key is {@code key}, once {@code count} of them are there. */
    <T> List<T> awaitLifecycle(String key, Class<T> type, int count) {
        return probe(Topics.REFERRALS_LIFECYCLE)
                .awaitRecords(records -> eventsOf(records, key, type).size() >= count)
                .stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> ((ReferralEvent) r.value()).getEvent())
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Every lifecycle event of {@code type} keyed {@code key}, now. */
    <T> List<T> lifecycleNow(String key, Class<T> type) {
        return eventsOf(probe(Topics.REFERRALS_LIFECYCLE).readAll(), key, type);
    }

    private static <T> List<T> eventsOf(List<ConsumerRecord<String, Object>> records, String key, Class<T> type) {
        return records.stream()
                .filter(r -> key.equals(r.key()) && r.value() instanceof ReferralEvent)
                .map(r -> ((ReferralEvent) r.value()).getEvent())
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    static SubmissionReceipt receipt(ConsumerRecord<String, Object> record) {
        return record.value() instanceof InboxMessage m && m.getMessage() instanceof SubmissionReceipt r ? r : null;
    }
}
