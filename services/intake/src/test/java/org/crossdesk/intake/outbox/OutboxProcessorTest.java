package org.crossdesk.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.ReceiptStatus;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.ActionOutcome;
import org.crossdesk.events.outbox.ActionReport;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.OutboxMessage;
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
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.intake.cases.CaseBook;
import org.crossdesk.intake.cases.RecipientState;
import org.crossdesk.intake.cases.ReferralStatus;
import org.crossdesk.intake.referralid.OutboxPosition;
import org.crossdesk.intake.referralid.ReferralIds;
import org.crossdesk.intake.validation.KnownDesks;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.intake.validation.SubmissionValidator;
import org.crossdesk.intake.validation.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Outbox records in, decisions out; the case book plays the topics intake reads back. */
class OutboxProcessorTest {

    private static final Instant NOW = Instant.parse("2026-03-09T10:00:00Z");
    private static final String ISSUER = ExampleEvents.ISSUER; // FR-BNRF
    private static final String RECIPIENT = ExampleEvents.RECIPIENT; // DE-BKA
    private static final String BYSTANDER = "IT-SCO";

    private final CaseBook cases = new CaseBook();
    private final OutboxProcessor processor = new OutboxProcessor(
            new SubmissionValidator(Clock.fixed(NOW, ZoneOffset.UTC), KnownDesks.UNKNOWN),
            cases,
            Clock.fixed(NOW, ZoneOffset.UTC),
            "intake");
    private long nextOffset = 40;

    @Nested
    class Submissions {

        @Test
        void anAcceptedSubmissionBecomesReferralSubmittedAndAnAcceptedReceipt() {
            OutboxMessage message = outbox(ExampleEvents.fugitiveSubmission());
            OutboxPosition position = position(ISSUER);

            Decision decision = processAndApply(position, message);

            String referralId = ReferralIds.of(position);
            Emission<?> event = decision.event().orElseThrow();
            assertThat(event.topic()).isEqualTo(Topics.REFERRALS_LIFECYCLE);
            assertThat(event.key()).isEqualTo(referralId);
            ReferralEvent lifecycle = (ReferralEvent) event.value();
            assertThat(lifecycle.getEvent()).isInstanceOfSatisfying(ReferralSubmitted.class, submitted -> {
                assertThat(submitted.getReferralId()).isEqualTo(referralId);
                assertThat(submitted.getReceivedFromTopic()).isEqualTo(Topics.deskOutboxName(ISSUER));
                assertThat(submitted.getSubmission().getDeskReference()).isEqualTo(ExampleEvents.DESK_REFERENCE);
            });
            assertThat(lifecycle.getMetadata().getCorrelationId()).isEqualTo(referralId);
            assertThat(lifecycle.getMetadata().getCausationId())
                    .isEqualTo(message.getMetadata().getEventId());
            assertThat(lifecycle.getMetadata().getProducer()).isEqualTo("intake");

            assertReceipt(decision, ISSUER, referralId, ReceiptStatus.ACCEPTED, OutboxMessageKind.SUBMISSION);
            assertThat(cases.status(referralId)).hasValueSatisfying(status -> {
                assertThat(status.status()).isEqualTo(ReferralStatus.SUBMITTED);
                assertThat(status.issuingDesk()).isEqualTo(ISSUER);
                assertThat(status.version()).isEqualTo(1);
            });
        }

        @Test
        void aResubmissionGetsTheSameIdAndNoSecondEvent() {
            OutboxPosition first = position(ISSUER);
            processAndApply(first, outbox(ExampleEvents.fugitiveSubmission()));

            Decision again = processAndApply(position(ISSUER), outbox(ExampleEvents.fugitiveSubmission()));

            assertThat(again.event()).isEmpty();
            assertReceipt(again, ISSUER, ReferralIds.of(first), ReceiptStatus.DUPLICATE, OutboxMessageKind.SUBMISSION);
            assertThat(cases.size()).isEqualTo(1);
        }

        @Test
        void reprocessingTheSameRecordAnswersAgainWithoutASecondEvent() {
            OutboxPosition position = position(ISSUER);
            OutboxMessage message = outbox(ExampleEvents.fugitiveSubmission());
            Decision first = processAndApply(position, message);

            Decision replayed = processor.process(position, message);

            assertThat(replayed.event()).isEmpty();
            assertReceipt(
                    replayed, ISSUER, ReferralIds.of(position), ReceiptStatus.ACCEPTED, OutboxMessageKind.SUBMISSION);
            assertThat(((InboxMessage) replayed.receipt().value()).getMetadata().getEventId())
                    .isEqualTo(((InboxMessage) first.receipt().value())
                            .getMetadata()
                            .getEventId());
        }

