package org.crossdesk.launcher.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The intake HTTP API as a desk uses it, with the demo key of the desk ({@code demo-<DESK-ID>}). */
final class IntakeClient {

    /** An HTTP answer: status and parsed JSON body (a missing or non-JSON body is an empty object). */
    record Answer(int status, JsonNode body, String raw) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;

    IntakeClient(URI base, Executor executor) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static String keyOf(String desk) {
        return "demo-" + desk;
    }

    CompletableFuture<Answer> submit(String desk, Map<String, Object> referral) {
        return post(desk, "/api/v1/referrals", referral);
    }

    CompletableFuture<Answer> status(String desk, String referralId) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/referrals/" + referralId))
                .header("Authorization", "Bearer " + keyOf(desk))
                .header("X-Purpose", "demo follow-up")
                .timeout(Duration.ofSeconds(15))
                .GET()
                .build();
        return send(request);
    }

    CompletableFuture<Answer> acknowledge(String recipient, String referralId, String note) {
        return post(
                recipient,
                "/api/v1/alerts/" + referralId + "/" + recipient + "/acknowledgement",
                Map.of("acknowledgedBy", recipient.toLowerCase() + ".duty", "note", note));
    }

    CompletableFuture<Answer> reportAction(String recipient, String referralId, String outcome) {
        return post(
                recipient,
                "/api/v1/alerts/" + referralId + "/" + recipient + "/actions",
                Map.of("outcome", outcome, "details", "Synthetic demo outcome"));
    }

    CompletableFuture<Answer> withdraw(String issuer, String referralId) {
        return post(
                issuer,
                "/api/v1/referrals/" + referralId + "/withdrawal",
                Map.of("reason", "Synthetic demo: subject located by the issuing country"));
    }

    private CompletableFuture<Answer> post(String desk, String path, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + keyOf(desk))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    private CompletableFuture<Answer> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            JsonNode body;
            try {
                body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                body = JSON.createObjectNode();
            }
            return new Answer(response.statusCode(), body, response.body());
        });
    }
}
