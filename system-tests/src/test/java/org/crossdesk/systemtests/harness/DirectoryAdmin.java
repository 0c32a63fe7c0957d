package org.crossdesk.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.crossdesk.access.KafkaCredentials;

/**
 * The administrator of the directory (routing's API, with the demo admin key): issues, rotates and revokes desks'
 * Kafka credentials the way a real installation does, never by a back door.
 */
public final class DirectoryAdmin {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_KEY = "demo-admin";

    private final URI routing;

    DirectoryAdmin(URI routing) {
        this.routing = routing;
    }

    /** Issues (or rotates) the desk's Kafka credential; the answer is the only place the secret is shown. */
    public KafkaCredentials issueCredential(String deskId) {
        HttpResponse<String> response = send(request(deskId).POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("issuing the credential of " + deskId + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return new KafkaCredentials(
                    body.path("username").asText(), body.path("password").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Revokes the desk's credential and ACLs; returns the HTTP status. */
    public int revokeCredential(String deskId) {
        return send(request(deskId).DELETE()).statusCode();
    }

    private HttpRequest.Builder request(String deskId) {
        return HttpRequest.newBuilder(routing.resolve("/api/v1/directory/desks/" + deskId + "/credential"))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
