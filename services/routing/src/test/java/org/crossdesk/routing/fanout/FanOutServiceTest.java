package org.crossdesk.routing.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.routing.testing.Kafka.lifecycle;
import static org.crossdesk.routing.testing.Kafka.newReferralId;
import static org.crossdesk.routing.testing.Kafka.submitted;
import static org.crossdesk.routing.testing.Submissions.drugs;
import static org.crossdesk.routing.testing.Submissions.fugitive;
import static org.crossdesk.testsupport.CrossdeskEvents.probe;
import static org.crossdesk.testsupport.CrossdeskEvents.values;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.crossdesk.events.Topics;
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
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.referral.WithholdReason;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.routing.testing.Kafka;
import org.crossdesk.routing.testing.Ready;
import org.crossdesk.routing.testing.RoutingServiceTest;
import org.crossdesk.testsupport.CrossdeskEvents;
import org.crossdesk.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The running service on the real broker and registry: these lifecycle and response records in, these
 * inbox and lifecycle records out, read as a desk reads them (read_committed). The demo directory is
 * the one of config/demo/directory.yaml.
 */
@RoutingServiceTest
class FanOutServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void serviceIsRouting() {
        Ready.awaitRouting(listeners);
    }

    @Test
    void aDrugReferralReachesTheSpanishDrugDesksAndTheIssuerSeesWhyEcuadorDidNot() {
        String referralId = newReferralId();
        ReferralSubmission submission = drugs("FR-OCRTIS")
                .reference("OCRTIS-" + referralId)
                .route("EC", List.of("ES"), "FR")
                .build();

        submitted(referralId, submission);

        ReferralRouted routed = routed(referralId);
        assertThat(routed.getRecipients()).extracting(r -> r.getDeskId()).containsExactly("ES-CNP", "ES-GC");
        assertThat(routed.getWithheld())
                .extracting(w -> w.getDeskId() + " " + w.getReason())
                .containsExactly("EC-PN NO_AGREEMENT", "null ISSUER_COUNTRY");
        for (String desk : List.of("ES-CNP", "ES-GC")) {
            assertThat(inbox(desk, referralId)).singleElement().isInstanceOfSatisfying(Alert.class, alert -> {
                assertThat(alert.getAlertId()).isEqualTo(referralId + "/" + desk);
                assertThat(alert.getIssuingDesk()).isEqualTo("FR-OCRTIS");
                assertThat(alert.getRoutingReasons()).containsExactly("ROUTE_TRANSIT", "AGREEMENT:EU-LEIE");
                assertThat(alert.getSubmission().getDeskReference()).isEqualTo("OCRTIS-" + referralId);
            });
        }
        assertThat(inbox("EC-PN", referralId)).isEmpty();
        SubmissionReceipt receipt =
                (SubmissionReceipt) awaitInbox("FR-OCRTIS", referralId, 1).get(0);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ROUTED);
        assertThat(receipt.getDeskReference()).isEqualTo("OCRTIS-" + referralId);
        assertThat(receipt.getWithheld()).anySatisfy(withheld -> {
            assertThat(withheld.getDeskId()).isEqualTo("EC-PN");
            assertThat(withheld.getReason()).isEqualTo(WithholdReason.NO_AGREEMENT);
        });
    }

    @Test
    void anAmendmentAndAWithdrawalReachExactlyTheDesksThatReceivedTheAlert() {
        String referralId = newReferralId();
        ReferralSubmission original =
                fugitive("FR-BNRF").subject("DE").seenIn("ES").build();
        submitted(referralId, original);
        assertThat(routed(referralId).getRecipients())
                .extracting(r -> r.getDeskId())
                .containsExactly("DE-BKA", "ES-CNP");

        // The new version points to the Netherlands: amendments still go to the earlier recipients only.
        ReferralSubmission amended =
                fugitive("FR-BNRF").subject("DE").seenIn("NL").build();
        lifecycle(
                referralId,
                ReferralAmended.newBuilder()
                        .setReferralId(referralId)
                        .setVersion(2)
                        .setSubmission(amended)
                        .setReason("Seen in Rotterdam")
                        .build());
        lifecycle(
                referralId,
                ReferralWithdrawn.newBuilder()
                        .setReferralId(referralId)
                        .setIssuingDesk("FR-BNRF")
                        .setReason("Subject arrested")
                        .setWithdrawnBy("fr-bnrf.officer.1")
                        .build());

        for (String desk : List.of("DE-BKA", "ES-CNP")) {
            List<Object> messages = awaitInbox(desk, referralId, 3);
            assertThat(messages).hasSize(3);
            assertThat(messages.get(0)).isInstanceOf(Alert.class);
            assertThat(messages.get(1))
                    .isInstanceOfSatisfying(
                            AlertAmended.class,
                            alert -> assertThat(alert.getVersion()).isEqualTo(2));
            assertThat(messages.get(2))
                    .isInstanceOfSatisfying(
                            AlertWithdrawn.class,
                            alert -> assertThat(alert.getReason()).isEqualTo("Subject arrested"));
        }
        assertThat(inbox("NL-NP", referralId)).isEmpty();
        List<Object> receipts = awaitInbox("FR-BNRF", referralId, 3);
        assertThat(receipts)
                .extracting(receipt -> ((SubmissionReceipt) receipt).getSubjectOfReceipt())
                .containsExactly(
                        OutboxMessageKind.SUBMISSION, OutboxMessageKind.AMENDMENT, OutboxMessageKind.WITHDRAWAL);
        assertThat(((SubmissionReceipt) receipts.get(2)).getRecipients())
                .extracting(r -> r.getDeskId())
                .containsExactly("DE-BKA", "ES-CNP");
    }

    @Test
    void acknowledgementsAndActionReportsAreForwardedToTheIssuer() {
        String referralId = newReferralId();
        submitted(referralId, fugitive("FR-BNRF").subject("DE").build());
        routed(referralId);

        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        Kafka.response(
                referralId,
                AlertAcknowledged.newBuilder()
                        .setAlertId(referralId + "/DE-BKA")
                        .setReferralId(referralId)
                        .setRecipientDesk("DE-BKA")
                        .setAcknowledgedBy("de-bka.duty.3")
                        .setAcknowledgedAt(at)
                        .setNote("On it")
                        .build());
        Kafka.response(
                referralId,
                AlertActioned.newBuilder()
                        .setAlertId(referralId + "/DE-BKA")
                        .setReferralId(referralId)
                        .setRecipientDesk("DE-BKA")
                        .setOutcome(ActionOutcome.FLAGGED)
                        .setDetails("Passport flagged")
                        .setActionedAt(at.plusSeconds(600))
                        .build());

        List<Object> issuerInbox = awaitInbox("FR-BNRF", referralId, 3);
        assertThat(issuerInbox.subList(1, 3))
                .extracting(message -> ((RecipientResponse) message).getKind())
                .containsExactly(ResponseKind.ACKNOWLEDGED, ResponseKind.ACTIONED);
        assertThat((RecipientResponse) issuerInbox.get(2)).satisfies(response -> {
            assertThat(response.getRespondingDesk()).isEqualTo("DE-BKA");
            assertThat(response.getOutcome()).isEqualTo(ActionOutcome.FLAGGED);
            assertThat(response.getRespondedAt()).isEqualTo(at.plusSeconds(600));
        });
    }

    @Test
    void unusableRecordsGoToTheDeadLetterTopicWithTheirCauseAndRoutingGoesOn() {
        String unknown = newReferralId();
        String garbage = newReferralId();
        lifecycle(
                unknown,
                ReferralWithdrawn.newBuilder()
                        .setReferralId(unknown)
                        .setIssuingDesk("FR-BNRF")
                        .setReason("?")
                        .setWithdrawnBy("x")
                        .build());
        CrossdeskEvents.sendRaw(Topics.REFERRALS_LIFECYCLE, garbage, "not avro".getBytes(StandardCharsets.UTF_8));
        String next = newReferralId();
        submitted(next, fugitive("FR-BNRF").subject("AT").build());

        List<ConsumerRecord<byte[], byte[]>> dead = TopicProbe.of(Topics.REFERRALS_LIFECYCLE_TOPIC.deadLetterName())
                .within(WAIT)
                .awaitRecords(records -> keys(records).containsAll(List.of(unknown, garbage)));
        ConsumerRecord<byte[], byte[]> withdrawal =
                dead.stream().filter(r -> key(r).equals(unknown)).findFirst().orElseThrow();
        assertThat(header(withdrawal, "kafka_dlt-exception-message")).contains("No routed referral " + unknown);
        ConsumerRecord<byte[], byte[]> unreadable =
                dead.stream().filter(r -> key(r).equals(garbage)).findFirst().orElseThrow();
        assertThat(new String(unreadable.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(routed(next).getRecipients()).extracting(r -> r.getDeskId()).containsExactly("AT-BK");
    }

    private static ReferralRouted routed(String referralId) {
        ConsumerRecord<String, Object> record = probe(Topics.REFERRALS_LIFECYCLE)
                .within(WAIT)
                .awaitRecord(r -> referralId.equals(r.key())
                        && r.value() instanceof ReferralEvent event
                        && event.getEvent() instanceof ReferralRouted);
        return (ReferralRouted) ((ReferralEvent) record.value()).getEvent();
    }

    private static List<Object> inbox(String desk, String referralId) {
        return values(Topics.deskInboxName(desk), referralId).stream()
                .map(value -> ((InboxMessage) value).getMessage())
                .toList();
    }

    private static List<Object> awaitInbox(String desk, String referralId, int count) {
        probe(Topics.deskInboxName(desk))
                .within(WAIT)
                .awaitRecords(records -> records.stream()
                                .filter(record -> referralId.equals(record.key()))
                                .count()
                        >= count);
        return inbox(desk, referralId);
    }

    private static List<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(FanOutServiceTest::key).toList();
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
