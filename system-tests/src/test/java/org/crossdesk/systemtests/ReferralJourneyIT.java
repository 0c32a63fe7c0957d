package org.crossdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.crossdesk.launcher.services.Service;
import org.crossdesk.systemtests.harness.CrossdeskStack;
import org.crossdesk.systemtests.harness.HttpDesk;
import org.crossdesk.systemtests.harness.Partners;
import org.crossdesk.systemtests.harness.Referrals;
import org.crossdesk.testsupport.TestTracing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A referral's life across the running services, seen only from outside: a French desk's HTTP calls, and
 * what partner systems receive on their webhooks and live streams.
 *
 * <p>The demo directory (config/demo/directory.yaml) decides the expected recipients: a fugitive who is a
 * German national last seen in Spain goes to the desks handling fugitives in those countries, DE-BKA and
 * ES-CNP (the European Arrest Warrant framework covers France with both). DE-ZKA and ES-GC (drugs only) and
 * the other French desks are listening too and must get nothing.
 */
@ExtendWith(CrossdeskStack.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralJourneyIT {

    private static final String ISSUER = "FR-BNRF";
    private static final Set<String> EXPECTED_RECIPIENTS = Set.of("DE-BKA", "ES-CNP");
    private static final List<String> LISTENING = List.of(ISSUER, "DE-BKA", "ES-CNP", "DE-ZKA", "ES-GC", "FR-DCPJ");
    private static final Duration DELIVERY = Duration.ofSeconds(90);

    private CrossdeskStack stack;
    private Partners partners;
    private HttpDesk issuer;

    @BeforeAll
    void listen(CrossdeskStack stack) {
        this.stack = stack;
        this.partners = new Partners(stack, LISTENING);
        this.issuer = stack.httpDesk(ISSUER);
    }

    @AfterAll
    void stopListening() {
        partners.close();
    }

    private String submit(ObjectNode referral) {
        HttpDesk.Answer answer = issuer.submit(referral);
        assertThat(answer.status()).as("submission answer %s", answer.body()).isEqualTo(202);
        assertThat(answer.text("referralId")).startsWith("CD-");
        return answer.text("referralId");
    }

    private void awaitAlerts(String referralId) {
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(partners.webhookDesks(referralId, "ALERT"))
                        .isEqualTo(new TreeSet<>(EXPECTED_RECIPIENTS)));
    }

    @Test
    void aFugitiveFromAFrenchDeskReachesExactlyTheDesksOfTheSubjectsNationalityAndLastKnownCountry() {
        String referralId = submit(Referrals.fugitiveFromFrance());

        awaitAlerts(referralId);
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(partners.streamDesks(referralId, "ALERT"))
                        .isEqualTo(new TreeSet<>(EXPECTED_RECIPIENTS)));
        // Routing writes every alert of a referral in one transaction: nobody else gets one later.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> partners.webhookDesks(referralId, "ALERT").equals(new TreeSet<>(EXPECTED_RECIPIENTS)));

        List<Partners.Delivery> alerts = partners.deliveriesOf(referralId).stream()
                .filter(delivery ->
                        "ALERT".equals(delivery.message().path("kind").asText()))
                .toList();
        assertThat(alerts).allSatisfy(delivery -> {
            assertThat(delivery.signatureValid())
                    .as("signature of the delivery to %s", delivery.desk())
                    .isTrue();
            assertThat(delivery.deliveryId()).isNotBlank();
            JsonNode alert = delivery.message().path("alert");
            assertThat(alert.path("issuingDesk").asText()).isEqualTo(ISSUER);
            assertThat(alert.path("recipientDesk").asText()).isEqualTo(delivery.desk());
            assertThat(alert.path("submission")
                            .path("subjects")
                            .get(0)
                            .path("nationalities")
                            .get(0)
                            .asText())
                    .isEqualTo("DE");
        });
        await().atMost(DELIVERY).untilAsserted(() -> {
            JsonNode status = issuer.status(referralId).body();
            assertThat(desksOf(status.path("recipients"))).isEqualTo(new TreeSet<>(EXPECTED_RECIPIENTS));
        });
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(receiptStatuses(referralId)).contains("ROUTED"));
    }

    @Test
    void aReferralIsOneTraceFromTheDesksSubmissionToEveryPartnersWebhook() {
        String trace = UUID.randomUUID().toString().replace("-", ""); // 32 hex digits, as a W3C trace id
        HttpDesk.Answer answer =
                issuer.submit(Referrals.fugitiveFromFrance(), TestTracing.traceparent(trace, "00f067aa0ba902b7"));
        assertThat(answer.status()).as("submission answer %s", answer.body()).isEqualTo(202);
        String referralId = answer.text("referralId");

        awaitAlerts(referralId);

        // intake (HTTP, outbox, lifecycle) -> routing (fan-out) -> notifications (inbox, webhook): every hop carried
        // the desk's trace on, and each delivery names a span of it.
        assertThat(partners.deliveriesOf(referralId))
                .filteredOn(delivery ->
                        "ALERT".equals(delivery.message().path("kind").asText()))
                .hasSize(EXPECTED_RECIPIENTS.size())
                .allSatisfy(delivery -> assertThat(delivery.traceparent())
                        .as("traceparent of the alert to %s", delivery.desk())
                        .isNotNull()
                        .satisfies(traceparent ->
                                assertThat(TestTracing.traceIdOf(traceparent)).isEqualTo(trace)));
    }

    @Test
    void eachServiceShowsItsKafkaLagAndHopsToASupervisorOnly() throws Exception {
        String referralId = submit(Referrals.fugitiveFromFrance());
        awaitAlerts(referralId);

        assertThat(metrics(Service.ROUTING, "demo-supervisor"))
                .as("routing's fan-out consumer lag, from the Kafka client's own metrics")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
        String notifications = metrics(Service.NOTIFICATIONS, "demo-supervisor");
        assertThat(notifications)
                .as("webhook deliveries observed")
                .contains("crossdesk_webhook_delivery_seconds_count");
        assertThat(notifications)
                .as("the inbox delivery loop's consumer lag, a consumer made outside Spring's factories")
                .containsPattern(
                        "kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"notifications-inbox-webhooks\"");
        assertThat(metrics(Service.INTAKE, "demo-" + ISSUER))
                .as("a desk is turned away")
                .isEqualTo("403");
    }

    /** The Prometheus text of a service, or the status when it is not 200. */
    private String metrics(Service service, String apiKey) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(stack.url(service).resolve("/actuator/prometheus"))
                                .header("Authorization", "Bearer " + apiKey)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : Integer.toString(response.statusCode());
    }

    @Test
    void acknowledgementsAndActionReportsFlowBackToTheIssuer() {
        String referralId = submit(Referrals.fugitiveFromFrance());
        awaitAlerts(referralId);

        HttpDesk.Answer acknowledged = stack.httpDesk("DE-BKA").acknowledge(referralId, "Checking our records");
        HttpDesk.Answer actioned =
                stack.httpDesk("ES-CNP").reportAction(referralId, "NO_TRACE", "Not found at the known address");

        assertThat(acknowledged.status()).as("%s", acknowledged.body()).isEqualTo(202);
        assertThat(actioned.status()).as("%s", actioned.body()).isEqualTo(202);
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(responsesToIssuer(referralId))
                        .containsEntry("DE-BKA", "ACKNOWLEDGED")
                        .containsEntry("ES-CNP", "ACTIONED"));
        await().atMost(DELIVERY).untilAsserted(() -> {
            Map<String, String> states =
                    recipientStates(issuer.status(referralId).body());
            assertThat(states).containsEntry("DE-BKA", "ACKNOWLEDGED").containsEntry("ES-CNP", "ACTIONED");
        });
        assertThat(partners.stream(ISSUER).eventsOf(referralId))
                .anySatisfy(event -> assertThat(event.path("kind").asText()).isEqualTo("RECIPIENT_RESPONSE"));
    }

    @Test
    void aWithdrawalReachesEveryRecipientAndNobodyElse() {
        String referralId = submit(Referrals.fugitiveFromFrance());
        awaitAlerts(referralId);

        HttpDesk.Answer withdrawn = issuer.withdraw(referralId, "Subject surrendered in Lyon");

        assertThat(withdrawn.status()).as("%s", withdrawn.body()).isEqualTo(202);
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(partners.webhookDesks(referralId, "ALERT_WITHDRAWN"))
                        .isEqualTo(new TreeSet<>(EXPECTED_RECIPIENTS)));
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(partners.streamDesks(referralId, "ALERT_WITHDRAWN"))
                        .isEqualTo(new TreeSet<>(EXPECTED_RECIPIENTS)));
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(
                                issuer.status(referralId).body().path("status").asText())
                        .isEqualTo("WITHDRAWN"));
        HttpDesk.Answer lateAcknowledgement = stack.httpDesk("DE-BKA").acknowledge(referralId, "too late");
        assertThat(lateAcknowledgement.status()).isEqualTo(409);
    }

    @Test
    void aMissedAcknowledgementDeadlineIsReportedToTheIssuerAndEscalated() {
        ObjectNode referral = Referrals.fugitiveFromFrance();
        referral.put("priority", "IMMEDIATE");
        String referralId = submit(referral);
        // DE-BKA answers as soon as it is a recipient; ES-CNP does not, and its IMMEDIATE acknowledgement
        // deadline is short here.
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(
                                desksOf(issuer.status(referralId).body().path("recipients")))
                        .contains("DE-BKA"));
        assertThat(stack.httpDesk("DE-BKA").acknowledge(referralId, "On it").status())
                .isEqualTo(202);
        awaitAlerts(referralId);

        Duration breachExpected = CrossdeskStack.IMMEDIATE_ACK_DEADLINE.plus(DELIVERY);
        await().atMost(breachExpected).untilAsserted(() -> {
            List<JsonNode> notices = deadlineNotices(referralId);
            assertThat(notices).anySatisfy(notice -> {
                assertThat(notice.path("deskId").asText()).isEqualTo(ISSUER);
                assertThat(notice.path("deadlineNotice").path("role").asText()).isEqualTo("ISSUER");
                assertThat(notice.path("deadlineNotice").path("recipientDesk").asText())
                        .isEqualTo("ES-CNP");
                assertThat(notice.path("deadlineNotice").path("kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
            });
            assertThat(notices).anySatisfy(notice -> {
                assertThat(notice.path("deskId").asText()).isEqualTo("ES-CNP");
                assertThat(notice.path("deadlineNotice").path("role").asText()).isEqualTo("ESCALATION");
            });
        });
        assertThat(deadlineNotices(referralId))
                .as("DE-BKA acknowledged in time")
                .noneSatisfy(notice -> assertThat(notice.path("deadlineNotice")
                                .path("recipientDesk")
                                .asText())
                        .isEqualTo("DE-BKA"));
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(
                                recipientStates(issuer.status(referralId).body()))
                        .containsEntry("ES-CNP", "BREACHED"));
    }

    private List<JsonNode> deadlineNotices(String referralId) {
        return partners.deliveriesOf(referralId).stream()
                .map(Partners.Delivery::message)
                .filter(message -> "DEADLINE_NOTICE".equals(message.path("kind").asText()))
                .toList();
    }

    private Set<String> receiptStatuses(String referralId) {
        Set<String> statuses = new TreeSet<>();
        partners.deliveriesOf(referralId).stream()
                .filter(delivery -> delivery.desk().equals(ISSUER))
                .map(delivery -> delivery.message()
                        .path("submissionReceipt")
                        .path("status")
                        .asText())
                .filter(status -> !status.isEmpty())
                .forEach(statuses::add);
        return statuses;
    }

    /** Responding desk → kind of the latest response the issuer's webhook received. */
    private Map<String, String> responsesToIssuer(String referralId) {
        Map<String, String> responses = new TreeMap<>();
        partners.deliveriesOf(referralId).stream()
                .filter(delivery -> delivery.desk().equals(ISSUER))
                .map(delivery -> delivery.message().path("recipientResponse"))
                .filter(response -> !response.isMissingNode())
                .forEach(response -> responses.put(
                        response.path("respondingDesk").asText(),
                        response.path("kind").asText()));
        return responses;
    }

    private static Set<String> desksOf(JsonNode recipients) {
        Set<String> desks = new TreeSet<>();
        recipients.forEach(recipient -> desks.add(recipient.path("desk").asText()));
        return desks;
    }

    private static Map<String, String> recipientStates(JsonNode status) {
        Map<String, String> states = new TreeMap<>();
        status.path("recipients")
                .forEach(
                        r -> states.put(r.path("desk").asText(), r.path("state").asText()));
        return states;
    }
}
