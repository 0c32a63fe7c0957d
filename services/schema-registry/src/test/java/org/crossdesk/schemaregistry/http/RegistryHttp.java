package org.crossdesk.schemaregistry.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Plain java.net.http calls to a registry at any base URL: the wire format, nothing hidden. */
public final class RegistryHttp {

    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String[] defaultHeaders;

    /** A client that sends these header name/value pairs with every request (e.g. {@link #basic}). */
    public RegistryHttp(String baseUrl, String... defaultHeaders) {
        this.baseUrl = baseUrl;
        this.defaultHeaders = defaultHeaders.clone();
    }

    /** An {@code Authorization} header name/value pair for HTTP Basic. */
    public static String[] basic(String user, String password) {
        return new String[] {
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
        };
    }

    /** One answer: status, Content-Type and WWW-Authenticate headers, and body (parsed when it is JSON). */
    public record Reply(int status, String contentType, String body, String challenge) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The media type without parameters. */
        public String mediaType() {
            return contentType == null ? null : contentType.split(";")[0].trim();
        }
    }

    /** {@code {"schema": "<schema>"}} plus extra top-level properties given as name/value pairs. */
    public static String schemaBody(String schema, Object... extra) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema);
        for (int i = 0; i < extra.length; i += 2) {
            body.set((String) extra[i], JSON.valueToTree(extra[i + 1]));
        }
        return JSON.writeValueAsString(body);
    }

    public Reply get(String path) {
        return send("GET", path, null, V1_JSON);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, V1_JSON);
    }

    public Reply post(String path, String body) {
        return send("POST", path, body, V1_JSON);
    }

    public Reply put(String path, String body) {
        return send("PUT", path, body, V1_JSON);
    }

    /** Sends like Confluent's Java client: its content type and extra headers. */
    public Reply send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < defaultHeaders.length; i += 2) {
            request.header(defaultHeaders[i], defaultHeaders[i + 1]);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
