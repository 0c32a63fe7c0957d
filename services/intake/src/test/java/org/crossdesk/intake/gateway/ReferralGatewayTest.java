package org.crossdesk.intake.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.outbox.ReferralAmendment;
import org.crossdesk.events.outbox.ReferralWithdrawal;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.intake.cases.CaseBook;
import org.crossdesk.intake.cases.ReferralStatus;
import org.crossdesk.intake.referralid.OutboxPosition;
import org.crossdesk.intake.referralid.ReferralIds;
import org.crossdesk.intake.validation.KnownDesks;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.intake.validation.SubmissionValidator;
import org.crossdesk.intake.validation.Violation;
import org.crossdesk.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

/** The gateway's decisions with a recording outbox: what is written where, and what is answered. */
class ReferralGatewayTest {

    private static final Instant NOW = Instant.parse("2026-03-09T10:00:00Z");
    private static final String ISSUER = ExampleEvents.ISSUER;
    private static final String RECIPIENT = ExampleEvents.RECIPIENT;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CaseBook cases = new CaseBook();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final AtomicInteger catchUps = new AtomicInteger();
    private final ReferralGateway gateway = new ReferralGateway(
            new SubmissionValidator(clock, KnownDesks.UNKNOWN),
            cases,
            outbox,
            clock,
            Duration.ofMinutes(2),
            catchUps::incrementAndGet);

    @Test
    void aSubmissionIsWrittenToTheDesksOutboxKeyedByItsReferenceAndAnsweredWithTheIdOfItsPosition() {
        Answer answer = gateway.submit(ISSUER, "officer", ExampleEvents.fugitiveSubmission(), List.of());

        Write write = outbox.writes.get(0);
        assertThat(write.desk()).isEqualTo(ISSUER);
        assertThat(write.key()).isEqualTo(ExampleEvents.DESK_REFERENCE);
        assertThat(write.partition()).isNull();
        assertThat(write.message().getMetadata().getProducer()).isEqualTo("officer");
        assertThat(answer).isEqualTo(new Answer(ReferralIds.of(write.position()), ReferralStatus.ACCEPTED, true));
    }

    @Test
    void aRepeatIsAnsweredWithTheSameIdWithoutWritingBeforeAndAfterTheConsumerProcessedIt() {
        Answer first = gateway.submit(ISSUER, "officer", ExampleEvents.fugitiveSubmission(), List.of());
        Answer beforeProcessing = gateway.submit(ISSUER, "officer", ExampleEvents.fugitiveSubmission(), List.of());
        processed(first.referralId(), ExampleEvents.fugitiveSubmission());
        Answer afterProcessing = gateway.submit(ISSUER, "officer", ExampleEvents.fugitiveSubmission(), List.of());

        assertThat(outbox.writes).hasSize(1);
        assertThat(beforeProcessing).isEqualTo(new Answer(first.referralId(), ReferralStatus.ACCEPTED, false));
        assertThat(afterProcessing).isEqualTo(new Answer(first.referralId(), ReferralStatus.SUBMITTED, false));
    }

    @Test
    void differentContentUnderAUsedReferenceIsA409AndWritesNothing() {
        gateway.submit(ISSUER, "officer", ExampleEvents.fugitiveSubmission(), List.of());
        ReferralSubmission different = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                .setSummary("Something else")
                .build();

        assertRefused(
                () -> gateway.submit(ISSUER, "officer", different, List.of()), 409, ReasonCode.DESK_REFERENCE_CONFLICT);
        assertThat(outbox.writes).hasSize(1);
    }

