package org.crossdesk.routing.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.crossdesk.events.Topics;
import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditDecision;
import org.crossdesk.events.audit.AuditEvent;
import org.crossdesk.events.directory.DeskProfile;
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

/** The admin API over HTTP on the running service: who may change the directory, what it checks, what it writes. */
@RoutingServiceTest
class DirectoryApiTest {

    private static final String ADMIN = "demo-admin";

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void serviceIsRouting() {
        Ready.awaitRouting(listeners);
    }

    @Autowired
    DirectoryService directory;

    private Http http() {
        return new Http(port);
    }

    private static String desk(String id, String types, boolean central) {
        return """
        {"deskId": "%s", "agencyName": "Synthetic unit %s", "referralTypes": [%s], "nationalCentralDesk": %s,
         "escalationContact": {"name": "Duty officer", "email": "duty@%s.crossdesk.example", "phone": "+99900011122"}}
        """.formatted(id, id, types, central, id.toLowerCase());
    }

    @Test
    void anAdminRegistersADeskWhichGetsItsTopicsAndIsPublishedOnTheDirectoryTopic() throws Exception {
        Http.Response created =
                http().post("/api/v1/directory/desks", ADMIN, desk("PT-GNR", "\"DRUG_TRAFFICKING\"", false));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("country").asString()).isEqualTo("PT");
        assertThat(created.body().path("active").asBoolean()).isTrue();
        assertThat(http().get("/api/v1/directory/desks/PT-GNR", "demo-FR-OCRTIS")
                        .status())
                .isEqualTo(200);
        try (Admin admin = Admin.create(Kafka.settings().admin())) {
            assertThat(admin.listTopics().names().get())
                    .contains(
                            Topics.deskInboxName("PT-GNR"),
                            Topics.deskOutboxName("PT-GNR"),
                            Topics.deskInboxName("PT-GNR") + "-dlt");
        }
        assertThat(CrossdeskEvents.values(Topics.DIRECTORY_DESKS, "PT-GNR"))
                .last()
                .isInstanceOfSatisfying(
                        DeskProfile.class,
                        profile -> assertThat(profile.getAgencyName()).isEqualTo("Synthetic unit PT-GNR"));
        awaitAudit("admin", AuditAction.UPDATE_DESK, "PT-GNR", AuditDecision.ALLOWED);
    }

    @Test
    void aDeskThatIsNotAnAdminIsRefusedAndTheAttemptIsAudited() {
        Http.Response refused =
                http().post("/api/v1/directory/desks", "demo-FR-OCRTIS", desk("FR-XYZ", "\"FUGITIVE\"", false));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(directory.directory().desk("FR-XYZ")).isEmpty();
        awaitAudit("FR-OCRTIS", AuditAction.UPDATE_DESK, "FR-XYZ", AuditDecision.DENIED);
    }

    @Test
    void anInvalidDeskIsRefusedListingEveryField() {
        Http.Response refused = http().post("/api/v1/directory/desks", ADMIN, """
        {"deskId": "pt-gnr", "agencyName": "", "referralTypes": ["FUGITIVE", "SHOPLIFTING"],
         "escalationContact": {"name": "Duty", "email": "nope"}}
        """);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()
                        .path("errors")
                        .valueStream()
                        .map(error -> error.path("field").asString())
                        .toList())
                .containsExactlyInAnyOrder("deskId", "agencyName", "referralTypes[1]", "escalationContact.email");
    }

    @Test
    void duplicatesConflictAndASecondCentralDeskBreaksARule() {
        assertThat(http().post("/api/v1/directory/desks", ADMIN, desk("DE-BKA", "\"FUGITIVE\"", true))
                        .status())
                .isEqualTo(409);
        Http.Response second = http().post("/api/v1/directory/desks", ADMIN, desk("DE-LKA", "\"FUGITIVE\"", true));
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.body().path("errors").get(0).path("code").asString()).isEqualTo("CENTRAL_DESK_EXISTS");
        assertThat(http().put("/api/v1/directory/desks/XX-NOPE", ADMIN, desk("XX-NOPE", "\"FUGITIVE\"", false))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void deactivatingADeskKeepsItListedButInactive() {
        http().post("/api/v1/directory/desks", ADMIN, desk("BE-CGSU", "\"COUNTER_TERRORISM\"", false));

        Http.Response deactivated = http().delete("/api/v1/directory/desks/BE-CGSU", ADMIN);

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().path("active").asBoolean()).isFalse();
        assertThat(directory.directory().desk("BE-CGSU"))
                .hasValueSatisfying(desk -> assertThat(desk.getActive()).isFalse());
    }

    @Test
    void agreementsAreCreatedUpdatedAndSuspendedByAdmins() {
        String agreement = """
        {"agreementId": "BILAT-PT-CO-DRUGS", "name": "Portugal-Colombia drug cooperation (synthetic)",
         "countries": ["PT", "CO"], "crimeAreas": ["DRUG_TRAFFICKING"],
         "legalBasis": {"type": "BILATERAL_AGREEMENT", "reference": "PT-CO-2020 (synthetic)"},
         "validFrom": "2020-01-01"}
        """;
        assertThat(http().post("/api/v1/directory/agreements", ADMIN, agreement).status())
                .isEqualTo(201);
        Http.Response updated = http().put(
                        "/api/v1/directory/agreements/BILAT-PT-CO-DRUGS",
                        ADMIN,
                        agreement.replace(
                                "\"validFrom\": \"2020-01-01\"",
                                "\"validFrom\": \"2020-01-01\", \"validTo\": \"2035-12-31\""));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("validTo").asString()).isEqualTo("2035-12-31");

        Http.Response suspended = http().delete("/api/v1/directory/agreements/BILAT-PT-CO-DRUGS", ADMIN);

        assertThat(suspended.body().path("active").asBoolean()).isFalse();
        assertThat(directory.directory().agreement("BILAT-PT-CO-DRUGS"))
                .hasValueSatisfying(stored -> assertThat(stored.getActive()).isFalse());
        Http.Response invalid = http().post(
                        "/api/v1/directory/agreements",
                        ADMIN,
                        "{\"agreementId\": \"X\", \"countries\": [\"PT\"], \"validFrom\": \"soon\"}");
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = invalid.body()
                .path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
        assertThat(fields).contains("agreementId", "name", "countries", "crimeAreas", "legalBasis", "validFrom");
    }

    @Test
    void anyAuthenticatedCallerReadsTheDirectoryAndAnonymousCallersAreRefused() {
        JsonNode desks = http().get("/api/v1/directory/desks", "demo-TH-RTP").body();
        assertThat(desks.size()).isGreaterThanOrEqualTo(50);
        assertThat(http().get("/api/v1/directory/agreements", "demo-auditor")
                        .body()
                        .size())
                .isGreaterThanOrEqualTo(20);
        assertThat(http().get("/api/v1/directory/desks", null).status()).isEqualTo(401);
    }

    private static void awaitAudit(String actor, AuditAction action, String resource, AuditDecision decision) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> CrossdeskEvents.values(Topics.AUDIT, actor).stream()
                        .map(AuditEvent.class::cast)
                        .anyMatch(event -> event.getAction() == action
                                && event.getResourceId().equals(resource)
                                && event.getDecision() == decision));
    }
}
