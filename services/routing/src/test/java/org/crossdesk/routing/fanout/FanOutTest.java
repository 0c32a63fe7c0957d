package org.crossdesk.routing.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossdesk.routing.testing.Submissions.drugs;
import static org.crossdesk.routing.testing.Submissions.fugitive;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.AlertAmended;
import org.crossdesk.events.inbox.AlertWithdrawn;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.ReceiptStatus;
import org.crossdesk.events.inbox.RecipientResponse;
import org.crossdesk.events.inbox.ResponseKind;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.ActionOutcome;
import org.crossdesk.events.outbox.OutboxMessageKind;
import org.crossdesk.events.referral.ReferralAmended;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.referral.WithholdReason;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.routing.policy.RoutingPolicy;
import org.crossdesk.routing.policy.RoutingRules;
import org.crossdesk.routing.testing.TestDirectory;
import org.junit.jupiter.api.Test;

/** Lifecycle and response events in, inbox and lifecycle records out, without Kafka. */
class FanOutTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RecipientLedger ledger = new RecipientLedger();
    private final FanOut fanOut =
            new FanOut(new RoutingPolicy(RoutingRules.defaults(), CLOCK), TestDirectory::directory, CLOCK);

    @Test
    void aSubmissionBecomesOneAlertPerRecipientTheDecisionAndTheIssuersReceipt() {
        ReferralSubmission submission = fugitive("FR-BNRF")
                .handling(HandlingCode.H2)
                .requested("DE-BKA")
                .subject("DE")
                .seenIn("ES", "TH")
                .excluded("TH-RTP")
                .build();

        List<Outgoing> out = lifecycle(submitted("CD-1", submission));

        assertThat(out)
                .extracting(Outgoing::topic)
                .containsExactly(
                        "desk.DE-BKA.inbox.v1",
                        "desk.ES-CNP.inbox.v1",
                        Topics.REFERRALS_LIFECYCLE,
                        "desk.FR-BNRF.inbox.v1");
        assertThat(out).extracting(Outgoing::key).containsOnly("CD-1");

        Alert toGermany = (Alert) ((InboxMessage) out.get(0).value()).getMessage();
        assertThat(toGermany.getAlertId()).isEqualTo("CD-1/DE-BKA");
        assertThat(toGermany.getIssuingDesk()).isEqualTo("FR-BNRF");
        assertThat(toGermany.getRecipientDesk()).isEqualTo("DE-BKA");
        assertThat(toGermany.getRoutingReasons()).containsExactly("REQUESTED", "NATIONALITY", "AGREEMENT:EU");
        assertThat(toGermany.getSubmission()).isEqualTo(submission);
        assertThat(toGermany.getOnwardForwardingAllowed()).isFalse();
        assertThat(toGermany.getEvidentialUseAllowed()).isTrue();
        assertThat(toGermany.getAckDueAt()).isEqualTo(Instant.parse("2026-03-02T12:15:00Z"));
        assertThat(toGermany.getResponseDueAt()).isEqualTo(Instant.parse("2026-03-02T20:15:00Z"));

        ReferralRouted routed = (ReferralRouted) ((ReferralEvent) out.get(2).value()).getEvent();
        assertThat(routed.getRecipients()).extracting(r -> r.getDeskId()).containsExactly("DE-BKA", "ES-CNP");
        assertThat(routed.getWithheld()).singleElement().satisfies(withheld -> {
            assertThat(withheld.getDeskId()).isEqualTo("TH-RTP");
            assertThat(withheld.getReason()).isEqualTo(WithholdReason.EXCLUDED_BY_ISSUER);
        });

        SubmissionReceipt receipt =
                (SubmissionReceipt) ((InboxMessage) out.get(3).value()).getMessage();
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ROUTED);
        assertThat(receipt.getSubjectOfReceipt()).isEqualTo(OutboxMessageKind.SUBMISSION);
        assertThat(receipt.getDeskReference()).isEqualTo(submission.getDeskReference());
        assertThat(receipt.getRecipients()).isEqualTo(routed.getRecipients());
        assertThat(receipt.getWithheld()).isEqualTo(routed.getWithheld());
        assertThat(receipt.getReasons())
                .singleElement()
                .satisfies(notice -> assertThat(notice.getCode()).isEqualTo("RECIPIENT_WITHHELD"));
    }

    @Test
    void outputMetadataNamesItsCauseAndIsTheSameWhenTheInputIsProcessedAgain() {
        ReferralEvent event =
                submitted("CD-1", fugitive("FR-BNRF").subject("DE").build());

        List<Outgoing> first = fanOut.onLifecycle(event, ledger.begin());
        List<Outgoing> again = fanOut.onLifecycle(event, ledger.begin());

        EventMetadata metadata = ((InboxMessage) first.get(0).value()).getMetadata();
        assertThat(metadata.getCausationId()).isEqualTo(event.getMetadata().getEventId());
        assertThat(metadata.getCorrelationId()).isEqualTo("CD-1");
        assertThat(metadata.getProducer()).isEqualTo("routing");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void noRecipientStillRoutesAndTellsTheIssuerWhy() {
        List<Outgoing> out = lifecycle(submitted(
                "CD-2", drugs("FR-OCRTIS").route("US", List.of(), "FR").build()));

        assertThat(out)
                .extracting(Outgoing::topic)
                .containsExactly(Topics.REFERRALS_LIFECYCLE, "desk.FR-OCRTIS.inbox.v1");
        SubmissionReceipt receipt =
                (SubmissionReceipt) ((InboxMessage) out.get(1).value()).getMessage();
        assertThat(receipt.getRecipients()).isEmpty();
        assertThat(receipt.getWithheld())
                .extracting(w -> w.getReason())
                .containsExactly(WithholdReason.ISSUER_COUNTRY, WithholdReason.NO_AGREEMENT);
        assertThat(receipt.getReasons())
                .extracting(r -> r.getCode())
                .containsExactly("RECIPIENT_WITHHELD", "RECIPIENT_WITHHELD", "NO_RECIPIENT");
    }

    @Test
    void aSubmissionAlreadyRoutedIsNotRoutedAgain() {
        ReferralEvent event =
                submitted("CD-3", fugitive("FR-BNRF").subject("DE").build());
        lifecycle(event);

        assertThat(lifecycle(event)).isEmpty();
    }

    @Test
    void anAmendmentReachesExactlyTheEarlierRecipientsEvenIfTheNewContentPointsElsewhere() {
        ReferralSubmission original =
                fugitive("FR-BNRF").subject("DE").seenIn("ES").build();
        lifecycle(submitted("CD-4", original));
        ReferralSubmission amended =
                fugitive("FR-BNRF").subject("DE").seenIn("NL").build();

        List<Outgoing> out = lifecycle(event(ReferralAmended.newBuilder()
                .setReferralId("CD-4")
                .setVersion(2)
                .setSubmission(amended)
                .setReason("New sighting in Rotterdam")
                .build()));

        assertThat(out)
                .extracting(Outgoing::topic)
                .containsExactly("desk.DE-BKA.inbox.v1", "desk.ES-CNP.inbox.v1", "desk.FR-BNRF.inbox.v1");
        AlertAmended toGermany = (AlertAmended) ((InboxMessage) out.get(0).value()).getMessage();
        assertThat(toGermany.getAlertId()).isEqualTo("CD-4/DE-BKA");
        assertThat(toGermany.getVersion()).isEqualTo(2);
        assertThat(toGermany.getSubmission()).isEqualTo(amended);
        SubmissionReceipt receipt =
                (SubmissionReceipt) ((InboxMessage) out.get(2).value()).getMessage();
        assertThat(receipt.getSubjectOfReceipt()).isEqualTo(OutboxMessageKind.AMENDMENT);
        assertThat(receipt.getRecipients()).extracting(r -> r.getDeskId()).containsExactly("DE-BKA", "ES-CNP");

        // The same version again is a duplicate.
        assertThat(lifecycle(event(ReferralAmended.newBuilder()
                        .setReferralId("CD-4")
                        .setVersion(2)
                        .setSubmission(amended)
                        .setReason("again")
                        .build())))
                .isEmpty();
    }

    @Test
    void aWithdrawalReachesExactlyTheEarlierRecipientsOnce() {
        lifecycle(submitted("CD-5", fugitive("FR-BNRF").subject("DE", "AT").build()));
        ReferralEvent withdrawal = event(ReferralWithdrawn.newBuilder()
                .setReferralId("CD-5")
                .setIssuingDesk("FR-BNRF")
                .setReason("Subject arrested in Lyon")
                .setWithdrawnBy("fr-bnrf.officer.2")
                .build());

        List<Outgoing> out = lifecycle(withdrawal);

        assertThat(out)
                .extracting(Outgoing::topic)
                .containsExactly("desk.AT-BK.inbox.v1", "desk.DE-BKA.inbox.v1", "desk.FR-BNRF.inbox.v1");
        assertThat(((InboxMessage) out.get(1).value()).getMessage())
                .isInstanceOfSatisfying(
                        AlertWithdrawn.class,
                        withdrawn -> assertThat(withdrawn.getReason()).isEqualTo("Subject arrested in Lyon"));
        assertThat(lifecycle(withdrawal)).isEmpty();
    }

    @Test
    void aWithdrawalInTheSameBatchAsItsSubmissionSeesTheBatchsRecipients() {
        RecipientLedger.Batch batch = ledger.begin();
        fanOut.onLifecycle(submitted("CD-6", fugitive("FR-BNRF").subject("DE").build()), batch);

        List<Outgoing> out = fanOut.onLifecycle(
                event(ReferralWithdrawn.newBuilder()
                        .setReferralId("CD-6")
                        .setIssuingDesk("FR-BNRF")
                        .setReason("Mistake")
                        .setWithdrawnBy("x")
                        .build()),
                batch);

        assertThat(out).extracting(Outgoing::topic).containsExactly("desk.DE-BKA.inbox.v1", "desk.FR-BNRF.inbox.v1");
        assertThat(ledger.get("CD-6")).as("not committed yet").isEmpty();
        batch.commit();
        assertThat(ledger.get("CD-6"))
                .hasValueSatisfying(referral -> assertThat(referral.withdrawn()).isTrue());
    }

    @Test
    void eventsAboutUnknownReferralsOrFromOtherDesksAreUnroutable() {
        lifecycle(submitted("CD-7", fugitive("FR-BNRF").subject("DE").build()));

        assertThatThrownBy(() -> lifecycle(event(ReferralWithdrawn.newBuilder()
                        .setReferralId("CD-404")
                        .setIssuingDesk("FR-BNRF")
                        .setReason("r")
                        .setWithdrawnBy("x")
                        .build())))
                .isInstanceOf(UnroutableEventException.class)
                .hasMessageContaining("CD-404");
        assertThatThrownBy(() -> lifecycle(event(ReferralWithdrawn.newBuilder()
                        .setReferralId("CD-7")
                        .setIssuingDesk("DE-BKA")
                        .setReason("r")
                        .setWithdrawnBy("x")
                        .build())))
                .isInstanceOf(UnroutableEventException.class)
                .hasMessageContaining("issued by FR-BNRF");
        assertThatThrownBy(() -> response(AlertAcknowledged.newBuilder()
                        .setAlertId("CD-7/ES-CNP")
                        .setReferralId("CD-7")
                        .setRecipientDesk("ES-CNP")
                        .setAcknowledgedBy("x")
                        .setAcknowledgedAt(NOW)
                        .build()))
                .isInstanceOf(UnroutableEventException.class)
                .hasMessageContaining("ES-CNP did not receive");
    }

    @Test
    void acknowledgementsAndActionReportsGoToTheIssuer() {
        lifecycle(submitted("CD-8", fugitive("FR-BNRF").subject("DE").build()));

        List<Outgoing> ack = response(AlertAcknowledged.newBuilder()
                .setAlertId("CD-8/DE-BKA")
                .setReferralId("CD-8")
                .setRecipientDesk("DE-BKA")
                .setAcknowledgedBy("de-bka.duty.3")
                .setAcknowledgedAt(NOW.plusSeconds(60))
                .setNote("Checking")
                .build());
        List<Outgoing> action = response(AlertActioned.newBuilder()
                .setAlertId("CD-8/DE-BKA")
                .setReferralId("CD-8")
                .setRecipientDesk("DE-BKA")
                .setOutcome(ActionOutcome.NO_TRACE)
                .setDetails("No trace in Germany")
                .setActionedAt(NOW.plusSeconds(3600))
                .build());

        assertThat(ack).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("desk.FR-BNRF.inbox.v1");
            RecipientResponse response = (RecipientResponse) ((InboxMessage) record.value()).getMessage();
            assertThat(response.getKind()).isEqualTo(ResponseKind.ACKNOWLEDGED);
            assertThat(response.getRespondingDesk()).isEqualTo("DE-BKA");
            assertThat(response.getDetails()).isEqualTo("Checking");
            assertThat(response.getRespondedAt()).isEqualTo(NOW.plusSeconds(60));
        });
        assertThat(action).singleElement().satisfies(record -> {
            RecipientResponse response = (RecipientResponse) ((InboxMessage) record.value()).getMessage();
            assertThat(response.getKind()).isEqualTo(ResponseKind.ACTIONED);
            assertThat(response.getOutcome()).isEqualTo(ActionOutcome.NO_TRACE);
        });
    }

    @Test
    void theLedgerIsRebuiltFromTheLifecycleTopic() {
        ReferralSubmission submission = fugitive("FR-BNRF").subject("DE").build();
        List<Outgoing> out = fanOut.onLifecycle(submitted("CD-9", submission), ledger.begin()); // never committed
        ReferralEvent routed = (ReferralEvent) out.stream()
                .filter(record -> record.topic().equals(Topics.REFERRALS_LIFECYCLE))
                .findFirst()
                .orElseThrow()
                .value();

        RecipientLedger rebuilt = new RecipientLedger();
        rebuilt.replay(submitted("CD-9", submission));
        rebuilt.replay(routed);

        assertThat(rebuilt.get("CD-9")).hasValueSatisfying(referral -> {
            assertThat(referral.deskReference()).isEqualTo(submission.getDeskReference());
            assertThat(referral.recipients()).extracting(r -> r.getDeskId()).containsExactly("DE-BKA");
        });
        assertThat(ledger.get("CD-9")).isEmpty();
    }

    private List<Outgoing> lifecycle(ReferralEvent event) {
        RecipientLedger.Batch batch = ledger.begin();
        List<Outgoing> out = fanOut.onLifecycle(event, batch);
        batch.commit();
        return out;
    }

    private List<Outgoing> response(Object payload) {
        RecipientLedger.Batch batch = ledger.begin();
        List<Outgoing> out = fanOut.onResponse(
                ResponseEvent.newBuilder()
                        .setMetadata(metadata())
                        .setEvent(payload)
                        .build(),
                batch);
        batch.commit();
        return out;
    }

    private static ReferralEvent submitted(String referralId, ReferralSubmission submission) {
        return event(ReferralSubmitted.newBuilder()
                .setReferralId(referralId)
                .setSubmission(submission)
                .setReceivedFromTopic(Topics.deskOutboxName(submission.getIssuingDesk()))
                .build());
    }

    private static ReferralEvent event(Object payload) {
        return ReferralEvent.newBuilder()
                .setMetadata(metadata())
                .setEvent(payload)
                .build();
    }

    private static EventMetadata metadata() {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(NOW)
                .setProducer("intake")
                .setCorrelationId("test")
                .setCausationId(null)
                .build();
    }
}
