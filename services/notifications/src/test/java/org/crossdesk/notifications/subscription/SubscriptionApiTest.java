package org.crossdesk.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crossdesk.events.Topics;
import org.crossdesk.events.notification.WebhookSubscription;
import org.crossdesk.notifications.testing.Api;
import org.crossdesk.notifications.testing.NotificationsApp;
import org.crossdesk.testsupport.CrossdeskEvents;
import org.crossdesk.testsupport.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/subscriptions} over real HTTP, stored on the real broker. */
class SubscriptionApiTest {

    private static final String SWEDEN = "SE-NOA";
    private static final String DENMARK = "DK-NKC";
    private static final String PATH = "/api/v1/subscriptions";
    private static NotificationsApp app;

    @BeforeAll
    static void start() {
        app = NotificationsApp.start(
                "notifications-api-test",
                new MutableClock(Instant.parse("2026-03-02T08:00:00Z")),
                List.of(SWEDEN, DENMARK),
                Map.of("crossdesk.notifications.subscriptions.max-per-desk", 3));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aDeskRegistersListsAndDeletesItsOwnSubscriptions() {
        Api sweden = Api.as(app, SWEDEN);
        HttpResponse<String> created = sweden.post(PATH, """
        {"url": "https://cases.noa.example.se/crossdesk", "referralTypes": ["FUGITIVE"],
         "minimumPriority": "URGENT", "messageKinds": ["ALERT", "ALERT_WITHDRAWN"], "description": "NOA cases"}""");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = Api.json(created);
        String id = body.get("id").asString();
        String secret = body.get("secret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/" + id);
        assertThat(body.get("deskId").asString()).isEqualTo(SWEDEN);
        assertThat(body.get("minimumPriority").asString()).isEqualTo("URGENT");
        assertThat(body.get("messageKinds").toString()).isEqualTo("[\"ALERT\",\"ALERT_WITHDRAWN\"]");

        HttpResponse<String> fetched = sweden.get(PATH + "/" + id);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(Api.json(sweden.get(PATH)))
                .extracting(node -> node.get("id").asString())
                .contains(id);

        // Stored sealed: the secret is nowhere in the topic.
        WebhookSubscription stored = CrossdeskEvents.values(Topics.NOTIFICATIONS_SUBSCRIPTIONS).stream()
                .filter(value -> value instanceof WebhookSubscription s
                        && s.getSubscriptionId().equals(id))
                .map(WebhookSubscription.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(new String(stored.getSealedSecret().array(), StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);
        assertThat(stored.toString()).doesNotContain(secret);

        assertThat(sweden.delete(PATH + "/" + id).statusCode()).isEqualTo(204);
        assertThat(sweden.get(PATH + "/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherDesksSubscriptionsDoNotExistForADesk() {
        String id = Api.as(app, SWEDEN).subscribe("https://cases.noa.example.se/x", null, null);
        Api denmark = Api.as(app, DENMARK);

        assertThat(denmark.get(PATH + "/" + id).statusCode()).isEqualTo(404);
        assertThat(denmark.delete(PATH + "/" + id).statusCode()).isEqualTo(404);
        assertThat(Api.json(denmark.get(PATH)))
                .extracting(node -> node.get("id").asString())
                .doesNotContain(id);
        assertThat(Api.as(app, SWEDEN).get(PATH + "/" + id).statusCode()).isEqualTo(200);
        Api.as(app, SWEDEN).delete(PATH + "/" + id);
    }

    @Test
    void everyInvalidFieldIsAnsweredAsProblemJson() {
        HttpResponse<String> response = Api.as(app, DENMARK).post(PATH, """
        {"url": "ftp://files.example.dk/x", "secret": "too-short", "referralTypes": ["FUGITIVE", "FRAUD"],
         "minimumPriority": "LOW"}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.json(response).get("errors"))
                .extracting(error -> error.get("field").asString())
                .containsExactlyInAnyOrder("url", "secret", "referralTypes[1]", "minimumPriority");
        assertThat(response.body()).doesNotContain("too-short");
    }

    @Test
    void aWebhookIntoCloudMetadataOrAnotherInternalRangeIs400NamingTheUrl() {
        // The running demo allows private addresses and plain http (its receivers run on the same machine):
        // link-local stays refused even so, however it is spelled.
        NotificationsApp.DNS.point("metadata.attacker.example", "169.254.169.254");
        for (String url : List.of(
                "http://169.254.169.254/latest/meta-data",
                "https://[::ffff:169.254.169.254]/latest",
                "https://[64:ff9b::a9fe:a9fe]/",
                "https://metadata.attacker.example/latest/meta-data",
                "https://100.64.0.1/",
                "https://[fe80::1]/")) {
            HttpResponse<String> response = Api.as(app, DENMARK).post(PATH, "{\"url\": \"" + url + "\"}");

            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode error = Api.json(response).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("url");
            assertThat(error.get("message").asString()).as(url).contains("never delivered");
        }
        assertThat(Api.json(Api.as(app, DENMARK).get(PATH)))
                .extracting(node -> node.get("url").asString())
                .noneMatch(url -> url.contains("169.254") || url.contains("attacker"));
    }

    @Test
    void aDeskCannotExceedItsSubscriptionLimit() {
        Api denmark = Api.as(app, DENMARK);
        List<String> ids = List.of(
                denmark.subscribe("https://a.example.dk/1", null, null),
                denmark.subscribe("https://a.example.dk/2", null, null),
                denmark.subscribe("https://a.example.dk/3", null, null));

        HttpResponse<String> fourth = denmark.post(PATH, "{\"url\": \"https://a.example.dk/4\"}");

        assertThat(fourth.statusCode()).isEqualTo(422);
        ids.forEach(id -> denmark.delete(PATH + "/" + id));
    }

    @Test
    void theApiNeedsADeskKey() {
        assertThat(Api.withKey(app, null).get(PATH).statusCode()).isEqualTo(401);
        // A valid key in the query string counts only on the live stream, not here.
        assertThat(Api.withKey(app, null)
                        .get(PATH + "?access_token=" + NotificationsApp.keyOf(SWEDEN))
                        .statusCode())
                .isEqualTo(401);
        assertThat(Api.withKey(app, "not-a-key")
                        .post(PATH, "{\"url\": \"https://a.example.dk/\"}")
                        .statusCode())
                .isEqualTo(401);
    }
}
