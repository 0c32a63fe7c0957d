package org.crossdesk.schemaregistry.client;

import static org.apache.kafka.clients.CommonClientConfigs.RETRY_BACKOFF_EXP_BASE;
import static org.apache.kafka.clients.CommonClientConfigs.RETRY_BACKOFF_JITTER;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.utils.ExponentialBackoff;

/**
 * Sends one logical request: fails over across base URLs on network errors, retries with Kafka's jittered exponential
 * backoff (docs/decisions/0010-one-back-off-policy.md) on network errors and retryable statuses, and turns error answers into typed exceptions.
 */
final class RegistryHttp {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    /** Confluent servers' produced types in their own preference order; anything else as a last resort. */
    static final String ACCEPT =
            V1_JSON + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5," + " */*; q=0.1";

    static final String USER_AGENT = "crossdesk-schema-registry-client/"
            + Objects.requireNonNullElse(RegistryHttp.class.getPackage().getImplementationVersion(), "dev");

    static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final System.Logger LOG = System.getLogger(RegistryHttp.class.getName());
    private static final int NO_STATUS = -1;

    private final ClientSettings settings;
    private final BaseUrls urls;
    private final HttpClient http;
    private final ExponentialBackoff backoff;

    RegistryHttp(ClientSettings settings) {
        this.settings = settings;
        this.backoff = new ExponentialBackoff(
                settings.retriesWaitMs(), RETRY_BACKOFF_EXP_BASE, settings.retriesMaxWaitMs(), RETRY_BACKOFF_JITTER);
        this.urls = new BaseUrls(settings.urls(), settings.randomizeUrls());
        HttpClient.Builder builder = HttpClient.newBuilder()
                // h2c upgrade attempts confuse some proxies and old registries; the API is small request/response.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (!settings.proxyHost().isEmpty() && settings.proxyPort() > 0) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(settings.proxyHost(), settings.proxyPort())));
        }
        this.http = builder.build();
    }

    BaseUrls urls() {
        return urls;
    }

    /** Sends and decodes a 2xx body into {@code type}; returns null for an empty body or 204. */
    <T> T call(String method, HttpPath path, Object body, JavaType type) {
        byte[] bytes = body == null ? null : toJson(body);
        Answer answer = exchange(method, path.toString(), bytes);
        if (answer.status == 204 || answer.body.length == 0) {
            return null;
        }
        try {
            return JSON.readValue(answer.body, type);
        } catch (IOException e) {
            throw new SchemaRegistryException(
                    answer.status,
                    SchemaRegistryException.UNPARSEABLE_ERROR_BODY,
                    "Unreadable response to " + method + " " + path + ": " + e.getMessage(),
                    e);
        }
    }

    /** Sends and returns the 2xx body as text (raw schema endpoints). */
    String callRaw(String method, HttpPath path) {
        return new String(exchange(method, path.toString(), null).body, StandardCharsets.UTF_8).trim();
    }

    JsonNode callTree(String method, HttpPath path, Object body) {
        return call(method, path, body, JSON.constructType(JsonNode.class));
    }

    private record Answer(int status, byte[] body) {}

