package org.crossdesk.dashboard.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.dashboard.views.OperationalPicture;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.examples.ReferralStory;
import org.crossdesk.platform.kafka.follow.ConsumerSessions;
import org.crossdesk.platform.kafka.follow.TopicFollower;
import org.crossdesk.schemaregistry.client.CachedSchemaRegistryClient;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.RegistryFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay on the shared real broker and registry: it catches up with what is there, counts and skips what it cannot read,
 * passes transaction markers, then follows new records.
 */
class TopicReplayTest {

    private static final CachedSchemaRegistryClient registry =
            new CachedSchemaRegistryClient(RegistryFixture.url(), 100);

    private final List<TopicReplay> replays = new ArrayList<>();

    @BeforeAll
    static void createTopics() {
        for (Topic<String, ?> topic : Topics.events()) {
            KafkaFixture.createTopic(topic.name(), topic.partitions(), topic.configs());
        }
    }

    @AfterAll
    static void closeRegistry() {
        registry.close();
    }

    @AfterEach
    void stopReplays() throws InterruptedException {
        replays.forEach(TopicReplay::stop);
    }

    @Test
    void catchesUpFromTheBeginningSkippingUnreadableRecordsThenFollowsNewOnes() {
        Instant t0 = Instant.now().minusSeconds(3600);
        String prefix = "CD-R1-";
        // Other tests share the broker: measure what this one adds to what is already there.
        ReplayStatus before =
                caughtUp(new OperationalPicture(Clock.systemUTC(), 20)).status();
        try (KafkaProducer<String, Object> producer = producer(null)) {
            for (int i = 0; i < 30; i++) {
                ReferralStory story =
                        ReferralStory.of(prefix + i, "FR-BNRF", ReferralType.FUGITIVE, Priority.URGENT, t0);
                send(producer, Topics.REFERRALS_LIFECYCLE, story.referralId(), story.submitted());
                send(
                        producer,
                        Topics.REFERRALS_LIFECYCLE,
                        story.referralId(),
                        story.routed(t0.plusSeconds(1), List.of("DE-BKA"), List.of("TH")));
                send(
                        producer,
                        Topics.REFERRALS_RESPONSES,
                        story.referralId(),
                        story.delivered("DE-BKA", t0.plusSeconds(3)));
            }
            producer.flush();
        }
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            // Confluent framing with a schema id no registry has given out.
            raw.send(new ProducerRecord<>(Topics.REFERRALS_RESPONSES, prefix + "bad", new byte[] {
                0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 42
            }));
        }
        OperationalPicture picture = new OperationalPicture(Clock.systemUTC(), 20);

        TopicReplay replay = startReplay(picture);

        await().atMost(Duration.ofSeconds(30)).until(() -> replay.status().caughtUp());
        ReplayStatus status = replay.status();
        assertThat(status.state()).isEqualTo("LIVE");
        assertThat(status.consumed()).isEqualTo(status.catchUpTarget());
        assertThat(status.catchUpTarget()).isGreaterThanOrEqualTo(before.catchUpTarget() + 91);
        assertThat(status.applied()).isEqualTo(before.applied() + 90);
        assertThat(status.unusable()).isEqualTo(before.unusable() + 1);
        assertThat(status.recentProblems())
                .first()
                .asString()
                .startsWith(Topics.REFERRALS_RESPONSES + "-")
                .contains("cannot decode");
        // Partitions are read in no particular order: this test's events are among the latest, not all of them.
        assertThat(picture.feed(20))
                .extracting(f -> f.referralId())
                .anyMatch(id -> id != null && id.startsWith(prefix));
        assertThat(picture.openAlerts().desks())
                .filteredOn(d -> d.deskId().equals("DE-BKA"))
                .singleElement()
                .satisfies(d -> assertThat(d.open()).isGreaterThanOrEqualTo(30));
        assertThat(picture.withheld().noAgreementPairs())
                .filteredOn(p -> p.issuingCountry().equals("FR"))
                .singleElement()
                .satisfies(pair -> assertThat(pair.count()).isEqualTo(30));

        ReferralStory late = ReferralStory.of(prefix + "late", "FR-BNRF", ReferralType.FUGITIVE, Priority.URGENT, t0);
        long breachesBefore = picture.breaches().total();
        try (KafkaProducer<String, Object> producer = producer(null)) {
            send(
                    producer,
                    Topics.DEADLINES_BREACHES,
                    late.referralId(),
                    late.breached("DE-BKA", DeadlineKind.ACKNOWLEDGEMENT, Instant.now()));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> picture.breaches().total() == breachesBefore + 1);
        assertThat(replay.status().applied()).isEqualTo(before.applied() + 91);
    }

    @Test
    void passesTransactionMarkersAndIgnoresAbortedRecords() {
        Instant t0 = Instant.now();
        ReferralStory committed =
                ReferralStory.of("CD-TX-1", "DE-BKA", ReferralType.COUNTER_TERRORISM, Priority.IMMEDIATE, t0);
        ReferralStory aborted =
                ReferralStory.of("CD-TX-2", "DE-BKA", ReferralType.COUNTER_TERRORISM, Priority.IMMEDIATE, t0);
        OperationalPicture before = new OperationalPicture(Clock.systemUTC(), 20);
        caughtUp(before);
        long submittedBefore = before.volumes(48, 30).submitted();

        try (KafkaProducer<String, Object> producer = producer("dashboard-test-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            send(producer, Topics.REFERRALS_LIFECYCLE, committed.referralId(), committed.submitted());
            producer.commitTransaction();
            producer.beginTransaction();
            send(producer, Topics.REFERRALS_LIFECYCLE, aborted.referralId(), aborted.submitted());
            producer.flush();
            producer.abortTransaction();
        }
        OperationalPicture picture = new OperationalPicture(Clock.systemUTC(), 20);

        TopicReplay replay = startReplay(picture);

        // The last entries of the partition are markers, not records: caught up means past them.
        await().atMost(Duration.ofSeconds(30)).until(() -> replay.status().caughtUp());
        assertThat(picture.volumes(48, 30).submitted()).isEqualTo(submittedBefore + 1);
        assertThat(picture.volumes(48, 30).byType().get("COUNTER_TERRORISM")).isGreaterThanOrEqualTo(1);
        assertThat(picture.feed(50))
                .extracting(f -> f.referralId())
                .contains("CD-TX-1")
                .doesNotContain("CD-TX-2");
    }

    private TopicReplay caughtUp(OperationalPicture picture) {
        TopicReplay replay = startReplay(picture);
        await().atMost(Duration.ofSeconds(30)).until(() -> replay.status().caughtUp());
        return replay;
    }

    private TopicReplay startReplay(OperationalPicture picture) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        ProjectingDeserializer values = new ProjectingDeserializer(registry::getSchemaById);
        TopicReplay replay = new TopicReplay(
                handler -> new TopicFollower(
                        "replay-under-test",
                        OperationalPicture.sourceTopics(),
                        () -> consumer,
                        (topic, headers, bytes) -> bytes == null ? null : values.deserialize(topic, headers, bytes),
                        handler,
                        ConsumerSessions.of("replay-under-test")),
                picture,
                OperationalPicture.sourceTopics(),
                Clock.systemUTC(),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                Duration.ofDays(7));
        replay.start();
        replays.add(replay);
        return replay;
    }

    /** A producer as the other services have: Avro values through the real registry. */
    private static KafkaProducer<String, Object> producer(String transactionalId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put("schema.registry.url", RegistryFixture.url());
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(props, false);
        return new KafkaProducer<>(props, new StringSerializer(), values);
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, Object> producer, String topic, String key, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }
}
