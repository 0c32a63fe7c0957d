package org.crossdesk.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.crossdesk.events.Topics;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.ReceiptStatus;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.ActionOutcome;
import org.crossdesk.events.outbox.ActionReport;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.OutboxMessageKind;
import org.crossdesk.events.outbox.ReferralAmendment;
import org.crossdesk.events.outbox.ReferralWithdrawal;
import org.crossdesk.events.referral.ReferralAmended;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRejected;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * The Kafka path: records into desk outboxes → events on the lifecycle and responses topics and receipts
 * in the desks' inboxes. Every test uses desks whose outboxes are created after intake started, so each
 * also proves the pattern subscription picks up new desks without a restart.
 */
class OutboxFlowTest extends IntakeServiceTest {

    @Test
    void anAcceptedSubmissionBecomesReferralSubmittedWithTheIdOfItsPositionAndAnAcceptedReceipt() {
        String desk = Desks.fresh("FR");
        String reference = Desks.reference();

        RecordMetadata written = writeOutbox(desk, reference, Desks.fugitive(desk, reference));

        String expectedId = String.format(
                "CD-%d-%s-%d-%06d",
                Instant.ofEpochMilli(written.timestamp()).atZone(ZoneOffset.UTC).getYear(),
                desk,
                written.partition(),
                written.offset());
        SubmissionReceipt receipt = awaitReceipt(desk, r -> reference.equals(r.getDeskReference()));
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(receipt.getReferralId()).isEqualTo(expectedId);
        assertThat(receipt.getSubjectOfReceipt()).isEqualTo(OutboxMessageKind.SUBMISSION);
        List<ReferralSubmitted> submitted = awaitLifecycle(expectedId, ReferralSubmitted.class, 1);
        assertThat(submitted).singleElement().satisfies(s -> {
            assertThat(s.getSubmission().getIssuingDesk()).isEqualTo(desk);
            assertThat(s.getReceivedFromTopic()).isEqualTo(Topics.deskOutboxName(desk));
        });
        ConsumerRecord<String, Object> event =
                probe(Topics.REFERRALS_LIFECYCLE).awaitRecord(r -> expectedId.equals(r.key()));
        assertThat(((ReferralEvent) event.value()).getMetadata().getCorrelationId())
                .isEqualTo(expectedId);
    }

    @Test
    void aResubmissionIsAnsweredWithTheSameIdAndCausesNoSecondEvent() {
        String desk = Desks.fresh("FR");
        String reference = Desks.reference();
        writeOutbox(desk, reference, Desks.fugitive(desk, reference));
        String referralId =
                awaitReceipt(desk, r -> r.getStatus() == ReceiptStatus.ACCEPTED).getReferralId();

        writeOutbox(desk, reference, Desks.fugitive(desk, reference));

        SubmissionReceipt duplicate = awaitReceipt(desk, r -> r.getStatus() == ReceiptStatus.DUPLICATE);
        assertThat(duplicate.getReferralId()).isEqualTo(referralId);
        assertThat(lifecycleNow(referralId, ReferralSubmitted.class)).hasSize(1);
    }

    @Test
    void aDifferentSubmissionUnderAUsedReferenceIsRejectedAsAConflict() {
        String desk = Desks.fresh("FR");
        String reference = Desks.reference();
        writeOutbox(desk, reference, Desks.fugitive(desk, reference));
        String referralId =
                awaitReceipt(desk, r -> r.getStatus() == ReceiptStatus.ACCEPTED).getReferralId();
        ReferralSubmission different = ReferralSubmission.newBuilder(Desks.fugitive(desk, reference))
                .setSummary("A different case under the same reference")
                .build();

        writeOutbox(desk, reference, different);

        SubmissionReceipt rejected = awaitReceipt(desk, r -> r.getStatus() == ReceiptStatus.REJECTED);
        assertThat(rejected.getReferralId()).isNull();
        assertThat(rejected.getReasons()).extracting(r -> r.getCode()).containsExactly("DESK_REFERENCE_CONFLICT");
        assertThat(rejected.getReasons().get(0).getMessage()).contains(referralId);
        assertThat(awaitLifecycle(desk + "/" + reference, ReferralRejected.class, 1))
                .singleElement()
                .satisfies(r -> assertThat(r.getIssuingDesk()).isEqualTo(desk));
        assertThat(lifecycleNow(referralId, ReferralSubmitted.class)).hasSize(1);
    }