        @Test
        void aDifferentSubmissionUnderAUsedReferenceIsAConflict() {
            OutboxPosition first = position(ISSUER);
            processAndApply(first, outbox(ExampleEvents.fugitiveSubmission()));
            ReferralSubmission different = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setSummary("Another case entirely")
                    .build();

            Decision decision = processAndApply(position(ISSUER), outbox(different));

            ReferralEvent event = (ReferralEvent) decision.event().orElseThrow().value();
            assertThat(decision.event().get().key()).isEqualTo(ISSUER + "/" + ExampleEvents.DESK_REFERENCE);
            assertThat(event.getEvent()).isInstanceOfSatisfying(ReferralRejected.class, rejected -> {
                assertThat(rejected.getReferralId()).isNull();
                assertThat(rejected.getIssuingDesk()).isEqualTo(ISSUER);
                assertThat(rejected.getReasons())
                        .extracting(r -> r.getCode())
                        .containsExactly(ReasonCode.DESK_REFERENCE_CONFLICT.name());
                assertThat(rejected.getReasons().get(0).getMessage()).contains(ReferralIds.of(first));
            });
            assertReceipt(decision, ISSUER, null, ReceiptStatus.REJECTED, OutboxMessageKind.SUBMISSION);
            assertThat(decision.receipt().key()).isEqualTo(ExampleEvents.DESK_REFERENCE);
        }

