package org.crossdesk.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.examples.ReferralStory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events published on the real topics come out of the JSON API and the live stream as the right numbers.
 * Countries used here (NZ and TV issue; FJ, WS receive; TO is withheld) appear in no other test.
 */
class DashboardApiTest extends LiveDashboard {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theJsonApiShowsWhatWasPublished() throws Exception {
        long urgentDeliveredBefore =
                urgent(views("/response-times")).path("toDeliver").path("count").asLong();
        long urgentAcknowledgedBefore = urgent(views("/response-times"))
                .path("toAcknowledge")
                .path("count")
                .asLong();
        Instant t = Instant.now().minus(Duration.ofMinutes(30));
        ReferralStory a = ReferralStory.of("CD-API-A", "NZ-NZP", ReferralType.FUGITIVE, Priority.URGENT, t);
        ReferralStory b = ReferralStory.of("CD-API-B", "NZ-NZP", ReferralType.DRUG_TRAFFICKING, Priority.ROUTINE, t);
        ReferralStory c = ReferralStory.of("CD-API-C", "NZ-NZP", ReferralType.COUNTER_TERRORISM, Priority.IMMEDIATE, t);

        publish(
                a.submitted(),
                a.routed(t.plusSeconds(1), List.of("FJ-FPF", "WS-MPS"), List.of("TO")),
                a.delivered("FJ-FPF", t.plusSeconds(3)),
                a.acknowledged("FJ-FPF", t.plusSeconds(601)),
                b.submitted(),
                b.routed(t.plusSeconds(1), List.of("FJ-FPF"), List.of()),
                b.actioned("FJ-FPF", t.plusSeconds(900)),
                c.submitted(),
                c.routed(t.plusSeconds(1), List.of("WS-MPS"), List.of("TO")),
                c.breached("WS-MPS", DeadlineKind.ACKNOWLEDGEMENT, t.plusSeconds(3601)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> views("/breaches").path("desks").toString().contains("WS-MPS"));

        JsonNode volumes = views("/volumes");
        assertThat(volumes.path("byIssuingCountry").path("NZ").asLong()).isEqualTo(3);
        JsonNode open = views("/open-alerts");
        JsonNode fiji = desk(open, "FJ-FPF");
        assertThat(fiji.path("open").asLong()).isEqualTo(1);
        assertThat(fiji.path("unacknowledged").asLong()).isZero();
        JsonNode samoa = desk(open, "WS-MPS");
        assertThat(samoa.path("open").asLong()).isEqualTo(2);
        assertThat(samoa.path("unacknowledged").asLong()).isEqualTo(2);
        assertThat(samoa.path("country").asString()).isEqualTo("WS");
        assertThat(samoa.path("oldestOpenAgeSeconds").asLong()).isBetween(29 * 60L, 40 * 60L);
        JsonNode breach = desk(views("/breaches"), "WS-MPS");
        assertThat(breach.path("acknowledgement").asLong()).isEqualTo(1);
        assertThat(breach.path("escalated").asLong()).isEqualTo(1);
        assertThat(stream(views("/withheld").path("noAgreementPairs"))
                        .filter(p -> p.path("issuingCountry").asString().equals("NZ")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.path("candidateCountry").asString()).isEqualTo("TO");
                    assertThat(p.path("count").asLong()).isEqualTo(2);
                });
        JsonNode urgent = urgent(views("/response-times"));
        assertThat(urgent.path("toDeliver").path("count").asLong()).isEqualTo(urgentDeliveredBefore + 1);
        assertThat(urgent.path("toAcknowledge").path("count").asLong()).isEqualTo(urgentAcknowledgedBefore + 1);
        assertThat(views("/feed?limit=100").toString()).contains("CD-API-A", "CD-API-B", "CD-API-C");
        JsonNode replay = views("/replay");
        assertThat(replay.path("state").asString()).isEqualTo("LIVE");
        assertThat(replay.path("consumed").asLong())
                .isGreaterThanOrEqualTo(replay.path("catchUpTarget").asLong());
    }

    @Test
    void onlySupervisorsAndAuditorsMayWatch() throws Exception {
        assertThat(get("/api/v1/views/volumes", AUDITOR_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/views", SUPERVISOR_KEY).statusCode()).isEqualTo(200);

        HttpResponse<String> desk = get("/api/v1/views/open-alerts", DESK_KEY);
        assertThat(desk.statusCode()).isEqualTo(403);
        assertThat(desk.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(desk.body()).path("status").asInt()).isEqualTo(403);
        assertThat(get("/api/v1/live?access_token=" + DESK_KEY, null).statusCode())
                .isEqualTo(403);

        HttpResponse<String> nobody = get("/api/v1/views", null);
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/views", "not-a-key").statusCode()).isEqualTo(401);
    }

    @Test
    void aKeyInTheQueryStringOpensTheLiveStreamOnly() throws Exception {
        HttpResponse<String> views = get("/api/v1/views?access_token=" + SUPERVISOR_KEY, null);

        assertThat(views.statusCode()).isEqualTo(401);
        assertThat(views.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        // The live stream takes it (a desk is then refused for its role, not for a missing key).
        assertThat(get("/api/v1/live?access_token=" + DESK_KEY, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void badQueryParametersAreAnsweredWithEachFieldsProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/views/volumes?hours=lots&days=0", SUPERVISOR_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(stream(problem.path("errors")).map(e -> e.path("field").asString()))
                .containsExactly("hours", "days");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("'lots'");
        assertThat(get("/api/v1/views/feed?limit=100000", SUPERVISOR_KEY).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theLiveStreamSendsThePictureAtOnceAndAgainWhenAnEventArrives() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/live?access_token=" + SUPERVISOR_KEY))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(
                () -> {
                    try {
                        response.body().forEach(lines::add);
                    } catch (UncheckedIOException closedByTheTest) {
                        // the test closes the stream when it has seen enough
                    }
                },
                "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:picture"));
            String first = lines.stream()
                    .filter(l -> l.startsWith("data:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(json.readTree(first.substring(5))
                            .path("replay")
                            .path("state")
                            .asString())
                    .isNotBlank();

            ReferralStory story =
                    ReferralStory.of("CD-API-LIVE", "TV-TPF", ReferralType.FUGITIVE, Priority.URGENT, Instant.now());
            publish(story.submitted());

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("CD-API-LIVE")));
        } finally {
            response.body().close();
        }
    }

    @Test
    void thePageAndItsScriptsAreServedWithoutAKeyFromThisServiceOnly() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<script src=\"dashboard.js\"")
                .doesNotContainPattern("(src|href)\\s*=\\s*[\"'](https?:)?//");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(PageHeaders.POLICY);
        for (String asset : List.of("/dashboard.js", "/charts.js", "/dashboard.css")) {
            HttpResponse<String> response = get(asset, null);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            // The SVG namespace is a name, not an address the browser loads.
            assertThat(response.body().replace("http://www.w3.org/2000/svg", ""))
                    .as(asset)
                    .doesNotContain("https://", "http://");
        }
    }

    private JsonNode views(String path) throws Exception {
        HttpResponse<String> response = get("/api/v1/views" + path, SUPERVISOR_KEY);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode urgent(JsonNode responseTimes) {
        return stream(responseTimes.path("priorities"))
                .filter(p -> p.path("priority").asString().equals("URGENT"))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode desk(JsonNode view, String deskId) {
        return stream(view.path("desks"))
                .filter(d -> d.path("deskId").asString().equals(deskId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deskId + " not in " + view));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