    @Test
    void aDeskClaimingAnotherDeskIsRejectedAndOnlyItsOwnInboxHearsOfIt() {
        String writer = Desks.fresh("IT");
        String claimed = Desks.fresh("FR");
        topics.ensureDeskTopics(claimed);
        String reference = Desks.reference();

        writeOutbox(writer, reference, Desks.fugitive(claimed, reference));

        SubmissionReceipt rejected = awaitReceipt(writer, r -> reference.equals(r.getDeskReference()));
        assertThat(rejected.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(rejected.getReasons())
                .extracting(r -> r.getCode(), r -> r.getField())
                .containsExactly(tuple("DESK_MISMATCH", "issuingDesk"));
        assertThat(awaitLifecycle(writer + "/" + reference, ReferralRejected.class, 1))
                .hasSize(1);
        assertThat(probe(Topics.deskInboxName(claimed)).readAll()).isEmpty();
    }

    @Test
    void anInvalidSubmissionIsRejectedWithEveryReason() {
        String desk = Desks.fresh("FR");
        String reference = Desks.reference();
        ReferralSubmission invalid = ReferralSubmission.newBuilder(Desks.fugitive(desk, reference))
                .setPurpose("")
                .setRequestedDesks(List.of("not-a-desk"))
                .build();

        writeOutbox(desk, reference, invalid);

        SubmissionReceipt rejected = awaitReceipt(desk, r -> reference.equals(r.getDeskReference()));
        assertThat(rejected.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(rejected.getReasons())
                .extracting(r -> r.getCode() + "@" + r.getField())
                .containsExactlyInAnyOrder("REQUIRED@purpose", "INVALID_DESK_ID@requestedDesks[0]");
    }

    @Test
    void theIssuerAmendsAndWithdrawsButNobodyElseMay() {
        String issuer = Desks.fresh("FR");
        String other = Desks.fresh("DE");
        String reference = Desks.reference();
        writeOutbox(issuer, reference, Desks.fugitive(issuer, reference));
        String referralId = awaitReceipt(issuer, r -> r.getStatus() == ReceiptStatus.ACCEPTED)
                .getReferralId();
        ReferralSubmission newVersion = ReferralSubmission.newBuilder(Desks.fugitive(issuer, reference))
                .setSummary("Seen in Alicante on 3 March")
                .build();

        writeOutbox(other, referralId, new ReferralWithdrawal(referralId, "Not mine to withdraw"));
        writeOutbox(issuer, referralId, new ReferralAmendment(referralId, "New sighting", newVersion));
        writeOutbox(issuer, referralId, new ReferralWithdrawal(referralId, "Subject surrendered"));

        SubmissionReceipt refused = awaitReceipt(other, r -> r.getSubjectOfReceipt() == OutboxMessageKind.WITHDRAWAL);
        assertThat(refused.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(refused.getReasons()).extracting(r -> r.getCode()).containsExactly("NOT_ISSUER");
        assertThat(awaitLifecycle(referralId, ReferralAmended.class, 1))
                .singleElement()
                .satisfies(a -> assertThat(a.getVersion()).isEqualTo(2));
        assertThat(awaitLifecycle(referralId, ReferralWithdrawn.class, 1))
                .singleElement()
                .satisfies(w -> assertThat(w.getIssuingDesk()).isEqualTo(issuer));
    }

    @Test
    void onlyADeskThatReceivedTheAlertMayAcknowledgeOrReportAction() {
        String issuer = Desks.fresh("FR");
        String recipient = Desks.fresh("DE");
        String stranger = Desks.fresh("NL");
        String reference = Desks.reference();
        writeOutbox(issuer, reference, Desks.fugitive(issuer, reference));
        String referralId = awaitReceipt(issuer, r -> r.getStatus() == ReceiptStatus.ACCEPTED)
                .getReferralId();
        writeLifecycle(referralId, routedTo(referralId, issuer, recipient));

        writeOutbox(stranger, referralId, new AlertAcknowledgement(referralId, "nl.officer", null));
        SubmissionReceipt refused = awaitReceipt(stranger, r -> true);
        // Written after the stranger's was answered: the same view that refused the stranger accepts the recipient.
        writeOutbox(recipient, referralId, new AlertAcknowledgement(referralId, "de.duty.3", "On it"));
        SubmissionReceipt accepted =
                awaitReceipt(recipient, r -> r.getSubjectOfReceipt() == OutboxMessageKind.ACKNOWLEDGEMENT);
        writeOutbox(recipient, referralId, new ActionReport(referralId, ActionOutcome.NO_TRACE, "No trace in Germany"));

        assertThat(refused.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(refused.getSubjectOfReceipt()).isEqualTo(OutboxMessageKind.ACKNOWLEDGEMENT);
        assertThat(refused.getReasons()).extracting(r -> r.getCode()).containsExactly("NOT_RECIPIENT");
        assertThat(accepted.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        TopicProbe<String, Object> responses = probe(Topics.REFERRALS_RESPONSES);
        List<Object> events =
                responses
                        .awaitRecords(rs -> rs.stream()
                                        .filter(r -> referralId.equals(r.key()))
                                        .count()
                                >= 2)
                        .stream()
                        .filter(r -> referralId.equals(r.key()))
                        .map(r -> ((ResponseEvent) r.value()).getEvent())
                        .toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(AlertAcknowledged.class, a -> {
            assertThat(a.getRecipientDesk()).isEqualTo(recipient);
            assertThat(a.getAlertId()).isEqualTo(referralId + "/" + recipient);
        });
        assertThat(events.get(1))
                .isInstanceOfSatisfying(
                        AlertActioned.class, a -> assertThat(a.getOutcome()).isEqualTo(ActionOutcome.NO_TRACE));
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheirCauseAndTheNextRecordIsProcessed() throws Exception {
        String desk = Desks.fresh("ES");
        topics.ensureDeskTopics(desk);
        String outbox = Topics.deskOutboxName(desk);
        byte[] notAvro = "{\"this\": \"is JSON, not Avro\"}".getBytes(StandardCharsets.UTF_8);
        // Confluent framing (magic byte 0, then a schema id) with an id the registry never gave out.
        byte[] unknownSchema =
                ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(42).array();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(settings.rawProducer("test-raw"))) {
            raw.send(new ProducerRecord<>(outbox, 0, "garbage", notAvro)).get();
            raw.send(new ProducerRecord<>(outbox, 0, "unknown-schema", unknownSchema))
                    .get();
        }
        String reference = Desks.reference();
        writeOutbox(desk, reference, Desks.fugitive(desk, reference));

        assertThat(awaitReceipt(desk, r -> reference.equals(r.getDeskReference()))
                        .getStatus())
                .isEqualTo(ReceiptStatus.ACCEPTED);
        List<ConsumerRecord<byte[], byte[]>> dead = TopicProbe.of(outbox + Topics.DEAD_LETTER_SUFFIX)
                .within(Duration.ofSeconds(30))
                .awaitCount(2);
        assertThat(dead)
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("garbage", "unknown-schema");
        ConsumerRecord<byte[], byte[]> garbage = dead.stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("garbage"))
                .findFirst()
                .orElseThrow();
        assertThat(garbage.value()).as("the original bytes, untouched").isEqualTo(notAvro);
        assertThat(header(garbage, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(header(garbage, "kafka_dlt-original-topic")).isEqualTo(outbox);
        ConsumerRecord<byte[], byte[]> unknown = dead.stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("unknown-schema"))
                .findFirst()
                .orElseThrow();
        assertThat(header(unknown, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(header(unknown, "kafka_dlt-exception-stacktrace"))
                .as("the registry's refusal of the id")
                .contains("987654");
    }

    @Test
    void aTombstoneInAnOutboxIsDeadLettered() {
        String desk = Desks.fresh("PT");
        topics.ensureDeskTopics(desk);
        send(new ProducerRecord<>(Topics.deskOutboxName(desk), "tombstone", null));

        List<ConsumerRecord<byte[], byte[]>> dead = TopicProbe.of(
                        Topics.deskOutboxName(desk) + Topics.DEAD_LETTER_SUFFIX)
                .within(Duration.ofSeconds(30))
                .awaitCount(1);

        assertThat(header(dead.get(0), "kafka_dlt-exception-message")).contains("tombstone");
    }

    static ReferralRouted routedTo(String referralId, String issuer, String recipient) {
        return ReferralRouted.newBuilder(ExampleEvents.referralRouted())
                .setReferralId(referralId)
                .setIssuingDesk(issuer)
                .setRecipients(List.of(RoutedRecipient.newBuilder(ExampleEvents.routedRecipient(
                                recipient, recipient.substring(0, 2), List.of("REQUESTED")))
                        .build()))
                .build();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
