package org.crossdesk.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.response.AlertDelivered;
import org.crossdesk.events.response.DeliveryChannel;
import org.crossdesk.events.response.DeliveryFailed;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.notifications.testing.Api;
import org.crossdesk.notifications.testing.Messages;
import org.crossdesk.notifications.testing.NotificationsApp;
import org.crossdesk.platform.kafka.CrossdeskKafkaAutoConfiguration;
import org.crossdesk.testsupport.CrossdeskEvents;
import org.crossdesk.testsupport.MutableClock;
import org.crossdesk.testsupport.TopicProbe;
import org.crossdesk.testsupport.WebhookReceiver;
import org.crossdesk.testsupport.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Inbox messages in, signed webhooks out, delivery records on the responses topic: the service on the
 * real broker, registry and HTTP.
 */
class WebhookDeliveryTest {

    private static final String RETRYING = "NL-NP";
    private static final String REFUSING = "BE-FPJ";
    private static final String HUNG = "LU-PGD";
    private static final String HEALTHY = "AT-BK";
    private static final String REBOUND = "LT-KPD";
    private static final String SECRET = "nl-np-webhook-secret-0123456789abcdefghij";

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T08:15:00Z"));
    private static WebhookReceiver receiver;
    private static NotificationsApp app;

    @BeforeAll
    static void start() throws Exception {
        CrossdeskEvents.createDeskTopics(RETRYING, REFUSING, HUNG, HEALTHY, REBOUND);
        receiver = new WebhookReceiver()
                .answer("/nl", attempt -> attempt < 3 ? 503 : 200)
                .answer("/be", attempt -> 400)
                .answer("/lu", attempt -> 0);
        app = NotificationsApp.start(
                "notifications-webhook-test", CLOCK, List.of(RETRYING, REFUSING, HUNG, HEALTHY, REBOUND), Map.of());
        // Joining the group and finding every inbox takes a while on a busy machine; the tests time deliveries.
        InboxDeliveryLoop loop = app.bean(InboxDeliveryLoop.class);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> loop.assignment().stream()
                        .map(partition -> partition.topic())
                        .collect(Collectors.toSet())
                        .containsAll(List.of(RETRYING, REFUSING, HUNG, HEALTHY, REBOUND).stream()
                                .map(Topics::deskInboxName)
                                .toList()));
    }

    @AfterAll
    static void stop() {
        for (String desk : List.of(RETRYING, REFUSING, HUNG, HEALTHY, REBOUND)) {
            Api api = Api.as(app, desk);
            Api.json(api.get("/api/v1/subscriptions"))
                    .forEach(subscription -> api.delete(
                            "/api/v1/subscriptions/" + subscription.get("id").asString()));
        }
        receiver.releaseHung();
        app.close();
        receiver.close();
    }

    private static List<ResponseEvent> responsesAbout(String alertId) {
        return CrossdeskEvents.values(Topics.REFERRALS_RESPONSES).stream()
                .map(ResponseEvent.class::cast)
                .filter(response -> alertId.equals(alertIdOf(response.getEvent())))
                .toList();
    }

    private static String alertIdOf(Object event) {
        if (event instanceof AlertDelivered delivered) {
            return delivered.getAlertId();
        }
        return event instanceof DeliveryFailed failed ? failed.getAlertId() : null;
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSameSignedDeliveryThriceAndOneDeliveryIsRecorded() {
        String subscriptionId = Api.as(app, RETRYING).subscribe(receiver.url("/nl"), SECRET, null);
        InboxMessage alert = Messages.alert("CD-2026-100001", RETRYING, Priority.URGENT);

        CrossdeskEvents.send(Topics.deskInboxName(RETRYING), "CD-2026-100001", alert);

        String alertId = AlertIds.of("CD-2026-100001", RETRYING);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !responsesAbout(alertId).isEmpty());
        // Nothing more arrives: one record for one alert and subscription, whatever the retries.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(30))
                .until(() -> responsesAbout(alertId).size() == 1
                        && receiver.received("/nl").size() == 3);

        List<Received> attempts = receiver.received("/nl");
        String deliveryId = alert.getMetadata().getEventId() + "." + subscriptionId;
        assertThat(attempts).allSatisfy(request -> {
            assertThat(request.header("Crossdesk-Delivery-Id")).isEqualTo(deliveryId);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.signedWith(SECRET)).as("signature verifies").isTrue();
            assertThat(request.signedWith("some-other-secret-0123456789abcdef")).isFalse();
        });
        assertThat(attempts)
                .extracting(Received::bodyText)
                .containsOnly(attempts.get(0).bodyText());
        JsonNode body = Api.JSON.readTree(attempts.get(0).body());
        assertThat(body.get("deliveryId").asString()).isEqualTo(deliveryId);
        assertThat(body.get("kind").asString()).isEqualTo("ALERT");
        assertThat(body.get("deskId").asString()).isEqualTo(RETRYING);
        assertThat(body.get("alert").get("alertId").asString()).isEqualTo(alertId);

        AlertDelivered delivered =
                (AlertDelivered) responsesAbout(alertId).get(0).getEvent();
        assertThat(delivered.getDeliveryId()).isEqualTo(deliveryId);
        assertThat(delivered.getAttempts()).isEqualTo(3);
        assertThat(delivered.getChannel()).isEqualTo(DeliveryChannel.WEBHOOK);
        assertThat(delivered.getRecipientDesk()).isEqualTo(RETRYING);
    }

    @Test
    void aPermanentRefusalSendsTheMessageToTheDeadLetterTopicAndRecordsTheFailure() {
        String subscriptionId = Api.as(app, REFUSING).subscribe(receiver.url("/be"), SECRET, null);
        InboxMessage alert = Messages.alert("CD-2026-100002", REFUSING, Priority.IMMEDIATE);

        CrossdeskEvents.send(Topics.deskInboxName(REFUSING), "CD-2026-100002", alert);

        String alertId = AlertIds.of("CD-2026-100002", REFUSING);
        String dlt = Topics.deskInbox(REFUSING).deadLetterName();
        ConsumerRecord<byte[], byte[]> deadLetter = TopicProbe.of(dlt)
                .within(Duration.ofSeconds(30))
                .awaitRecord(
                        record -> header(record, "crossdesk-subscription-id").equals(subscriptionId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !responsesAbout(alertId).isEmpty());

        ConsumerRecord<byte[], byte[]> original = TopicProbe.of(Topics.deskInboxName(REFUSING)).readAll().stream()
                .filter(record -> new String(record.key(), StandardCharsets.UTF_8).equals("CD-2026-100002"))
                .findFirst()
                .orElseThrow();
        assertThat(deadLetter.value()).as("the original bytes").isEqualTo(original.value());
        assertThat(deadLetter.partition()).isEqualTo(original.partition());
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.deskInboxName(REFUSING));
        assertThat(ByteBuffer.wrap(deadLetter
                                .headers()
                                .lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                                .value())
                        .getLong())
                .isEqualTo(original.offset());
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("HTTP 400");
        assertThat(header(deadLetter, CrossdeskKafkaAutoConfiguration.ROOT_CAUSE_HEADER))
                .startsWith(KafkaDeliveryRecorder.GIVEN_UP + ": ")
                .contains("HTTP 400");
        assertThat(header(deadLetter, "crossdesk-delivery-id"))
                .isEqualTo(alert.getMetadata().getEventId() + "." + subscriptionId);

        DeliveryFailed failed = (DeliveryFailed) responsesAbout(alertId).get(0).getEvent();
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isEqualTo("HTTP 400");
        assertThat(receiver.received("/be")).hasSize(1);
    }

    @Test
    void aHostRepointedAtCloudMetadataAfterRegistrationIsRefusedAtDeliveryAndTheFailureRecorded() {
        String host = "hooks.kpd.example.lt";
        NotificationsApp.DNS.point(host, "127.0.0.1");
        String subscriptionId =
                Api.as(app, REBOUND).subscribe(receiver.url("/lt").replace("127.0.0.1", host), SECRET, null);
        // DNS rebinding: the name passed the check at registration, then answers with the metadata address.
        NotificationsApp.DNS.point(host, "169.254.169.254");
        InboxMessage alert = Messages.alert("CD-2026-100006", REBOUND, Priority.URGENT);

        CrossdeskEvents.send(Topics.deskInboxName(REBOUND), "CD-2026-100006", alert);

        String alertId = AlertIds.of("CD-2026-100006", REBOUND);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !responsesAbout(alertId).isEmpty());
        DeliveryFailed failed = (DeliveryFailed) responsesAbout(alertId).get(0).getEvent();
        assertThat(failed.getAttempts()).as("refused for good, not retried").isEqualTo(1);
        assertThat(failed.getLastError()).startsWith("address refused").contains(host, "169.254.169.254", "link-local");
        assertThat(failed.getDeliveryId()).isEqualTo(alert.getMetadata().getEventId() + "." + subscriptionId);
        assertThat(receiver.received("/lt")).isEmpty();
    }

    @Test
    void aHungReceiverDoesNotHoldUpAnotherDesksWebhook() {
        Api.as(app, HUNG).subscribe(receiver.url("/lu"), SECRET, null);
        Api.as(app, HEALTHY).subscribe(receiver.url("/at"), SECRET, null);

        CrossdeskEvents.send(
                Topics.deskInboxName(HUNG), "CD-2026-100003", Messages.alert("CD-2026-100003", HUNG, Priority.URGENT));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.received("/lu").size() == 1);
        CrossdeskEvents.send(
                Topics.deskInboxName(HEALTHY),
                "CD-2026-100004",
                Messages.alert("CD-2026-100004", HEALTHY, Priority.URGENT));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        !responsesAbout(AlertIds.of("CD-2026-100004", HEALTHY)).isEmpty());
        assertThat(receiver.received("/at")).hasSize(1);
        assertThat(responsesAbout(AlertIds.of("CD-2026-100003", HUNG)))
                .as("still hanging, nothing recorded")
                .isEmpty();
        assertThat(receiver.received("/lu")).hasSize(1);
    }

    @Test
    void anUnreadableInboxRecordIsDeadLetteredAndTheMessagesAfterItAreDelivered() {
        String desk = HEALTHY;
        Api.as(app, desk).subscribe(receiver.url("/at-2"), SECRET, "\"messageKinds\":[\"ALERT_WITHDRAWN\"]");
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

        CrossdeskEvents.sendRaw(Topics.deskInboxName(desk), "CD-2026-100005", garbage);
        CrossdeskEvents.send(Topics.deskInboxName(desk), "CD-2026-100005", Messages.withdrawal("CD-2026-100005", desk));

        ConsumerRecord<byte[], byte[]> deadLetter = TopicProbe.of(
                        Topics.deskInbox(desk).deadLetterName())
                .within(Duration.ofSeconds(30))
                .awaitRecord(record -> Arrays.equals(record.value(), garbage));
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.received("/at-2").size() == 1);
        assertThat(receiver.received("/at-2").get(0).header("Crossdesk-Message-Kind"))
                .isEqualTo("ALERT_WITHDRAWN");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
