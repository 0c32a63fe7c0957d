package org.crossdesk.routing.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crossdesk.routing.testing.Submissions.fugitive;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditDecision;
import org.crossdesk.events.audit.AuditEvent;
import org.crossdesk.routing.testing.Http;
import org.crossdesk.routing.testing.Kafka;
import org.crossdesk.routing.testing.Ready;
import org.crossdesk.routing.testing.RoutingServiceTest;
import org.crossdesk.testsupport.CrossdeskEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;

/** Explain and preview over HTTP on the running service. */
@RoutingServiceTest
class RoutingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void serviceIsRouting() {
        Ready.awaitRouting(listeners);
    }

    @Test
    void theIssuerAndAdminsReadWhyAReferralWentWhereItWentAndOthersAreRefusedEveryReadAudited() {
        String referralId = Kafka.newReferralId();
        Kafka.submitted(
                referralId,
                fugitive("FR-BNRF")
                        .subject("DE")
                        .seenIn("TH")
                        .excluded("TH-RTP")
                        .build());
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        http.get("/api/v1/routing/" + referralId, "demo-admin").status() == 200);

        Http.Response issuer = http.get("/api/v1/routing/" + referralId, "demo-FR-BNRF");
        Http.Response recipient = http.get("/api/v1/routing/" + referralId, "demo-DE-BKA");

        assertThat(issuer.status()).isEqualTo(200);
        JsonNode germany = issuer.body().path("recipients").get(0);
        assertThat(germany.path("deskId").asString()).isEqualTo("DE-BKA");
        assertThat(germany.path("reasons").valueStream().map(JsonNode::asString).toList())
                .containsExactly("NATIONALITY");
        assertThat(germany.path("legalBasis").asString()).isEqualTo("AGREEMENT:EU-EAW");
        assertThat(germany.path("explanation").asString()).contains("a subject is a national of its country", "EU-EAW");
        JsonNode thailand = issuer.body().path("withheld").get(0);
        assertThat(thailand.path("deskId").asString()).isEqualTo("TH-RTP");
        assertThat(thailand.path("reason").asString()).isEqualTo("EXCLUDED_BY_ISSUER");
        assertThat(issuer.body().path("published").asBoolean()).isTrue();
        assertThat(recipient.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/routing/CD-NEVER-SEEN", "demo-admin").status())
                .isEqualTo(404);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> audited("FR-BNRF", referralId, AuditDecision.ALLOWED)
                        && audited("DE-BKA", referralId, AuditDecision.DENIED));
    }

    @Test
    void aPreviewDecidesWithoutPublishingAnything() throws Exception {
        Http http = new Http(port);
        List<Long> before = lifecycleEnds();

        Http.Response preview = http.post("/api/v1/routing/preview", "demo-FR-OCRTIS", """
        {"type": "DRUG_TRAFFICKING", "priority": "IMMEDIATE", "handling": {"code": "H2"},
         "summary": "ignored by routing", "subjects": [{"role": "ASSOCIATE", "nationalities": ["TH"]}],
         "details": {"route": {"originCountry": "EC", "transitCountries": ["ES"], "destinationCountry": "FR"},
                     "substances": [{"name": "cocaine", "quantity": 12.5, "unit": "KILOGRAM"}]}}
        """);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().path("published").asBoolean()).isFalse();
        assertThat(preview.body().path("issuingDesk").asString()).isEqualTo("FR-OCRTIS");
        assertThat(preview.body().path("onwardForwardingAllowed").asBoolean()).isFalse();
        assertThat(preview.body()
                        .path("recipients")
                        .valueStream()
                        .map(r -> r.path("deskId").asString())
                        .toList())
                .containsExactly("ES-CNP", "ES-GC");
        assertThat(preview.body()
                        .path("withheld")
                        .valueStream()
                        .map(w -> w.path("deskId").asString() + " "
                                + w.path("reason").asString())
                        .toList())
                .contains("EC-PN NO_AGREEMENT");
        assertThat(lifecycleEnds()).isEqualTo(before);
    }

    @Test
    void aDeskPreviewsOnlyAsItselfAndBadInputGetsEveryFieldNamed() {
        Http http = new Http(port);

        Http.Response other = http.post(
                "/api/v1/routing/preview", "demo-FR-OCRTIS", "{\"issuingDesk\": \"DE-BKA\", \"type\": \"FUGITIVE\"}");
        Http.Response invalid = http.post(
                "/api/v1/routing/preview",
                "demo-admin",
                "{\"issuingDesk\": \"nobody\", \"type\": \"GOSSIP\", \"priority\": \"SOON\", \"handling\": {\"code\": \"H9\"}}");

        assertThat(other.status()).isEqualTo(403);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString())
                        .toList())
                .containsExactlyInAnyOrder("issuingDesk", "type", "priority", "handling.code");
    }

    private static boolean audited(String actor, String referralId, AuditDecision decision) {
        return CrossdeskEvents.values(Topics.AUDIT, actor).stream()
                .map(AuditEvent.class::cast)
                .anyMatch(event -> event.getAction() == AuditAction.READ_REFERRAL
                        && event.getResourceId().equals(referralId)
                        && event.getDecision() == decision);
    }

    private static List<Long> lifecycleEnds() throws Exception {
        try (Admin admin = Admin.create(Kafka.settings().admin())) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int partition = 0; partition < Topics.REFERRALS_LIFECYCLE_TOPIC.partitions(); partition++) {
                request.put(new TopicPartition(Topics.REFERRALS_LIFECYCLE, partition), OffsetSpec.latest());
            }
            var offsets = admin.listOffsets(request).all().get();
            return IntStream.range(0, Topics.REFERRALS_LIFECYCLE_TOPIC.partitions())
                    .mapToObj(p -> offsets.get(new TopicPartition(Topics.REFERRALS_LIFECYCLE, p))
                            .offset())
                    .toList();
        }
    }
}
