package org.crossdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.RecipientResponse;
import org.crossdesk.events.inbox.ResponseKind;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.outbox.ReferralWithdrawal;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.systemtests.harness.CrossdeskStack;
import org.crossdesk.systemtests.harness.HttpDesk;
import org.crossdesk.systemtests.harness.KafkaDesk;
import org.crossdesk.systemtests.harness.Partners;
import org.crossdesk.systemtests.harness.Referrals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A desk whose systems know only Kafka (kafka-clients and the Confluent-format serde) gets the same
 * results as a desk using the HTTP API: two French desks send the same fugitive referral, one through its
 * outbox topic, one over HTTP, and both learn the same recipients, who get both alerts.
 */
@ExtendWith(CrossdeskStack.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaNativeDeskIT {

    private static final String KAFKA_DESK = "FR-DCPJ";
    private static final String HTTP_DESK = "FR-BNRF";
    private static final Duration DELIVERY = Duration.ofSeconds(90);

    private CrossdeskStack stack;
    private Partners partners;
    private KafkaDesk kafkaDesk;

    @BeforeAll
    void connect(CrossdeskStack stack) {
        this.stack = stack;
        this.partners = new Partners(stack, List.of(HTTP_DESK, "DE-BKA", "ES-CNP"));
        this.kafkaDesk = stack.kafkaDesk(KAFKA_DESK);
    }

    @AfterAll
    void disconnect() {
        kafkaDesk.close();
        partners.close();
    }

    @Test
    void aKafkaDeskAndAnHttpDeskSendingTheSameReferralLearnTheSameRecipients() {
        String kafkaReference = "KAFKA-" + UUID.randomUUID().toString().substring(0, 12);
        ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                .setIssuingDesk(KAFKA_DESK)
                .setDeskReference(kafkaReference)
                .build();
        kafkaDesk.send(kafkaReference, new OutboxMessage(kafkaDesk.metadata(kafkaReference), submission));
        ObjectNode json = Referrals.fugitiveExample();
        HttpDesk.Answer httpAnswer = stack.httpDesk(HTTP_DESK).submit(json);
        assertThat(httpAnswer.status()).as("%s", httpAnswer.body()).isEqualTo(202);
        String httpReferral = httpAnswer.text("referralId");

        SubmissionReceipt kafkaRouted = awaitRoutedReceipt(kafkaReference);
        JsonNode httpRouted = await().atMost(DELIVERY)
                .until(() -> routedReceiptOverWebhook(httpReferral), Optional::isPresent)
                .orElseThrow();

        Set<String> kafkaRecipients = new TreeSet<>(kafkaRouted.getRecipients().stream()
                .map(RoutedRecipient::getDeskId)
                .toList());
        Set<String> httpRecipients = new TreeSet<>();
        httpRouted
                .path("recipients")
                .forEach(
                        recipient -> httpRecipients.add(recipient.path("deskId").asText()));
        assertThat(kafkaRecipients).isEqualTo(httpRecipients).containsExactly("DE-BKA", "ES-CNP");
        String kafkaReferral = kafkaRouted.getReferralId();
        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(partners.webhookDesks(kafkaReferral, "ALERT")).containsExactly("DE-BKA", "ES-CNP");
            assertThat(partners.webhookDesks(httpReferral, "ALERT")).containsExactly("DE-BKA", "ES-CNP");
        });
    }

    @Test
    void aKafkaDeskHearsItsRecipientsAndItsWithdrawalReachesThem() {
        String reference = "KAFKA-" + UUID.randomUUID().toString().substring(0, 12);
        ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                .setIssuingDesk(KAFKA_DESK)
                .setDeskReference(reference)
                .build();
        kafkaDesk.send(reference, new OutboxMessage(kafkaDesk.metadata(reference), submission));
        String referralId = awaitRoutedReceipt(reference).getReferralId();
        await().atMost(DELIVERY)
                .until(() -> partners.webhookDesks(referralId, "ALERT").contains("DE-BKA"));

        assertThat(stack.httpDesk("DE-BKA").acknowledge(referralId, "Checking").status())
                .isEqualTo(202);
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(responses(referralId)).anySatisfy(response -> {
                    assertThat(response.getRespondingDesk()).isEqualTo("DE-BKA");
                    assertThat(response.getKind()).isEqualTo(ResponseKind.ACKNOWLEDGED);
                }));

        kafkaDesk.send(
                referralId,
                new OutboxMessage(
                        kafkaDesk.metadata(referralId),
                        ReferralWithdrawal.newBuilder()
                                .setReferralId(referralId)
                                .setReason("Arrested in France")
                                .build()));
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(partners.webhookDesks(referralId, "ALERT_WITHDRAWN"))
                        .containsExactly("DE-BKA", "ES-CNP"));
    }

    private SubmissionReceipt awaitRoutedReceipt(String deskReference) {
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(routedReceipt(deskReference))
                        .as(
                                "ROUTED receipt for %s; the inbox holds %s; read errors %s",
                                deskReference,
                                kafkaDesk.inbox().stream()
                                        .map(message ->
                                                message.getMessage().getClass().getSimpleName() + " "
                                                        + message.getMessage())
                                        .toList(),
                                kafkaDesk.readErrors())
                        .isPresent());
        return routedReceipt(deskReference).orElseThrow();
    }

    private Optional<SubmissionReceipt> routedReceipt(String deskReference) {
        return kafkaDesk.inbox().stream()
                .map(InboxMessage::getMessage)
                .filter(SubmissionReceipt.class::isInstance)
                .map(SubmissionReceipt.class::cast)
                .filter(receipt -> deskReference.equals(receipt.getDeskReference()))
                .filter(receipt -> receipt.getStatus().name().equals("ROUTED"))
                .findFirst();
    }

    private Optional<JsonNode> routedReceiptOverWebhook(String referralId) {
        return partners.deliveriesOf(referralId).stream()
                .filter(delivery -> delivery.desk().equals(HTTP_DESK))
                .map(Partners.Delivery::message)
                .map(message -> message.path("submissionReceipt"))
                .filter(receipt -> "ROUTED".equals(receipt.path("status").asText()))
                .findFirst();
    }

    private List<RecipientResponse> responses(String referralId) {
        return kafkaDesk.inbox().stream()
                .map(InboxMessage::getMessage)
                .filter(RecipientResponse.class::isInstance)
                .map(RecipientResponse.class::cast)
                .filter(response -> referralId.equals(response.getReferralId()))
                .toList();
    }
}
