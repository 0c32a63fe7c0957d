package org.crossdesk.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.events.DeadLetterHeaders;
import org.crossdesk.events.Topics;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.testsupport.CrossdeskKafka;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The platform's promise to every service: a record a listener cannot read or must not process goes
 * to {@code <topic>-dlt} with its original bytes and the cause in headers, and the consumer goes on.
 * Real broker, real registry, real serdes.
 */
@CrossdeskKafka
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.application.name=platform-dead-letter-test")
class DeadLetterTest {

    static final String DESK = "FR-OCRTIS";
    static final String OUTBOX = Topics.deskOutboxName(DESK);
    static final String REFUSED_OFFICER = "refused-officer";

    @Configuration
    @EnableAutoConfiguration
    static class App {
        @Component
        static class Listener {
            final List<OutboxMessage> received = new CopyOnWriteArrayList<>();

            @KafkaListener(
                    topics = "#{T(org.crossdesk.events.Topics).deskOutboxName('FR-OCRTIS')}",
                    groupId = "platform-dead-letter-test")
            void on(OutboxMessage message) {
                if (message.getMessage() instanceof AlertAcknowledgement ack
                        && REFUSED_OFFICER.equals(ack.getAcknowledgedBy())) {
                    throw new UnusableRecordException("acknowledged by an officer this desk does not know");
                }
                received.add(message);
            }
        }
    }

    @Autowired
    App.Listener listener;

    @Autowired
    KafkaTemplate<String, Object> template;

    @Autowired
    TopicProvisioner provisioner;

    @Test
    void unreadableAndUnusableRecordsAreDeadLetteredWithTheirCauseAndTheConsumerGoesOn() throws Exception {
        provisioner.ensureDeskTopics(DESK);
        byte[] garbage = "this is not Avro".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchemaId = ByteBuffer.allocate(7)
                .put((byte) 0)
                .putInt(987_654)
                .put((byte) 2)
                .put((byte) 'x')
                .array();
        RecordMetadata garbageSent;
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of("bootstrap.servers", KafkaFixture.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            garbageSent =
                    raw.send(new ProducerRecord<>(OUTBOX, "garbage", garbage)).get();
            raw.send(new ProducerRecord<>(OUTBOX, "unknown-id", unknownSchemaId))
                    .get();
        }
        OutboxMessage refused = OutboxExamples.acknowledgementBy(REFUSED_OFFICER);
        template.send(OUTBOX, "refused", refused).get();
        OutboxMessage good = OutboxExamples.acknowledgementBy("officer-on-duty");
        template.send(OUTBOX, "good", good).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> listener.received.contains(good));

        List<ConsumerRecord<byte[], byte[]>> dead = TopicProbe.of(OUTBOX + Topics.DEAD_LETTER_SUFFIX)
                .within(Duration.ofSeconds(60))
                .awaitCount(3);
        ConsumerRecord<byte[], byte[]> garbageLetter = byKey(dead, "garbage");
        assertThat(garbageLetter.value()).isEqualTo(garbage);
        assertThat(header(garbageLetter, "kafka_dlt-original-topic")).isEqualTo(OUTBOX);
        assertThat(header(garbageLetter, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(header(garbageLetter, CrossdeskKafkaAutoConfiguration.ROOT_CAUSE_HEADER))
                .containsIgnoringCase("magic byte");
        // Where it came from, in the binary encodings the launcher's dead-letters command decodes.
        assertThat(ByteBuffer.wrap(headerBytes(garbageLetter, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.BYTES))
                        .getInt())
                .isEqualTo(garbageSent.partition());
        assertThat(ByteBuffer.wrap(headerBytes(garbageLetter, DeadLetterHeaders.ORIGINAL_OFFSET, Long.BYTES))
                        .getLong())
                .isEqualTo(garbageSent.offset());
        assertThat(ByteBuffer.wrap(headerBytes(garbageLetter, DeadLetterHeaders.ORIGINAL_TIMESTAMP, Long.BYTES))
                        .getLong())
                .isEqualTo(garbageSent.timestamp());

        ConsumerRecord<byte[], byte[]> unknownLetter = byKey(dead, "unknown-id");
        assertThat(unknownLetter.value()).isEqualTo(unknownSchemaId);
        assertThat(header(unknownLetter, CrossdeskKafkaAutoConfiguration.ROOT_CAUSE_HEADER))
                .contains("987654");

        ConsumerRecord<byte[], byte[]> refusedLetter = byKey(dead, "refused");
        assertThat(header(refusedLetter, CrossdeskKafkaAutoConfiguration.ROOT_CAUSE_HEADER))
                .contains(UnusableRecordException.class.getName())
                .contains("does not know");
        assertThat(listener.received).doesNotContain(refused);
    }

    @Test
    void theCatalogueTopicsAndTheirDeadLetterTopicsExistWithTheirPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaFixture.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, TopicDescription> topics = admin.describeTopics(List.of(
                                Topics.REFERRALS_LIFECYCLE,
                                Topics.REFERRALS_LIFECYCLE + Topics.DEAD_LETTER_SUFFIX,
                                Topics.DIRECTORY_DESKS))
                        .allTopicNames()
                        .get();
                assertThat(topics.get(Topics.REFERRALS_LIFECYCLE).partitions())
                        .hasSize(Topics.REFERRALS_LIFECYCLE_TOPIC.partitions());
                assertThat(topics.get(Topics.REFERRALS_LIFECYCLE + Topics.DEAD_LETTER_SUFFIX)
                                .partitions())
                        .hasSize(Topics.REFERRALS_LIFECYCLE_TOPIC.partitions());
            });
            // The source is kept forever, its dead letters no longer than the bound: a copy must not outlive its
            // original, nor be kept when nobody redrives it.
            String dlt = Topics.REFERRALS_LIFECYCLE_TOPIC.deadLetterName();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, dlt);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("retention.ms").value())
                    .isEqualTo(Long.toString(Topics.DEAD_LETTER_RETENTION.toMillis()));
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    private static ConsumerRecord<byte[], byte[]> byKey(List<ConsumerRecord<byte[], byte[]>> records, String key) {
        return records.stream()
                .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter keyed " + key));
    }

    private static byte[] headerBytes(ConsumerRecord<?, ?> record, String name, int size) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        assertThat(header.value()).as("header " + name).hasSize(size);
        return header.value();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
