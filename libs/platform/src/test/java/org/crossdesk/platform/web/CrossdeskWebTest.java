package org.crossdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.crossdesk.platform.kafka.CrossdeskKafkaAutoConfiguration;
import org.crossdesk.platform.security.AcceptsAccessTokenParameter;
import org.crossdesk.platform.security.ApiKeys;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shared HTTP conventions, exercised over real HTTP against a real embedded server. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crossdesk.http.max-body-bytes=200")
class CrossdeskWebTest {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add(
                "crossdesk.http.api-keys",
                () -> ApiKeys.hash("fr-key") + " FR-OCRTIS DESK FR-OCRTIS;" + ApiKeys.hash("admin-key") + " ops ADMIN;"
                        + ApiKeys.hash("watch-key") + " watch SUPERVISOR");
    }

    @Configuration
    @EnableAutoConfiguration(
            exclude = CrossdeskKafkaAutoConfiguration.class,
            excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
    static class App {
        @RestController
        static class Echo {
            record Sample(
                    @NotBlank String deskReference,
                    @Positive int count) {}

            @PostMapping("/api/v1/echo")
            Map<String, Object> echo(Caller caller, @Valid @RequestBody Sample sample) {
                return Map.of("desk", caller.requireDesk(), "reference", sample.deskReference());
            }

            @PostMapping("/api/v1/admin-only")
            Map<String, Object> adminOnly(Caller caller) {
                caller.require(Role.ADMIN);
                return Map.of("ok", true);
            }

            @PostMapping("/api/v1/rule")
            Map<String, Object> rule(Caller caller) {
                throw ProblemException.businessRule(List.of(new FieldViolation(
                        "warrants[0].maximumPenaltyMonths", "below-threshold", "at least 24 months")));
            }

            @GetMapping("/api/v1/whoami")
            Map<String, Object> whoami(Caller caller) {
                return Map.of("name", caller.name());
            }

            @AcceptsAccessTokenParameter
            @GetMapping("/api/v1/desks/{desk}/stream")
            Map<String, Object> stream(Caller caller) {
                return Map.of("name", caller.name());
            }

            @GetMapping("/api/v1/broken")
            Map<String, Object> broken(Caller caller) {
                throw new IllegalStateException("internal detail that must not leak");
            }
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String key, String contentType, BodyPublisher body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(body);
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String key, String json) throws Exception {
        return post(path, key, "application/json", BodyPublishers.ofString(json));
    }

    @Test
    void metricsAreForSupervisorsAndAdministratorsOnlyAndHealthForAnyone() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> desk = get("/actuator/prometheus", "fr-key");
        assertThat(desk.statusCode()).isEqualTo(403);
        assertThat(desk.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        HttpResponse<String> supervisor = get("/actuator/prometheus", "watch-key");
        assertThat(supervisor.statusCode()).isEqualTo(200);
        assertThat(supervisor.body()).contains("jvm_memory_used_bytes");
        assertThat(get("/actuator/prometheus", "admin-key").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anAuthenticatedDeskIsKnownByItsKey() throws Exception {
        HttpResponse<String> r = postJson("/api/v1/echo", "fr-key", "{\"deskReference\":\"FR-2026-1\",\"count\":1}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"desk\":\"FR-OCRTIS\"").contains("FR-2026-1");
    }

    @Test
    void aMissingOrWrongKeyIs401ProblemWithAChallenge() throws Exception {
        for (String key : new String[] {null, "wrong"}) {
            HttpResponse<String> r = postJson("/api/v1/echo", key, "{}");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"crossdesk\"");
            assertThat(r.body()).contains("\"status\":401");
        }
    }

    @Test
    void everyInvalidFieldIsListed() throws Exception {
        HttpResponse<String> r = postJson("/api/v1/echo", "fr-key", "{\"deskReference\":\" \",\"count\":0}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body())
                .contains("\"field\":\"deskReference\"")
                .contains("\"field\":\"count\"")
                .contains("urn:crossdesk:problem:validation");
    }

    @Test
    void malformedJsonIs400Problem() throws Exception {
        HttpResponse<String> r = postJson("/api/v1/echo", "fr-key", "{\"deskReference\":");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"code\":\"unreadable\"");
    }

    @Test
    void oversizedBodiesAre413WhetherAnnouncedOrChunked() throws Exception {
        String big = "{\"deskReference\":\"" + "x".repeat(300) + "\",\"count\":1}";
        HttpResponse<String> announced = postJson("/api/v1/echo", "fr-key", big);
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(announced.body()).contains("urn:crossdesk:problem:payload-too-large");

        HttpResponse<String> chunked = post(
                "/api/v1/echo",
                "fr-key",
                "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())));
        assertThat(chunked.statusCode()).isEqualTo(413);

        HttpResponse<String> smallChunked = post(
                "/api/v1/echo",
                "fr-key",
                "application/json",
                BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{\"deskReference\":\"a\",\"count\":2}".getBytes())));
        assertThat(smallChunked.statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongMediaTypeIs415Problem() throws Exception {
        HttpResponse<String> r = post("/api/v1/echo", "fr-key", "text/plain", BodyPublishers.ofString("hello"));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void aDeskMayNotUseAnAdminEndpointAndAnAdminIsNoDesk() throws Exception {
        assertThat(postJson("/api/v1/admin-only", "fr-key", "{}").statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/admin-only", "admin-key", "{}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> adminAsDesk =
                postJson("/api/v1/echo", "admin-key", "{\"deskReference\":\"a\",\"count\":2}");
        assertThat(adminAsDesk.statusCode()).isEqualTo(403);
        assertThat(adminAsDesk.body()).contains("urn:crossdesk:problem:forbidden");
    }

    @Test
    void aBrokenBusinessRuleIs422WithTheField() throws Exception {
        HttpResponse<String> r = postJson("/api/v1/rule", "fr-key", "{}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("warrants[0].maximumPenaltyMonths").contains("below-threshold");
    }

    private HttpResponse<String> get(String pathAndQuery, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    @Test
    void aQueryParameterKeyCountsOnlyOnAnEndpointMarkedForIt() throws Exception {
        HttpResponse<String> stream = get("/api/v1/desks/FR-OCRTIS/stream?access_token=fr-key", null);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).contains("FR-OCRTIS");

        HttpResponse<String> elsewhere = get("/api/v1/whoami?access_token=fr-key", null);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(elsewhere.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(elsewhere.body()).contains("urn:crossdesk:problem:unauthorized");
        // The header still works there, and a stray query-parameter key does not get in its way.
        assertThat(get("/api/v1/whoami?access_token=wrong", "fr-key").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUncaughtExceptionIs500ProblemWithoutItsMessage() throws Exception {
        HttpResponse<String> r = get("/api/v1/broken", "fr-key");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains("urn:crossdesk:problem:http-500").doesNotContain("internal detail");
    }

    @Test
    void theErrorFallbackIsProblemJsonEvenForABrowser() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).doesNotContain("<html");
    }

    /** Requests the JDK client refuses to send, so written to a raw socket; Tomcat refuses them itself. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /api/v1/echo%zz HTTP/1.1", // bad %-encoding in the path
                "GET /api/v1/{echo} HTTP/1.1", // characters not allowed in a request target
                "GET /api/v1/whoami?q=%zz&x=\"<> HTTP/1.1", // a query string with bad encoding and illegal characters
                "GET /api/v1/whoami HTTP/1.1\r\nBad Header: x", // a space in a header name
                "GET /api/v1/whoami HTTP/1.1\r\nX-Long: {70000 characters}", // over the header size limit
                "GET /../../etc/passwd HTTP/1.1", // a path leaving the root
                "GET /api/v1/whoami?q=%zz HTTP/1.1", // bad encoding alone: the parameter is dropped (406 here:
                // text/html)
            })
    void malformedRequestsAreProblemJsonNeverHtmlNever5xx(String head) throws Exception {
        String request = head.replace("{70000 characters}", "x".repeat(70_000));
        RawResponse r = raw(request + "\r\nHost: localhost\r\nAuthorization: Bearer fr-key\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(r.status()).as(r.text()).isBetween(400, 499);
        assertThat(r.header("content-type")).as(r.text()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContainIgnoringCase("<html").contains("\"status\":" + r.status());
    }

    private record RawResponse(String text) {
        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        String header(String name) {
            for (String line : text.substring(0, headEnd()).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }

        String body() {
            return text.substring(headEnd());
        }

        private int headEnd() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text.length() : end + 4;
        }
    }

    private RawResponse raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new RawResponse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }
}
