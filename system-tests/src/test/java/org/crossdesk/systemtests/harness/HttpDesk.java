package org.crossdesk.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A desk's systems talking to Crossdesk over HTTP, authenticated with the desk's API key. */
public final class HttpDesk {

    /** An HTTP answer with its JSON body (an empty object when there is none). */
    public record Answer(int status, JsonNode body) {
        public String text(String field) {
            return body.path(field).asText();
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String deskId;
    private final String apiKey;
    private final URI intake;
    private final URI notifications;

    HttpDesk(String deskId, String apiKey, URI intake, URI notifications) {
        this.deskId = deskId;
        this.apiKey = apiKey;
        this.intake = intake;
        this.notifications = notifications;
    }

    public String id() {
        return deskId;
    }

    /** {@code POST /api/v1/referrals}. */
    public Answer submit(ObjectNode referral) {
        return post(intake, "/api/v1/referrals", referral);
    }

    /** {@code POST /api/v1/referrals} as part of the caller's trace: a W3C {@code traceparent} header. */
    public Answer submit(ObjectNode referral, String traceparent) {
        try {
            return send(request(intake, "/api/v1/referrals")
                    .header("Content-Type", "application/json")
                    .header("traceparent", traceparent)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(referral))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET /api/v1/referrals/{id}}: status and each recipient's progress. */
    public Answer status(String referralId) {
        return send(request(intake, "/api/v1/referrals/" + referralId)
                .header("X-Purpose", "system test")
                .GET());
    }

    /** {@code GET} of {@code path} on another service, e.g. routing's {@code /api/v1/routing/{id}}, as this desk. */
    public Answer get(URI service, String path) {
        return send(request(service, path).GET());
    }

    public Answer acknowledge(String referralId, String note) {
        return post(
                intake,
                "/api/v1/alerts/" + referralId + "/" + deskId + "/acknowledgement",
                Map.of("acknowledgedBy", deskId.toLowerCase() + ".duty", "note", note));
    }

    public Answer reportAction(String referralId, String outcome, String details) {
        return post(
                intake,
                "/api/v1/alerts/" + referralId + "/" + deskId + "/actions",
                Map.of("outcome", outcome, "details", details));
    }

    public Answer withdraw(String referralId, String reason) {
        return post(intake, "/api/v1/referrals/" + referralId + "/withdrawal", Map.of("reason", reason));
    }

    /** Registers a webhook for this desk's inbox at {@code url}, signed with {@code secret}. */
    public Answer subscribe(URI url, String secret) {
        return post(
                notifications,
                "/api/v1/subscriptions",
                Map.of("url", url.toString(), "secret", secret, "description", "system test receiver"));
    }

    /**
     * Opens this desk's live stream (Server-Sent Events) from the start of its inbox, so nothing sent while
     * the connection is being set up is missed (the server sends the response head only with the first event).
     */
    public LiveStream openLiveStream() {
        String token = URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
        return LiveStream.open(HTTP, notifications.resolve("/api/v1/stream?from=earliest&access_token=" + token));
    }

    private Answer post(URI base, String path, Object body) {
        try {
            return send(request(base, path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json, application/problem+json")
                .timeout(Duration.ofSeconds(20));
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
