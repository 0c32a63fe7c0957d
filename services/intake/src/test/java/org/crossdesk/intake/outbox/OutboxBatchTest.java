package org.crossdesk.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.ReceiptStatus;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.outbox.ReferralAmendment;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.intake.cases.CaseBook;
import org.crossdesk.intake.referralid.OutboxPosition;
import org.crossdesk.intake.referralid.ReferralIds;
import org.crossdesk.intake.validation.KnownDesks;
import org.crossdesk.intake.validation.SubmissionValidator;
import org.junit.jupiter.api.Test;

/** A poll's outbox records in; the writes, in the order they are started, and what each waited for, out. */
class OutboxBatchTest {

    private static final Instant NOW = Instant.parse("2026-03-09T10:00:00Z");
    private static final String DESK = ExampleEvents.ISSUER;

    private final CaseBook cases = new CaseBook();
    private final OutboxProcessor processor = new OutboxProcessor(
            new SubmissionValidator(Clock.fixed(NOW, ZoneOffset.UTC), KnownDesks.UNKNOWN),
            cases,
            Clock.fixed(NOW, ZoneOffset.UTC),
            "intake");
    private final RecordingWriter kafka = new RecordingWriter();
    private final List<String> provisioned = new ArrayList<>();
    private int viewAwaited;
    private long nextOffset = 100;

    private OutboxBatch batch() {
        return new OutboxBatch(processor, cases, kafka, Duration.ofSeconds(5), () -> viewAwaited++, provisioned::add);
    }

    @Test
    void unrelatedSubmissionsHaveTheirEventsInFlightTogetherAndTheirReceiptsFollowTheAcknowledgements() {
        OutboxBatch batch = batch();
        List<OutboxPosition> positions = List.of(position(), position(), position());

        for (int i = 0; i < positions.size(); i++) {
            batch.add(i, positions.get(i), submission("REF-" + i));
        }

        assertThat(kafka.writes())
                .as("three events started, no receipt before an acknowledgement")
                .extracting(Write::topic)
                .containsExactly(Topics.REFERRALS_LIFECYCLE, Topics.REFERRALS_LIFECYCLE, Topics.REFERRALS_LIFECYCLE);
        kafka.acknowledgeAll();
        batch.finish();

        assertThat(kafka.writes())
                .extracting(Write::topic)
                .containsExactly(
                        Topics.REFERRALS_LIFECYCLE,
                        Topics.REFERRALS_LIFECYCLE,
                        Topics.REFERRALS_LIFECYCLE,
                        Topics.deskInboxName(DESK),
                        Topics.deskInboxName(DESK),
                        Topics.deskInboxName(DESK));
        assertThat(receipts())
                .extracting(SubmissionReceipt::getDeskReference)
                .containsExactly("REF-0", "REF-1", "REF-2");
        assertThat(receipts()).extracting(SubmissionReceipt::getStatus).containsOnly(ReceiptStatus.ACCEPTED);
        positions.forEach(p -> assertThat(cases.status(ReferralIds.of(p))).isPresent());
        assertThat(provisioned).containsOnly(DESK);
    }

    @Test
    void aResubmissionInTheSameBatchWaitsForTheFirstAndIsADuplicateWithoutASecondEvent() {
        OutboxBatch batch = batch();
        OutboxPosition first = position();
        kafka.acknowledgeAtOnce();

        batch.add(0, first, submission("REF-SAME"));
        Decision second = batch.add(1, position(), submission("REF-SAME"));
        batch.finish();

        assertThat(second.status()).isEqualTo(ReceiptStatus.DUPLICATE);
        assertThat(second.referralId()).isEqualTo(ReferralIds.of(first));
        assertThat(kafka.writes())
                .extracting(Write::topic)
                .filteredOn(Topics.REFERRALS_LIFECYCLE::equals)
                .hasSize(1);
        assertThat(receipts())
                .extracting(SubmissionReceipt::getStatus)
                .containsExactly(ReceiptStatus.ACCEPTED, ReceiptStatus.DUPLICATE);
    }

