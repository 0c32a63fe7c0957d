package org.crossdesk.platform.kafka.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.RegistryFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The platform's one way to keep whole topics in memory, on the real test broker and registry. */
class TopicFollowerTest {

    private final KafkaClientSettings settings =
            KafkaClientSettings.of(KafkaFixture.bootstrapServers(), RegistryFixture.url());
    private final AvroDecoder decoder = new AvroDecoder(settings.serde());
    private final String desks = "follower-test-desks-" + UUID.randomUUID();
    private final String notYetCreated = "follower-test-later-" + UUID.randomUUID();
    private final List<String> handed = new CopyOnWriteArrayList<>();
    private final List<Map<TopicPartition, Long>> positions = new CopyOnWriteArrayList<>();
    private TopicFollower follower;

    private final TopicFollower.Handler handler = new TopicFollower.Handler() {
        @Override
        public void record(ConsumerRecord<String, byte[]> record, Object value) {
            handed.add(record.topic() + "/" + record.key() + "="
                    + (value == null ? "tombstone" : ((DeskProfile) value).getDeskId()));
        }

        @Override
        public void progress(TopicFollower.Progress progress) {
            positions.add(progress.positions());
        }
    };

    @AfterEach
    void close() {
        if (follower != null) {
            follower.close();
        }
        decoder.close();
    }

    private void send(String topic, String key, Object value) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings.producer("follower-test"))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    private static DeskProfile desk(String id) {
        return DeskProfile.newBuilder(ExampleEvents.deskProfile()).setDeskId(id).build();
    }

    private void send(String topic, String key, byte[] raw) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.rawProducer("follower-test-raw"))) {
            producer.send(new ProducerRecord<>(topic, key, raw)).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void replaysWhatIsThereSkipsWhatCannotBeReadThenFollowsAndAnswersBarriers() throws Exception {
        KafkaFixture.createTopic(desks, 2, Map.of());
        send(desks, "FR-ONE", desk("FR-ONE"));
        send(desks, "XX-BROKEN", "not avro".getBytes());
        send(desks, "FR-TWO", (Object) null);

        follower = TopicFollower.of("follower-test", List.of(desks), settings, decoder, handler);
        follower.start();
        follower.replayed().get(30, TimeUnit.SECONDS);

        assertThat(follower.wasEmptyAtStart()).isFalse();
        assertThat(handed).containsExactlyInAnyOrder(desks + "/FR-ONE=FR-ONE", desks + "/FR-TWO=tombstone");

        send(desks, "FR-THREE", desk("FR-THREE"));
        CompletableFuture<Void> barrier = follower.caughtUp();
        barrier.get(30, TimeUnit.SECONDS);
        // Everything committed before the barrier was asked for has been handed over when it completes.
        assertThat(handed).contains(desks + "/FR-THREE=FR-THREE");
        assertThat(positions).isNotEmpty();
        assertThat(positions.get(positions.size() - 1).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(4);
    }

    @Test
    void waitsForATopicThatDoesNotExistYetAndSeesThatItWasEmpty() throws Exception {
        follower = TopicFollower.of("follower-test-later", List.of(notYetCreated), settings, decoder, handler);
        follower.start();
        assertThat(follower.replayed()).isNotDone();

        KafkaFixture.createTopic(notYetCreated, 1, Map.of());

        follower.replayed().get(30, TimeUnit.SECONDS);
        assertThat(follower.wasEmptyAtStart()).isTrue();
        send(notYetCreated, "DE-LATE", desk("DE-LATE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> handed.contains(notYetCreated + "/DE-LATE=DE-LATE"));
    }

    @Test
    void aClosedFollowerRefusesBarriers() throws Exception {
        KafkaFixture.createTopic(desks, 1, Map.of());
        follower = TopicFollower.of("follower-test-closed", List.of(desks), settings, decoder, handler);
        follower.start();
        follower.replayed().get(30, TimeUnit.SECONDS);
        follower.close();

        assertThat(follower.caughtUp()).isCompletedExceptionally();
        assertThat(follower.sessions().state()).isEqualTo(ConsumerSessions.State.STOPPED);
    }

    @Test
    void readsGivenPartitionsToTheirEndOnceOnTheCallersThread() throws Exception {
        KafkaFixture.createTopic(desks, 2, Map.of());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings.producer("follower-test-once"))) {
            producer.send(new ProducerRecord<>(desks, 0, "FR-P0", desk("FR-P0")))
                    .get(10, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(desks, 1, "FR-P1", desk("FR-P1")))
                    .get(10, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(settings.rawProducer("follower-test-once-raw"))) {
            raw.send(new ProducerRecord<>(desks, 0, "XX-BROKEN", "not avro".getBytes()))
                    .get(10, TimeUnit.SECONDS);
        }

        long read;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings.reader("follower-test-once", KafkaClientSettings.Values.BYTES))) {
            read = TopicFollower.readToEnd(
                    "follower-test-once", consumer, List.of(new TopicPartition(desks, 0)), decoder, handler);
        }

        assertThat(read).isEqualTo(2);
        assertThat(handed).containsExactly(desks + "/FR-P0=FR-P0");
    }
}