    @Test
    void shapeProblemsAndContentRulesAreAnsweredTogetherEachFieldOnce() {
        ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                .setPurpose("")
                .setRequestedDesks(List.of("nowhere"))
                .build();
        List<Violation> shape = List.of(new Violation(ReasonCode.REQUIRED, "purpose", "purpose is required"));

        ProblemException refused = refusal(() -> gateway.submit(ISSUER, "officer", submission, shape));

        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.violations())
                .extracting(v -> v.code() + "@" + v.field())
                .containsExactly("REQUIRED@purpose", "INVALID_DESK_ID@requestedDesks[0]");
        assertThat(outbox.writes).isEmpty();
    }

    @Test
    void aBusinessRuleAloneIs422() {
        ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                .setReviewOn(NOW.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1))
                .build();

        assertRefused(
                () -> gateway.submit(ISSUER, "officer", submission, List.of()), 422, ReasonCode.REVIEW_DATE_PASSED);
    }

    @Test
    void amendmentsAndWithdrawalsGoToTheSubmissionsPartitionEvenBeforeItWasProcessed() {
        Answer submitted = gateway.submit(ISSUER, "officer", ExampleEvents.fugitiveSubmission(), List.of());
        int partition = outbox.writes.get(0).position().partition();

        gateway.amend(
                ISSUER,
                "officer",
                submitted.referralId(),
                new ReferralAmendment(submitted.referralId(), "New sighting", ExampleEvents.amendedSubmission()),
                List.of());
        gateway.withdraw(
                ISSUER,
                "officer",
                submitted.referralId(),
                new ReferralWithdrawal(submitted.referralId(), "Surrendered"),
                List.of());

        assertThat(outbox.writes).extracting(Write::partition).containsExactly(null, partition, partition);
        assertThat(outbox.writes)
                .extracting(Write::key)
                .containsExactly(ExampleEvents.DESK_REFERENCE, submitted.referralId(), submitted.referralId());
    }

    @Test
    void onlyTheIssuerAmendsAndAnUnknownReferralIsRefusedOnlyAfterTheViewCaughtUp() {
        String referralId = processed("CD-2026-FR-BNRF-1-000042", ExampleEvents.fugitiveSubmission());
        ReferralAmendment amendment = new ReferralAmendment(referralId, "Hijack", ExampleEvents.amendedSubmission());

        assertRefused(
                () -> gateway.amend(RECIPIENT, "x", referralId, amendment, List.of()), 403, ReasonCode.NOT_ISSUER);
        int before = catchUps.get();
        assertRefused(
                () -> gateway.withdraw(
                        ISSUER,
                        "x",
                        "CD-2026-FR-BNRF-1-000999",
                        new ReferralWithdrawal("CD-2026-FR-BNRF-1-000999", "?"),
                        List.of()),
                404,
                ReasonCode.UNKNOWN_REFERRAL);
        assertThat(catchUps.get()).isEqualTo(before + 1);
        assertThat(outbox.writes).isEmpty();
    }

    @Test
    void anAcknowledgementNeedsARoutedRecipientAndARepeatWritesNothing() {
        String referralId = processed("CD-2026-FR-BNRF-1-000042", ExampleEvents.fugitiveSubmission());
        AlertAcknowledgement ack = new AlertAcknowledgement(referralId, "de.duty.3", null);

        assertRefused(
                () -> gateway.acknowledge(RECIPIENT, "x", referralId, ack, List.of()), 403, ReasonCode.NOT_RECIPIENT);
        routed(referralId);
        Answer first = gateway.acknowledge(RECIPIENT, "x", referralId, ack, List.of());
        acknowledged(referralId);
        Answer repeat = gateway.acknowledge(RECIPIENT, "x", referralId, ack, List.of());

        assertThat(first.written()).isTrue();
        assertThat(repeat.written()).isFalse();
        assertThat(outbox.writes).singleElement().satisfies(w -> {
            assertThat(w.desk()).isEqualTo(RECIPIENT);
            assertThat(w.key()).isEqualTo(referralId);
        });
    }

    @Test
    void theStatusOfAWriteNotYetProcessedIsAccepted() {
        Answer submitted = gateway.submit(ISSUER, "officer", ExampleEvents.fugitiveSubmission(), List.of());

        assertThat(gateway.status(submitted.referralId(), s -> true)).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(ReferralStatus.ACCEPTED);
            assertThat(s.issuingDesk()).isEqualTo(ISSUER);
        });
    }

    // ------------------------------------------------------------------------------------------- helpers

    private String processed(String referralId, ReferralSubmission submission) {
        cases.apply(ReferralEvent.newBuilder()
                .setMetadata(metadata(referralId))
                .setEvent(new ReferralSubmitted(referralId, submission, null))
                .build());
        return referralId;
    }

    private void routed(String referralId) {
        cases.apply(ReferralEvent.newBuilder()
                .setMetadata(metadata(referralId))
                .setEvent(ReferralRouted.newBuilder(ExampleEvents.referralRouted())
                        .setReferralId(referralId)
                        .build())
                .build());
    }

    private void acknowledged(String referralId) {
        cases.apply(ResponseEvent.newBuilder()
                .setMetadata(metadata(referralId))
                .setEvent(AlertAcknowledged.newBuilder(ExampleEvents.alertAcknowledged())
                        .setReferralId(referralId)
                        .setAlertId(referralId + "/" + RECIPIENT)
                        .build())
                .build());
    }

    private static EventMetadata metadata(String correlation) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(NOW)
                .setProducer("test")
                .setCorrelationId(correlation)
                .setCausationId(null)
                .build();
    }

    private static void assertRefused(Runnable call, int status, ReasonCode code) {
        ProblemException refused = refusal(call);
        assertThat(refused.status().value()).isEqualTo(status);
        assertThat(refused.violations()).extracting(v -> v.code()).contains(code.name());
    }

    private static ProblemException refusal(Runnable call) {
        try {
            call.run();
        } catch (ProblemException refused) {
            return refused;
        }
        assertThatThrownBy(call::run).isInstanceOf(ProblemException.class);
        return null;
    }

    private record Write(String desk, String key, Integer partition, OutboxMessage message, OutboxPosition position) {}

    /** Acknowledges every write at the next offset of partition 1 (or the one asked for). */
    private static final class RecordingOutbox implements OutboxWriter {
        final List<Write> writes = new ArrayList<>();

        @Override
        public OutboxPosition write(String desk, String key, Integer partition, OutboxMessage message) {
            OutboxPosition position = new OutboxPosition(
                    Topics.deskOutboxName(desk), partition == null ? 1 : partition, 100 + writes.size(), NOW);
            writes.add(new Write(desk, key, partition, message, position));
            return position;
        }
    }
}
