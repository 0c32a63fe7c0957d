package org.crossdesk.dashboard.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.events.Topics;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.platform.security.ApiKeys;
import org.crossdesk.testsupport.CrossdeskKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running dashboard on the shared real broker and real registry, for tests that publish events and
 * look at what the service shows. Every subclass shares one application context (same configuration),
 * so the service starts once per test JVM; tests isolate themselves by countries and desks of their own.
 */
@CrossdeskKafka
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"crossdesk.dashboard.push-interval=200ms", "crossdesk.dashboard.progress-log-interval=1s"})
abstract class LiveDashboard {

    static final String SUPERVISOR_KEY = "test-supervisor-key";
    static final String AUDITOR_KEY = "test-auditor-key";
    static final String DESK_KEY = "test-desk-key";

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        registry.add(
                "crossdesk.http.api-keys",
                () -> String.join(
                        ";",
                        ApiKeys.hash(SUPERVISOR_KEY) + " sup.one SUPERVISOR",
                        ApiKeys.hash(AUDITOR_KEY) + " aud.one AUDITOR",
                        ApiKeys.hash(DESK_KEY) + " FR-BNRF DESK FR-BNRF"));
    }

    /** Publishes each event on the topic that carries its type, keyed by referral id, and waits for the acks. */
    void publish(SpecificRecord... events) {
        for (SpecificRecord event : events) {
            if (event instanceof ReferralEvent e) {
                kafka.send(Topics.REFERRALS_LIFECYCLE, e.getMetadata().getCorrelationId(), e);
            } else if (event instanceof ResponseEvent e) {
                kafka.send(Topics.REFERRALS_RESPONSES, e.getMetadata().getCorrelationId(), e);
            } else if (event instanceof DeadlineBreached e) {
                kafka.send(Topics.DEADLINES_BREACHES, e.getReferralId(), e);
            } else {
                throw new IllegalArgumentException("not a dashboard source event: " + event.getClass());
            }
        }
        kafka.flush();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
