package org.crossdesk.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.crossdesk.events.Topics;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.platform.kafka.follow.AvroDecoder;
import org.crossdesk.platform.kafka.follow.ConsumerSessions;
import org.crossdesk.platform.kafka.follow.TopicFollower;
import org.crossdesk.testsupport.CrossdeskKafka;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.RegistryFixture;
import org.crossdesk.testsupport.RegistryOutage;
import org.crossdesk.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A schema registry outage is waited out, never taken for an unreadable record (issue #16): a listener retries the
 * record until the registry answers and never dead-letters it; a follower rebuilding state stops at the record and
 * reports it, then reads on from it; nothing is skipped. Real broker, real registry behind a switchable front.
 */
@CrossdeskKafka
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.application.name=platform-registry-outage-test")
class RegistryOutageTest {

    static final String DESK = "NL-NP";
    static final String OUTBOX = Topics.deskOutboxName(DESK);
    static final RegistryOutage REGISTRY = RegistryOutage.inFrontOf(RegistryFixture.url());

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        properties.add("crossdesk.kafka.schema-registry-url", REGISTRY::url);
    }

    @AfterAll
    static void stopRegistryFront() {
        REGISTRY.close();
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {
        @Component
        static class Listener {
            final List<OutboxMessage> received = new CopyOnWriteArrayList<>();

            @KafkaListener(
                    topics = "#{T(org.crossdesk.events.Topics).deskOutboxName('NL-NP')}",
                    groupId = "platform-registry-outage-test")
            void on(OutboxMessage message) {
                received.add(message);
            }
        }
    }

    @Autowired
    App.Listener listener;

    @Autowired
    TopicProvisioner provisioner;

    @Autowired
    KafkaClientSettings settings;

    @Autowired
    OutageHealth outages;

    @Test
    void aRecordWrittenDuringAnOutageIsProcessedWhenTheRegistryIsBackNeitherDeadLetteredNorSkipped() throws Exception {
        provisioner.ensureDeskTopics(DESK);
        List<Object> followed = new CopyOnWriteArrayList<>();
        List<String> skipped = new CopyOnWriteArrayList<>();
        try (AvroDecoder decoder = new AvroDecoder(settings.serde());
                TopicFollower follower = TopicFollower.of(
                        "registry-outage-follower", List.of(OUTBOX), settings, decoder, new TopicFollower.Handler() {
                            @Override
                            public void record(ConsumerRecord<String, byte[]> record, Object value) {
                                followed.add(value);
                            }

                            @Override
                            public void skipped(
                                    ConsumerRecord<String, byte[]> record, String what, RuntimeException e) {
                                skipped.add(what + ": " + e);
                            }
                        })) {
            REGISTRY.down();
            follower.start();
            OutboxMessage acknowledgement = OutboxExamples.acknowledgementBy("officer-during-the-outage");
            // Written by a desk whose own serde reached the registry: the record is good, only the readers' is down.
            writeWithTheRealRegistry("during-outage", acknowledgement);

            int requestsOfOneAttempt = 4; // the registry client's own try and its three retries
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> REGISTRY.refused() >= 2 * 2 * requestsOfOneAttempt
                            && follower.sessions().failures() >= 1);
            assertThat(listener.received).isEmpty();
            assertThat(followed).isEmpty();
            assertThat(outages.health().getStatus())
                    .as("the listener waits an outage out")
                    .isEqualTo(Status.DOWN);
            assertThat(outages.health().getDetails().get("record").toString()).startsWith(OUTBOX);
            assertThat(follower.sessions().lastFailure()).contains("cannot be read now");

            REGISTRY.up();

            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                assertThat(listener.received).containsExactly(acknowledgement);
                assertThat(followed).containsExactly(acknowledgement);
                assertThat(follower.sessions().state()).isEqualTo(ConsumerSessions.State.RUNNING);
            });
            assertThat(skipped).isEmpty();
        }
        // Had it been dead-lettered, it would be there before the listener got it from its own topic.
        assertThat(TopicProbe.of(OUTBOX + Topics.DEAD_LETTER_SUFFIX).within(Duration.ofSeconds(2)).readAll().stream()
                        .map(record -> new String(record.key(), StandardCharsets.UTF_8)))
                .doesNotContain("during-outage");
    }

    private static void writeWithTheRealRegistry(String key, OutboxMessage message) throws Exception {
        Map<String, Object> config = KafkaClientSettings.of(KafkaFixture.bootstrapServers(), RegistryFixture.url())
                .producer("registry-outage-desk");
        try (KafkaProducer<String, Object> desk = new KafkaProducer<>(config)) {
            desk.send(new ProducerRecord<>(OUTBOX, key, message)).get();
        }
    }
}