    private Answer exchange(String method, String pathAndQuery, byte[] body) {
        int attempts = 0;
        boolean resentAfterDrop = false;
        for (int retry = 0; ; retry++) {
            IOException networkFailure = null;
            HttpResponse<byte[]> response = null;
            BaseUrls.BaseUrl base = null;
            for (int i = 0; i < urls.size() && response == null; i++) {
                BaseUrls.BaseUrl tried = urls.current();
                base = tried;
                attempts++;
                try {
                    response = http.send(
                            request(base, method, pathAndQuery, body), HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    networkFailure = e;
                    if (!resentAfterDrop && isDroppedConnection(e)) {
                        // A pooled keep-alive connection the server had already closed: not the registry failing. Send
                        // once more at once, on a fresh connection, without counting a retry or failing over.
                        resentAfterDrop = true;
                        i--;
                        continue;
                    }
                    LOG.log(
                            Level.DEBUG,
                            () -> "Schema registry at " + tried.url() + " failed, trying the next URL: " + e);
                    urls.fail(tried);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryUnavailableException(
                            NO_STATUS,
                            NO_STATUS,
                            "Interrupted while calling " + method + " " + pathAndQuery,
                            attempts,
                            e);
                }
            }
            if (response == null) {
                if (retry >= settings.maxRetries()) {
                    throw new SchemaRegistryUnavailableException(
                            NO_STATUS,
                            NO_STATUS,
                            "No schema registry URL answered " + method + " " + pathAndQuery + " (tried "
                                    + urls.all().stream()
                                            .map(BaseUrls.BaseUrl::url)
                                            .toList() + "): " + networkFailure,
                            attempts,
                            networkFailure);
                }
                backoff(retry, -1, method, pathAndQuery, attempts);
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Answer(status, response.body());
            }
            ErrorBody error = ErrorBody.parse(status, response.body());
            if (isRetryable(status)) {
                if (retry < settings.maxRetries()) {
                    backoff(retry, retryAfterMs(response), method, pathAndQuery, attempts);
                    continue;
                }
                throw new SchemaRegistryUnavailableException(
                        status,
                        error.code(),
                        error.message() + " [" + method + " " + base.url() + pathAndQuery + "]",
                        attempts,
                        null);
            }
            throw classify(status, error);
        }
    }

    /** Reset or closed without an answer, as opposed to refused or timed out (the server may be down). */
    static boolean isDroppedConnection(IOException e) {
        return !(e instanceof ConnectException) && !(e instanceof HttpTimeoutException);
    }

    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** HTTP status first, error_code second (docs/design/schema-registry-api.md §2, "Client classification"). */
    static SchemaRegistryException classify(int status, ErrorBody error) {
        return switch (status) {
            case 404 -> new SchemaRegistryNotFoundException(status, error.code(), error.message());
            case 409 ->
                error.code() >= 40902 && error.code() <= 40908
                        ? new SchemaRegistryException(status, error.code(), error.message())
                        : new IncompatibleSchemaException(status, error.code(), error.message());
            case 422 -> new SchemaRegistryInvalidRequestException(status, error.code(), error.message());
            case 401, 403 -> new SchemaRegistryAuthException(status, error.code(), error.message());
            default -> new SchemaRegistryException(status, error.code(), error.message());
        };
    }

    private HttpRequest request(BaseUrls.BaseUrl base, String method, String pathAndQuery, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.url() + pathAndQuery))
                .timeout(settings.readTimeout())
                .header("Accept", ACCEPT)
                .header("Confluent-Accept-Unknown-Properties", "true")
                .header("User-Agent", USER_AGENT);
        if (body != null) {
            b.header("Content-Type", V1_JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String authorization = settings.authorizationFor(base);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        for (Map.Entry<String, String> h : settings.extraHeaders().entrySet()) {
            b.setHeader(h.getKey(), h.getValue());
        }
        return b.build();
    }

    private void backoff(int retry, long retryAfterMs, String method, String path, int attempts) {
        // Kafka's own back-off (its clients' retry.backoff.ms policy): doubling, each delay within 20 % of the step, so
        // a storm of clients does not retry in step.
        long delay = backoff.backoff(retry);
        if (retryAfterMs > delay) {
            delay = Math.min(retryAfterMs, settings.retriesMaxWaitMs());
        }
        if (delay <= 0) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException(
                    NO_STATUS, NO_STATUS, "Interrupted while waiting to retry " + method + " " + path, attempts, e);
        }
    }

    private static long retryAfterMs(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(v -> {
                    try {
                        return Long.parseLong(v.trim()) * 1000;
                    } catch (NumberFormatException e) {
                        return -1L; // an HTTP date: rare for registries, fall back to our own backoff
                    }
                })
                .orElse(-1L);
    }

    static byte[] toJson(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot encode request body as JSON", e);
        }
    }

    void close() {
        if (http instanceof AutoCloseable closeable) { // Java 21+
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing frees threads only; nothing to report
            }
        }
    }

    /** The error envelope, tolerant of Redpanda's {@code {"message","code"}} and of HTML from proxies. */
    record ErrorBody(int code, String message) {

        static ErrorBody parse(int status, byte[] body) {
            try {
                JsonNode node = body.length == 0 ? null : JSON.readTree(body);
                if (node != null && node.isObject()) {
                    JsonNode code = node.get("error_code");
                    if (code == null || !code.isIntegralNumber()) {
                        code = node.get("code");
                    }
                    JsonNode message = node.get("message");
                    String text = message != null && !message.isNull() ? message.asText() : "HTTP " + status;
                    if (code != null && code.isIntegralNumber()) {
                        return new ErrorBody(code.intValue(), text);
                    }
                    return new ErrorBody(SchemaRegistryException.UNPARSEABLE_ERROR_BODY, text);
                }
            } catch (IOException notJson) {
                // fall through: proxies answer HTML, some servers plain text
            }
            return new ErrorBody(
                    SchemaRegistryException.UNPARSEABLE_ERROR_BODY,
                    "HTTP " + status + " with a body that is not the registry's JSON error envelope: " + snippet(body));
        }

        private static String snippet(byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ")
                    .trim();
            return text.isEmpty() ? "(empty)" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
    }
}
