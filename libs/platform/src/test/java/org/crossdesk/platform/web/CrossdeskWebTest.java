package org.crossdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.crossdesk.platform.kafka.CrossdeskKafkaAutoConfiguration;
import org.crossdesk.platform.security.ApiKeys;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shared HTTP conventions, exercised over real HTTP against a real embedded server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crossdesk.http.max-body-bytes=200")
class CrossdeskWebTest {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("crossdesk.http.api-keys", () -> ApiKeys.hash("fr-key") + " FR-OCRTIS DESK FR-OCRTIS;"
                + ApiKeys.hash("admin-key") + " ops ADMIN");
    }

    @Configuration
    @EnableAutoConfiguration(exclude = CrossdeskKafkaAutoConfiguration.class,
            excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
    static class App {
        @RestController
        static class Echo {
            record Sample(@NotBlank String deskReference, @Positive int count) {
            }

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
                throw ProblemException.businessRule(List.of(
                        new FieldViolation("warrants[0].maximumPenaltyMonths", "below-threshold", "at least 24 months")));
            }
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String key, String contentType, BodyPublisher body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).POST(body);
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
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"crossdesk\"");
            assertThat(r.body()).contains("\"status\":401");
        }
    }

    @Test
    void everyInvalidFieldIsListed() throws Exception {
        HttpResponse<String> r = postJson("/api/v1/echo", "fr-key", "{\"deskReference\":\" \",\"count\":0}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"field\":\"deskReference\"").contains("\"field\":\"count\"")
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

        HttpResponse<String> chunked = post("/api/v1/echo", "fr-key", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())));
        assertThat(chunked.statusCode()).isEqualTo(413);

        HttpResponse<String> smallChunked = post("/api/v1/echo", "fr-key", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{\"deskReference\":\"a\",\"count\":2}".getBytes())));
        assertThat(smallChunked.statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongMediaTypeIs415Problem() throws Exception {
        HttpResponse<String> r = post("/api/v1/echo", "fr-key", "text/plain", BodyPublishers.ofString("hello"));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void aDeskMayNotUseAnAdminEndpointAndAnAdminIsNoDesk() throws Exception {
        assertThat(postJson("/api/v1/admin-only", "fr-key", "{}").statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/admin-only", "admin-key", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> adminAsDesk = postJson("/api/v1/echo", "admin-key", "{\"deskReference\":\"a\",\"count\":2}");
        assertThat(adminAsDesk.statusCode()).isEqualTo(403);
        assertThat(adminAsDesk.body()).contains("urn:crossdesk:problem:forbidden");
    }

    @Test
    void aBrokenBusinessRuleIs422WithTheField() throws Exception {
        HttpResponse<String> r = postJson("/api/v1/rule", "fr-key", "{}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("warrants[0].maximumPenaltyMonths").contains("below-threshold");
    }
}
