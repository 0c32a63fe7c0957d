package org.crossdesk.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.ReceiptStatus;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.intake.IntakeApplication;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.platform.kafka.TopicProvisioner;
import org.crossdesk.schemaregistry.serde.KafkaAvroDeserializer;
import org.crossdesk.testsupport.CrossdeskKafka;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.RegistryFixture;
import org.crossdesk.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Intake's state survives restarts because it is rebuilt from the topics. Runs in a JVM of its own
 * (failsafe), so no other intake instance shares the outboxes with the ones started here.
 */
@CrossdeskKafka
class RestartIT {

    private final KafkaClientSettings settings =
            KafkaClientSettings.of(KafkaFixture.bootstrapServers(), RegistryFixture.url());

    @Test
    void aRestartedIntakeRebuildsDeDuplicationFromTheLifecycleAndReprocessingYieldsTheSameIds() throws Exception {
        String desk = Desks.fresh("FR");
        String reference = Desks.reference();
        String referralId;

        try (ConfigurableApplicationContext first = start("intake")) {
            first.getBean(TopicProvisioner.class).ensureDeskTopics(desk);
            write(desk, reference);
            referralId = awaitReceipts(desk, 1).get(0).getReferralId();
        }

        // Same consumer group: resumes after the first record, with nothing in memory but what it replays.
        try (ConfigurableApplicationContext second = start("intake")) {
            write(desk, reference);
            List<SubmissionReceipt> receipts = awaitReceipts(desk, 2);
            assertThat(receipts.get(1).getStatus()).isEqualTo(ReceiptStatus.DUPLICATE);
            assertThat(receipts.get(1).getReferralId()).isEqualTo(referralId);
        }

        // A new group reads both records again, as after a crash before any offset was committed: the first is
        // recognised as already accepted (same position, same id), the second as its duplicate.
        try (ConfigurableApplicationContext replay = start("intake-replay")) {
            List<SubmissionReceipt> receipts = awaitReceipts(desk, 4);
            assertThat(receipts.subList(2, 4))
                    .extracting(SubmissionReceipt::getStatus, SubmissionReceipt::getReferralId)
                    .containsExactly(
                            tuple(ReceiptStatus.ACCEPTED, referralId), tuple(ReceiptStatus.DUPLICATE, referralId));
        }

        List<ReferralSubmitted> submitted = lifecycle().readAll().stream()
                .filter(r -> referralId.equals(r.key()))
                .map(r -> ((ReferralEvent) r.value()).getEvent())
                .filter(ReferralSubmitted.class::isInstance)
                .map(ReferralSubmitted.class::cast)
                .toList();
        assertThat(submitted)
                .as("one referral, however often its record was read")
                .hasSize(1);
    }

    private ConfigurableApplicationContext start(String group) {
        // Command-line arguments outrank application.yaml (plain default properties would not).
        return new SpringApplicationBuilder(IntakeApplication.class)
                .run(
                        "--spring.application.name=" + group,
                        "--server.port=0",
                        "--crossdesk.kafka.bootstrap-servers=" + KafkaFixture.bootstrapServers(),
                        "--crossdesk.kafka.schema-registry-url=" + RegistryFixture.url(),
                        "--logging.level.org.apache.kafka=WARN",
                        "--logging.level.kafka=WARN",
                        "--logging.level.state.change.logger=WARN");
    }

    private void write(String desk, String reference) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings.producer("restart-test"))) {
            OutboxMessage message = OutboxMessage.newBuilder()
                    .setMetadata(EventMetadata.newBuilder()
                            .setEventId(UUID.randomUUID().toString())
                            .setOccurredAt(Instant.now())
                            .setProducer("desk")
                            .setCorrelationId(reference)
                            .setCausationId(null)
                            .build())
                    .setMessage(Desks.fugitive(desk, reference))
                    .build();
            producer.send(new ProducerRecord<>(Topics.deskOutboxName(desk), reference, message))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private List<SubmissionReceipt> awaitReceipts(String desk, int count) {
        return probe(Topics.deskInboxName(desk)).within(Duration.ofSeconds(60)).awaitCount(count).stream()
                .map(ConsumerRecord::value)
                .map(v -> (SubmissionReceipt) ((InboxMessage) v).getMessage())
                .toList();
    }

    private TopicProbe<String, Object> lifecycle() {
        return probe(Topics.REFERRALS_LIFECYCLE);
    }

    private TopicProbe<String, Object> probe(String topic) {
        return TopicProbe.<String, Object>of(topic, StringDeserializer::new, () -> {
                    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
                    deserializer.configure(settings.serde(), false);
                    return deserializer;
                })
                .readCommitted();
    }
}
