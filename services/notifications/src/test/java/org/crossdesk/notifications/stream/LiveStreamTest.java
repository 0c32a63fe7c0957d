package org.crossdesk.notifications.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.notifications.testing.Api;
import org.crossdesk.notifications.testing.Messages;
import org.crossdesk.notifications.testing.NotificationsApp;
import org.crossdesk.notifications.testing.SseClient;
import org.crossdesk.testsupport.CrossdeskEvents;
import org.crossdesk.testsupport.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/stream}: a desk's inbox live, resumed exactly with Last-Event-ID, across restarts. */
class LiveStreamTest {

    private static final String DESK = "FI-KRP";
    private static final String OTHER = "EE-PPA";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private static NotificationsApp app;

    @BeforeAll
    static void start() {
        CrossdeskEvents.createDeskTopics(DESK, OTHER);
        app = startApp();
    }

    private static NotificationsApp startApp() {
        return NotificationsApp.start("notifications-stream-test", CLOCK, List.of(DESK, OTHER), Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static URI streamUri(String desk, String query) {
        return app.uri(
                "/api/v1/stream?access_token=" + NotificationsApp.keyOf(desk) + (query == null ? "" : "&" + query));
    }

    private static List<String> messageIds(List<SseClient.Event> events) {
        return events.stream()
                .map(event -> Api.JSON.readTree(event.data()).get("messageId").asString())
                .toList();
    }

    private static List<String> send(String desk, int from, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String referralId = "CD-2026-2" + String.format("%05d", i);
            InboxMessage alert = Messages.alert(referralId, desk, Priority.ROUTINE);
            CrossdeskEvents.send(Topics.deskInboxName(desk), referralId, alert);
            ids.add(alert.getMetadata().getEventId());
        }
        return ids;
    }

    @Test
    void aStreamResumedWithLastEventIdContinuesExactlyAfterTheLastEventSeenAlsoAfterARestart() {
        String resumeFrom;
        try (SseClient client = SseClient.connect(streamUri(DESK, null), null)) {
            assertThat(client.status()).isEqualTo(200);
            client.awaitPosition();
            List<String> firstBatch = send(DESK, 1, 4);
            List<SseClient.Event> events = client.awaitEvents(4);
            assertThat(messageIds(events)).containsExactlyInAnyOrderElementsOf(firstBatch);
            assertThat(events)
                    .allSatisfy(event ->
                            assertThat(StreamPosition.parse(event.id())).isPresent());
            resumeFrom = client.lastEventId();
        }

        // Messages arrive while the client is away and the service restarts.
        List<String> whileAway = send(DESK, 5, 3);
        app.close();
        app = startApp();
        List<String> afterRestart = send(DESK, 8, 2);

        try (SseClient client = SseClient.connect(streamUri(DESK, null), resumeFrom)) {
            List<SseClient.Event> events = client.awaitEvents(5);
            List<String> expected = new ArrayList<>(whileAway);
            expected.addAll(afterRestart);
            assertThat(messageIds(events)).as("no gap, no repeat").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(Api.JSON.readTree(events.get(0).data()).get("deskId").asString())
                    .isEqualTo(DESK);
        }
    }

    @Test
    void fromEarliestAStreamStartsWithTheOldestMessageKept() {
        List<String> sent = send(DESK, 300, 1);
        try (SseClient client = SseClient.connect(streamUri(DESK, "from=earliest"), null)) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> messageIds(client.events()).containsAll(sent));
        }
    }

    @Test
    void aNewStreamStartsLiveAndItsFirstIdResumesFromThere() {
        String start;
        try (SseClient client = SseClient.connect(streamUri(OTHER, null), null)) {
            client.awaitPosition();
            start = client.lastEventId();
            List<String> live = send(OTHER, 100, 2);
            assertThat(messageIds(client.awaitEvents(2))).containsExactlyInAnyOrderElementsOf(live);
        }
        try (SseClient client = SseClient.connect(streamUri(OTHER, null), start)) {
            assertThat(client.awaitEvents(2)).hasSize(2);
        }
    }

    @Test
    void aDeskStreamsOnlyItsOwnInbox() {
        try (SseClient client = SseClient.connect(streamUri(OTHER, null), null)) {
            client.awaitPosition();
            List<String> elsewhere = send(DESK, 200, 1);
            List<String> own = send(OTHER, 201, 1);

            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> messageIds(client.events()).containsAll(own));
            assertThat(messageIds(client.events())).doesNotContainAnyElementsOf(elsewhere);
            assertThat(client.events())
                    .allSatisfy(event -> assertThat(Api.JSON
                                    .readTree(event.data())
                                    .get("deskId")
                                    .asString())
                            .isEqualTo(OTHER));
        }
    }

    @Test
    void aMalformedLastEventIdIsRefused() {
        try (SseClient client = SseClient.connect(streamUri(DESK, null), "yesterday")) {
            assertThat(client.status()).isEqualTo(400);
        }
        try (SseClient client = SseClient.connect(app.uri("/api/v1/stream"), null)) {
            assertThat(client.status()).isEqualTo(401);
        }
    }
}