        @Test
        void aDeskClaimingAnotherDeskIsRejectedAndAnsweredInItsOwnInbox() {
            ReferralSubmission claimsFrance = ExampleEvents.fugitiveSubmission(); // issuingDesk FR-BNRF

            Decision decision = processAndApply(position(BYSTANDER), outbox(claimsFrance));

            assertThat(decision.status()).isEqualTo(ReceiptStatus.REJECTED);
            assertThat(decision.reasons())
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.DESK_MISMATCH, "issuingDesk"));
            assertThat(decision.receipt().topic()).isEqualTo(Topics.deskInboxName(BYSTANDER));
            ReferralRejected rejected = (ReferralRejected)
                    ((ReferralEvent) decision.event().orElseThrow().value()).getEvent();
            assertThat(rejected.getIssuingDesk()).isEqualTo(BYSTANDER);
            assertThat(cases.byReference(ISSUER, claimsFrance.getDeskReference()))
                    .isEmpty();
        }

        @Test
        void anInvalidSubmissionIsRejectedWithEveryReasonAndLeavesItsReferenceFree() {
            ReferralSubmission invalid = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setPurpose("")
                    .setRequestedDesks(List.of("nowhere"))
                    .build();

            Decision rejected = processAndApply(position(ISSUER), outbox(invalid));
            Decision corrected = processAndApply(position(ISSUER), outbox(ExampleEvents.fugitiveSubmission()));

            assertThat(rejected.reasons())
                    .extracting(Violation::code)
                    .containsExactlyInAnyOrder(ReasonCode.REQUIRED, ReasonCode.INVALID_DESK_ID);
            SubmissionReceipt receipt =
                    (SubmissionReceipt) ((InboxMessage) rejected.receipt().value()).getMessage();
            assertThat(receipt.getReasons())
                    .extracting(r -> r.getField())
                    .containsExactlyInAnyOrder("purpose", "requestedDesks[0]");
            assertThat(corrected.status()).isEqualTo(ReceiptStatus.ACCEPTED);
        }
    }

    @Nested
    class IssuerMessages {

        @Test
        void theIssuerAmendsAndEachAmendmentCountsAVersion() {
            String referralId = submitted();

            Decision first = processAndApply(position(ISSUER), outbox(amendment(referralId, "New sighting")));
            Decision second = processAndApply(position(ISSUER), outbox(amendment(referralId, "Another sighting")));

            assertThat(((ReferralAmended) lifecycleOf(first)).getVersion()).isEqualTo(2);
            assertThat(((ReferralAmended) lifecycleOf(second)).getVersion()).isEqualTo(3);
            assertReceipt(second, ISSUER, referralId, ReceiptStatus.ACCEPTED, OutboxMessageKind.AMENDMENT);
            assertThat(cases.status(referralId).orElseThrow().version()).isEqualTo(3);
        }

        @Test
        void anAmendmentReprocessedAfterACrashIsNotCountedTwice() {
            String referralId = submitted();
            OutboxPosition position = position(ISSUER);
            OutboxMessage message = outbox(amendment(referralId, "New sighting"));
            processAndApply(position, message);

            Decision replayed = processAndApply(position, message);

            assertThat(replayed.event()).isEmpty();
            assertThat(replayed.status()).isEqualTo(ReceiptStatus.ACCEPTED);
            assertThat(cases.status(referralId).orElseThrow().version()).isEqualTo(2);
        }

        @Test
        void onlyTheIssuerMayAmend() {
            String referralId = submitted();
            ReferralAmendment amendment = amendment(referralId, "Hijack");
            amendment.getSubmission().put("issuingDesk", BYSTANDER);

            Decision decision = processAndApply(position(BYSTANDER), outbox(amendment));

            assertThat(decision.event()).isEmpty();
            assertThat(decision.reasons()).extracting(Violation::code).contains(ReasonCode.NOT_ISSUER);
            assertReceipt(decision, BYSTANDER, referralId, ReceiptStatus.REJECTED, OutboxMessageKind.AMENDMENT);
            assertThat(((SubmissionReceipt) ((InboxMessage) decision.receipt().value()).getMessage())
                            .getDeskReference())
                    .as("a bystander does not learn the issuer's reference")
                    .isEmpty();
        }

        @Test
        void anAmendmentKeepsReferenceAndType() {
            String referralId = submitted();
            ReferralAmendment amendment = ReferralAmendment.newBuilder(amendment(referralId, "Retype"))
                    .setSubmission(ReferralSubmission.newBuilder(ExampleEvents.drugTraffickingSubmission())
                            .setIssuingDesk(ISSUER)
                            .build())
                    .build();

            Decision decision = processAndApply(position(ISSUER), outbox(amendment));

            assertThat(decision.reasons())
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.IMMUTABLE_FIELD, "submission.deskReference"),
                            tuple(ReasonCode.IMMUTABLE_FIELD, "submission.type"));
        }

        @Test
        void anUnknownReferralCannotBeAmendedOrWithdrawn() {
            Decision amended = processAndApply(position(ISSUER), outbox(amendment("CD-2026-FR-BNRF-0-000001", "?")));
            Decision withdrawn = processAndApply(position(ISSUER), outbox(withdrawal("CD-2026-FR-BNRF-0-000001")));

            assertThat(amended.reasons()).extracting(Violation::code).contains(ReasonCode.UNKNOWN_REFERRAL);
            assertThat(withdrawn.reasons()).extracting(Violation::code).containsExactly(ReasonCode.UNKNOWN_REFERRAL);
            assertThat(withdrawn.event()).isEmpty();
        }

        @Test
        void theIssuerWithdrawsAndAWithdrawnReferralTakesNoMoreAmendments() {
            String referralId = submitted();

            Decision withdrawn = processAndApply(position(ISSUER), outbox(withdrawal(referralId)));
            Decision late = processAndApply(position(ISSUER), outbox(amendment(referralId, "Too late")));

            assertThat(lifecycleOf(withdrawn)).isInstanceOfSatisfying(ReferralWithdrawn.class, w -> {
                assertThat(w.getIssuingDesk()).isEqualTo(ISSUER);
                assertThat(w.getWithdrawnBy()).isEqualTo("fr-bnrf.officer.17");
            });
            assertThat(cases.status(referralId).orElseThrow().status()).isEqualTo(ReferralStatus.WITHDRAWN);
            assertThat(late.reasons()).extracting(Violation::code).containsExactly(ReasonCode.REFERRAL_WITHDRAWN);
        }
    }

    @Nested
    class RecipientMessages {

        @Test
        void aRecipientAcknowledgesOnceAndReportsAction() {
            String referralId = routed();

            Decision ack = processAndApply(position(RECIPIENT), outbox(acknowledgement(referralId)));
            Decision ackAgain = processAndApply(position(RECIPIENT), outbox(acknowledgement(referralId)));
            Decision action = processAndApply(position(RECIPIENT), outbox(actionReport(referralId)));

            Emission<?> ackEvent = ack.event().orElseThrow();
            assertThat(ackEvent.topic()).isEqualTo(Topics.REFERRALS_RESPONSES);
            assertThat(((ResponseEvent) ackEvent.value()).getEvent())
                    .isInstanceOfSatisfying(AlertAcknowledged.class, a -> {
                        assertThat(a.getAlertId()).isEqualTo(referralId + "/" + RECIPIENT);
                        assertThat(a.getRecipientDesk()).isEqualTo(RECIPIENT);
                        assertThat(a.getAcknowledgedBy()).isEqualTo("de-bka.duty.3");
                    });
            assertReceipt(ack, RECIPIENT, referralId, ReceiptStatus.ACCEPTED, OutboxMessageKind.ACKNOWLEDGEMENT);
            assertThat(ackAgain.event()).isEmpty();
            assertThat(ackAgain.status()).isEqualTo(ReceiptStatus.DUPLICATE);
            assertThat(((ResponseEvent) action.event().orElseThrow().value()).getEvent())
                    .isInstanceOfSatisfying(
                            AlertActioned.class, a -> assertThat(a.getOutcome()).isEqualTo(ActionOutcome.NO_TRACE));
            assertThat(cases.status(referralId).orElseThrow().recipients())
                    .extracting(r -> r.desk(), r -> r.state())
                    .containsExactly(
                            tuple(RECIPIENT, RecipientState.ACTIONED),
                            tuple(ExampleEvents.SECOND_RECIPIENT, RecipientState.ROUTED));
        }

        @Test
        void anAcknowledgementFromADeskThatReceivedNoAlertIsRejected() {
            String referralId = routed();

            Decision decision = processAndApply(position(BYSTANDER), outbox(acknowledgement(referralId)));

            assertThat(decision.event()).isEmpty();
            assertThat(decision.reasons()).extracting(Violation::code).containsExactly(ReasonCode.NOT_RECIPIENT);
            assertReceipt(decision, BYSTANDER, referralId, ReceiptStatus.REJECTED, OutboxMessageKind.ACKNOWLEDGEMENT);
        }

        @Test
        void beforeRoutingNobodyIsARecipient() {
            String referralId = submitted();

            Decision decision = processAndApply(position(RECIPIENT), outbox(actionReport(referralId)));

            assertThat(decision.reasons()).extracting(Violation::code).containsExactly(ReasonCode.NOT_RECIPIENT);
        }

        @Test
        void anActionReportOnAnUnknownReferralIsRejected() {
            Decision decision = processAndApply(position(RECIPIENT), outbox(actionReport("CD-2026-FR-BNRF-0-000999")));

            assertThat(decision.reasons()).extracting(Violation::code).containsExactly(ReasonCode.UNKNOWN_REFERRAL);
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private Decision processAndApply(OutboxPosition position, OutboxMessage message) {
        Decision decision = processor.process(position, message);
        decision.event().ifPresent(e -> cases.applyAny(e.value()));
        return decision;
    }

    private OutboxPosition position(String desk) {
        return new OutboxPosition(Topics.deskOutboxName(desk), 0, nextOffset++, NOW);
    }

    private String submitted() {
        OutboxPosition position = position(ISSUER);
        processAndApply(position, outbox(ExampleEvents.fugitiveSubmission()));
        return ReferralIds.of(position);
    }

    /** Submitted and routed to DE-BKA and ES-CNP, as routing would write it. */
    private String routed() {
        String referralId = submitted();
        ReferralRouted routed = ReferralRouted.newBuilder(ExampleEvents.referralRouted())
                .setReferralId(referralId)
                .build();
        cases.apply(ReferralEvent.newBuilder()
                .setMetadata(metadata("routing", referralId))
                .setEvent(routed)
                .build());
        return referralId;
    }

    private static OutboxMessage outbox(Object message) {
        return OutboxMessage.newBuilder()
                .setMetadata(metadata("fr-bnrf.officer.17", "ref"))
                .setMessage(message)
                .build();
    }

    private static EventMetadata metadata(String producer, String correlation) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(NOW)
                .setProducer(producer)
                .setCorrelationId(correlation)
                .setCausationId(null)
                .build();
    }

    private static ReferralAmendment amendment(String referralId, String reason) {
        return ReferralAmendment.newBuilder()
                .setReferralId(referralId)
                .setReason(reason)
                .setSubmission(ExampleEvents.amendedSubmission())
                .build();
    }

    private static ReferralWithdrawal withdrawal(String referralId) {
        return ReferralWithdrawal.newBuilder()
                .setReferralId(referralId)
                .setReason("Subject surrendered")
                .build();
    }

    private static AlertAcknowledgement acknowledgement(String referralId) {
        return AlertAcknowledgement.newBuilder(ExampleEvents.alertAcknowledgement())
                .setReferralId(referralId)
                .build();
    }

    private static ActionReport actionReport(String referralId) {
        return ActionReport.newBuilder()
                .setReferralId(referralId)
                .setOutcome(ActionOutcome.NO_TRACE)
                .setDetails("No trace at the addresses known in Germany")
                .build();
    }

    private static Object lifecycleOf(Decision decision) {
        return ((ReferralEvent) decision.event().orElseThrow().value()).getEvent();
    }

    private static void assertReceipt(
            Decision decision, String desk, String referralId, ReceiptStatus status, OutboxMessageKind kind) {
        assertThat(decision.receipt().topic()).isEqualTo(Topics.deskInboxName(desk));
        InboxMessage inbox = decision.receipt().value();
        assertThat(inbox.getMessage()).isInstanceOfSatisfying(SubmissionReceipt.class, receipt -> {
            assertThat(receipt.getStatus()).isEqualTo(status);
            assertThat(receipt.getReferralId()).isEqualTo(referralId);
            assertThat(receipt.getSubjectOfReceipt()).isEqualTo(kind);
            assertThat(receipt.getReasons().isEmpty()).isEqualTo(status != ReceiptStatus.REJECTED);
        });
    }
}
