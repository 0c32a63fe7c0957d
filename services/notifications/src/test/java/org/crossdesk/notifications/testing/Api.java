package org.crossdesk.notifications.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partner system calling the HTTP API as its desk. */
public final class Api {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationsApp app;
    private final String key;

    private Api(NotificationsApp app, String key) {
        this.app = app;
        this.key = key;
    }

    /** Calls as {@code desk}. */
    public static Api as(NotificationsApp app, String desk) {
        return new Api(app, NotificationsApp.keyOf(desk));
    }

    /** Calls with {@code key} (null: none). */
    public static Api withKey(NotificationsApp app, String key) {
        return new Api(app, key);
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Registers a subscription and returns its id. */
    public String subscribe(String url, String secret, String filters) {
        HttpResponse<String> response = post(
                "/api/v1/subscriptions",
                "{\"url\":\"" + url + "\"" + (secret == null ? "" : ",\"secret\":\"" + secret + "\"")
                        + (filters == null ? "" : "," + filters) + "}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Subscription refused: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("id").asString();
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URI of {@code path} on {@code app}. */
    public static URI uri(NotificationsApp app, String path) {
        return app.uri(path);
    }
}