    @Test
    void anAmendmentOfAReferralSubmittedInTheSameBatchFindsIt() {
        OutboxBatch batch = batch();
        OutboxPosition submitted = position();
        kafka.acknowledgeAtOnce();

        batch.add(0, submitted, submission("REF-A"));
        Decision amended = batch.add(
                1,
                position(),
                outbox(ReferralAmendment.newBuilder()
                        .setReferralId(ReferralIds.of(submitted))
                        .setReason("new last known location")
                        .setSubmission(ReferralSubmission.newBuilder(ExampleEvents.amendedSubmission())
                                .setDeskReference("REF-A")
                                .build())
                        .build()));
        batch.finish();

        assertThat(amended.reasons()).isEmpty();
        assertThat(amended.status()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(viewAwaited)
                .as("known from this batch, no need to wait for other services")
                .isZero();
    }

    @Test
    void aFailedEventWriteNamesItsRecordAndLeavesNoReceiptForItOrAfterIt() {
        OutboxBatch batch = batch();
        List<OutboxPosition> positions = List.of(position(), position(), position());
        for (int i = 0; i < positions.size(); i++) {
            batch.add(i, positions.get(i), submission("REF-F" + i));
        }
        kafka.acknowledge(0);
        kafka.fail(1, new IllegalStateException("NOT_ENOUGH_REPLICAS"));
        kafka.acknowledge(2);

        assertThatThrownBy(batch::finish)
                .isInstanceOfSatisfying(
                        OutboxBatch.WriteFailedException.class,
                        e -> assertThat(e.index()).isEqualTo(1));

        assertThat(receipts()).extracting(SubmissionReceipt::getDeskReference).containsExactly("REF-F0");
        assertThat(cases.status(ReferralIds.of(positions.get(1))))
                .as("not durable, not known")
                .isEmpty();
        // Record 2 is read again after the failure: its event did reach Kafka, so it is only answered.
        Decision again = processor.process(positions.get(2), submission("REF-F2"));
        assertThat(again.event()).isEmpty();
        assertThat(again.status()).isEqualTo(ReceiptStatus.ACCEPTED);
    }

    @Test
    void aFailedReceiptNamesItsRecord() {
        OutboxBatch batch = batch();
        kafka.acknowledgeAtOnce();
        batch.add(0, position(), submission("REF-R0"));
        batch.add(1, position(), submission("REF-R1"));
        kafka.failReceipts(new IllegalStateException("inbox unavailable"));

        assertThatThrownBy(batch::finish)
                .isInstanceOfSatisfying(
                        OutboxBatch.WriteFailedException.class,
                        e -> assertThat(e.index()).isZero());
    }

    // ----------------------------------------------------------------------------------------------- fixtures

    private OutboxPosition position() {
        return new OutboxPosition(Topics.deskOutboxName(DESK), 0, nextOffset++, NOW);
    }

    private static OutboxMessage submission(String reference) {
        return outbox(ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                .setDeskReference(reference)
                .build());
    }

    private static OutboxMessage outbox(Object message) {
        return OutboxMessage.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(NOW)
                        .setProducer("fr-bnrf.officer.17")
                        .setCorrelationId("ref")
                        .setCausationId(null)
                        .build())
                .setMessage(message)
                .build();
    }

    private List<SubmissionReceipt> receipts() {
        return kafka.writes().stream()
                .filter(w -> w.topic().equals(Topics.deskInboxName(DESK)))
                .map(w -> (SubmissionReceipt) ((InboxMessage) w.value()).getMessage())
                .toList();
    }

    private record Write(String topic, Object value, CompletableFuture<Object> acknowledged) {}

    /** Kafka as the batch sees it: writes start at once, acknowledgements come when the test says. */
    private static final class RecordingWriter implements OutboxBatch.Writer {
        private final List<Write> writes = new ArrayList<>();
        private boolean atOnce;
        private RuntimeException receiptFailure;

        @Override
        public CompletableFuture<?> write(Emission<?> emission) {
            CompletableFuture<Object> acknowledged = new CompletableFuture<>();
            if (receiptFailure != null && emission.value() instanceof InboxMessage) {
                acknowledged.completeExceptionally(receiptFailure);
            } else if (atOnce || emission.value() instanceof InboxMessage) {
                acknowledged.complete(null);
            }
            writes.add(new Write(emission.topic(), emission.value(), acknowledged));
            return acknowledged;
        }

        List<Write> writes() {
            return List.copyOf(writes);
        }

        void acknowledgeAtOnce() {
            atOnce = true;
        }

        void acknowledgeAll() {
            writes.forEach(w -> w.acknowledged().complete(null));
        }

        void acknowledge(int write) {
            writes.get(write).acknowledged().complete(null);
        }

        void fail(int write, RuntimeException cause) {
            writes.get(write).acknowledged().completeExceptionally(cause);
        }

        void failReceipts(RuntimeException cause) {
            receiptFailure = cause;
        }
    }
}
