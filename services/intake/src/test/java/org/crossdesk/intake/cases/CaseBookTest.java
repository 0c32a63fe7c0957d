package org.crossdesk.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.UUID;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.outbox.ActionOutcome;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.ResponseEvent;
import org.junit.jupiter.api.Test;

/** Lifecycle, response and breach events in → status out. */
class CaseBookTest {

    private static final String ID = ExampleEvents.REFERRAL_ID;
    private final CaseBook cases = new CaseBook();

    @Test
    void aReferralIsUnknownUntilItsSubmissionIsApplied() {
        cases.apply(response(ExampleEvents.alertDelivered()));

        assertThat(cases.status(ID)).isEmpty();
        assertThat(cases.byReference(ExampleEvents.ISSUER, ExampleEvents.DESK_REFERENCE))
                .isEmpty();

        cases.apply(lifecycle(ExampleEvents.referralSubmitted()));

        assertThat(cases.status(ID))
                .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(ReferralStatus.SUBMITTED));
        assertThat(cases.byReference(ExampleEvents.ISSUER, ExampleEvents.DESK_REFERENCE))
                .hasValueSatisfying(r -> assertThat(r.referralId()).isEqualTo(ID));
    }

    @Test
    void eachRecipientsProgressFollowsDeliveriesResponsesAndBreaches() {
        cases.apply(lifecycle(ExampleEvents.referralSubmitted()));
        cases.apply(lifecycle(ExampleEvents.referralRouted())); // DE-BKA and ES-CNP
        cases.apply(response(ExampleEvents.alertDelivered())); // DE-BKA
        cases.apply(response(ExampleEvents.deliveryFailed())); // ES-CNP
        cases.apply(breach(ExampleEvents.SECOND_RECIPIENT, DeadlineKind.ACKNOWLEDGEMENT));

        CaseStatus status = cases.status(ID).orElseThrow();
        assertThat(status.status()).isEqualTo(ReferralStatus.ROUTED);
        assertThat(status.recipients())
                .extracting(CaseStatus.Recipient::desk, CaseStatus.Recipient::state)
                .containsExactly(
                        tuple(ExampleEvents.RECIPIENT, RecipientState.DELIVERED),
                        tuple(ExampleEvents.SECOND_RECIPIENT, RecipientState.BREACHED));
        assertThat(status.withheld())
                .extracting(CaseStatus.Withheld::desk, CaseStatus.Withheld::reason)
                .containsExactly(tuple("PT-PJ", "EXCLUDED_BY_ISSUER"));

        cases.apply(response(ExampleEvents.alertAcknowledged()));
        assertThat(stateOf(ExampleEvents.RECIPIENT)).isEqualTo(RecipientState.ACKNOWLEDGED);
        cases.apply(breach(ExampleEvents.RECIPIENT, DeadlineKind.RESPONSE));
        assertThat(stateOf(ExampleEvents.RECIPIENT)).isEqualTo(RecipientState.BREACHED);
        cases.apply(response(ExampleEvents.alertActioned()));
        assertThat(stateOf(ExampleEvents.RECIPIENT)).isEqualTo(RecipientState.ACTIONED);
        assertThat(cases.status(ID).orElseThrow().recipients().get(0).breaches())
                .containsExactly("RESPONSE");
    }

    @Test
    void aLateAcknowledgementReplacesTheAcknowledgementBreach() {
        cases.apply(lifecycle(ExampleEvents.referralSubmitted()));
        cases.apply(lifecycle(ExampleEvents.referralRouted()));
        cases.apply(breach(ExampleEvents.RECIPIENT, DeadlineKind.ACKNOWLEDGEMENT));
        cases.apply(response(ExampleEvents.alertAcknowledged()));

        assertThat(stateOf(ExampleEvents.RECIPIENT)).isEqualTo(RecipientState.ACKNOWLEDGED);
    }

    @Test
    void responsesReadBeforeTheirRoutingStillCountOnceRoutingArrives() {
        // The topics are replayed side by side: a response may be applied before the lifecycle it answers.
        cases.apply(response(ExampleEvents.alertAcknowledged()));
        cases.apply(lifecycle(ExampleEvents.referralSubmitted()));
        assertThat(cases.status(ID).orElseThrow().recipients())
                .as("not routed yet")
                .isEmpty();

        cases.apply(lifecycle(ExampleEvents.referralRouted()));

        assertThat(stateOf(ExampleEvents.RECIPIENT)).isEqualTo(RecipientState.ACKNOWLEDGED);
    }

    @Test
    void anEventAppliedTwiceCountsOnce() {
        ReferralEvent submitted = lifecycle(ExampleEvents.referralSubmitted());
        ReferralEvent amended = lifecycle(ExampleEvents.referralAmended());
        cases.apply(submitted);
        cases.apply(amended);
        cases.apply(amended);
        cases.apply(submitted);

        assertThat(cases.status(ID).orElseThrow().version()).isEqualTo(2);
        assertThat(cases.hasEvent(ID, amended.getMetadata().getEventId())).isTrue();
        assertThat(cases.size()).isEqualTo(1);
    }

    @Test
    void everyVersionOfAReferralCountsAsTheSameContentForResubmissions() {
        cases.apply(lifecycle(ExampleEvents.referralSubmitted()));
        cases.apply(lifecycle(ExampleEvents.referralAmended()));

        assertThat(cases.byReference(ExampleEvents.ISSUER, ExampleEvents.DESK_REFERENCE)
                        .orElseThrow()
                        .fingerprints())
                .containsExactlyInAnyOrder(
                        SubmissionFingerprint.of(ExampleEvents.fugitiveSubmission()),
                        SubmissionFingerprint.of(ExampleEvents.amendedSubmission()));
    }

    @Test
    void theFirstAcceptedSubmissionOwnsItsReference() {
        cases.apply(lifecycle(ExampleEvents.referralSubmitted()));
        ReferralSubmitted racing = ReferralSubmitted.newBuilder(ExampleEvents.referralSubmitted())
                .setReferralId("CD-2026-FR-BNRF-2-000777")
                .build();
        cases.apply(lifecycle(racing));

        assertThat(cases.byReference(ExampleEvents.ISSUER, ExampleEvents.DESK_REFERENCE)
                        .orElseThrow()
                        .referralId())
                .isEqualTo(ID);
    }

    @Test
    void withdrawalAndClosureEndTheReferral() {
        cases.apply(lifecycle(ExampleEvents.referralSubmitted()));
        cases.apply(lifecycle(ExampleEvents.referralWithdrawn()));
        cases.apply(lifecycle(ExampleEvents.referralClosed()));

        CaseStatus status = cases.status(ID).orElseThrow();
        assertThat(status.status()).as("the first end stands").isEqualTo(ReferralStatus.WITHDRAWN);
        assertThat(status.endedAt()).isNotNull();
    }

    @Test
    void fingerprintsDependOnContentOnly() {
        ReferralSubmission a = ExampleEvents.fugitiveSubmission();
        ReferralSubmission b = ExampleEvents.fugitiveSubmission();
        ReferralSubmission c = ReferralSubmission.newBuilder(a)
                .setSummary(a.getSummary() + ".")
                .build();

        assertThat(SubmissionFingerprint.of(a))
                .isEqualTo(SubmissionFingerprint.of(b))
                .isNotEqualTo(SubmissionFingerprint.of(c));
    }

    @Test
    void theLatestActionReportIsShown() {
        cases.apply(lifecycle(ExampleEvents.referralSubmitted()));
        cases.apply(lifecycle(ExampleEvents.referralRouted()));
        AlertActioned first = ExampleEvents.alertActioned();
        AlertActioned later = AlertActioned.newBuilder(first)
                .setOutcome(ActionOutcome.ACTION_TAKEN)
                .setActionedAt(first.getActionedAt().plusSeconds(3600))
                .build();
        cases.apply(response(later));
        cases.apply(response(first));

        assertThat(cases.status(ID).orElseThrow().recipients().get(0).outcome()).isEqualTo("ACTION_TAKEN");
    }

    private RecipientState stateOf(String desk) {
        return cases.status(ID).orElseThrow().recipients().stream()
                .filter(r -> r.desk().equals(desk))
                .findFirst()
                .orElseThrow()
                .state();
    }

    private static ReferralEvent lifecycle(Object event) {
        return ReferralEvent.newBuilder()
                .setMetadata(metadata())
                .setEvent(event)
                .build();
    }

    private static ResponseEvent response(Object event) {
        return ResponseEvent.newBuilder()
                .setMetadata(metadata())
                .setEvent(event)
                .build();
    }

    private static DeadlineBreached breach(String desk, DeadlineKind kind) {
        return DeadlineBreached.newBuilder(ExampleEvents.deadlineBreached())
                .setMetadata(metadata())
                .setRecipientDesk(desk)
                .setAlertId(ID + "/" + desk)
                .setKind(kind)
                .build();
    }

    private static EventMetadata metadata() {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.parse("2026-03-02T09:00:00Z"))
                .setProducer("test")
                .setCorrelationId(ID)
                .setCausationId(null)
                .build();
    }
}
