package org.crossdesk.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crossdesk.events.Topics;
import org.crossdesk.events.audit.AuditDecision;
import org.crossdesk.events.audit.AuditEvent;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.referral.ReferralAmended;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertDelivered;
import org.crossdesk.events.response.ResponseEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP gateway over real HTTP: every answer, success and refusal, with what it leaves on the topics.
 * Desks FR-BNRF (issuer), DE-BKA and ES-CNP (recipients once routed) and IT-SCO (a stranger) hold API keys.
 */
class HttpApiTest extends IntakeServiceTest {

    private static final String ISSUER = "FR-BNRF";
    private static final String RECIPIENT = "DE-BKA";
    private static final String STRANGER = "IT-SCO";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    // ----------------------------------------------------------------------------------------- submissions

    @Test
    void aSubmissionIsAnswered202AfterKafkaHasItWithTheIdTheOutboxConsumerAssigns() {
        String reference = Desks.reference();

        HttpResponse<String> response = post("/api/v1/referrals", ISSUER, referral(reference));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json(response);
        String referralId = body.get("referralId").asString();
        assertThat(referralId).matches("CD-\\d{4}-FR-BNRF-\\d+-\\d{6,}");
        assertThat(body.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(body.get("links").get("self").asString()).isEqualTo("/api/v1/referrals/" + referralId);
        assertThat(body.get("links").get("amendments").asString())
                .isEqualTo("/api/v1/referrals/" + referralId + "/amendments");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/referrals/" + referralId);
        assertThat(awaitLifecycle(referralId, ReferralSubmitted.class, 1))
                .singleElement()
                .satisfies(s -> assertThat(s.getSubmission().getDeskReference()).isEqualTo(reference));
        assertThat(awaitReceipt(ISSUER, r -> reference.equals(r.getDeskReference()))
                        .getReferralId())
                .isEqualTo(referralId);
    }

    @Test
    void aResubmissionOfTheSameContentIsAnswered200WithTheSameIdBeforeAndAfterProcessing() {
        String reference = Desks.reference();
        HttpResponse<String> first = post("/api/v1/referrals", ISSUER, referral(reference));
        String referralId = json(first).get("referralId").asString();

        HttpResponse<String> immediately = post("/api/v1/referrals", ISSUER, referral(reference));
        awaitLifecycle(referralId, ReferralSubmitted.class, 1);
        HttpResponse<String> later = post("/api/v1/referrals", ISSUER, referral(reference));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(immediately.statusCode()).isEqualTo(200);
        assertThat(json(immediately).get("referralId").asString()).isEqualTo(referralId);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(json(later).get("referralId").asString()).isEqualTo(referralId);
        assertThat(json(later).get("status").asString()).isIn("SUBMITTED", "ROUTED");
        assertThat(lifecycleNow(referralId, ReferralSubmitted.class)).hasSize(1);
    }

    @Test
    void theIdempotencyKeyServesAsDeskReferenceAndMustMatchOne() {
        String key = Desks.reference();
        ObjectNode withoutReference = referral(null);
        withoutReference.remove("deskReference");

        HttpResponse<String> accepted = send(request("/api/v1/referrals", ISSUER)
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(body(withoutReference))
                .build());
        HttpResponse<String> mismatch = send(request("/api/v1/referrals", ISSUER)
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(body(referral(Desks.reference())))
                .build());

        assertThat(accepted.statusCode()).isEqualTo(202);
        String referralId = json(accepted).get("referralId").asString();
        assertThat(awaitLifecycle(referralId, ReferralSubmitted.class, 1)
                        .get(0)
                        .getSubmission()
                        .getDeskReference())
                .isEqualTo(key);
        assertProblem(mismatch, 400, "IDEMPOTENCY_KEY_MISMATCH", "deskReference");
    }

    @Test
    void aDifferentSubmissionUnderAUsedReferenceIs409() {
        String reference = Desks.reference();
        post("/api/v1/referrals", ISSUER, referral(reference));
        ObjectNode different = referral(reference).put("summary", "Another case under the same reference");

        HttpResponse<String> response = post("/api/v1/referrals", ISSUER, different);

        assertProblem(response, 409, "DESK_REFERENCE_CONFLICT", "deskReference");
    }

    @Test
    void aBadRequestListsEveryFieldError() {
        ObjectNode bad = referral(Desks.reference());
        bad.remove("purpose");
        bad.put("priority", "SOON");
        ObjectNode subject = (ObjectNode) bad.get("subjects").get(0);
        ((ArrayNode) subject.get("nationalities")).add("Germany");
        ((ObjectNode) subject.get("names").get(0)).remove("familyName");
        ((ObjectNode) bad.get("details").get("warrants").get(0)).put("chargeLanguage", "french");
        ((ObjectNode) bad.get("details")).put("threatType", "ATTACK_PLANNING");

        HttpResponse<String> response = post("/api/v1/referrals", ISSUER, bad);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(errors(response))
                .containsExactlyInAnyOrder(
                        "REQUIRED@purpose",
                        "INVALID_VALUE@priority",
                        "INVALID_COUNTRY@subjects[0].nationalities[2]",
                        "REQUIRED@subjects[0].names[0].familyName",
                        "INVALID_LANGUAGE@details.warrants[0].chargeLanguage",
                        "DETAILS_TYPE_MISMATCH@details.threatType");
    }

    @Test
    void aWellFormedReferralBelowThePenaltyThresholdIs422() {
        ObjectNode minor = referral(Desks.reference());
        ((ObjectNode) minor.get("details").get("warrants").get(0)).put("maximumPenaltyMonths", 12);

        HttpResponse<String> response = post("/api/v1/referrals", ISSUER, minor);

        assertProblem(response, 422, "BELOW_PENALTY_THRESHOLD", "details.warrants[0].maximumPenaltyMonths");
    }

    @Test
    void withoutAValidKeyTheAnswerIs401() {
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/api/v1/referrals"))
                .header("Content-Type", "application/json")
                .POST(body(referral(Desks.reference())))
                .build());
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/api/v1/referrals/CD-2026-FR-BNRF-0-000001"))
                .header("Authorization", "Bearer key-of-nobody")
                .GET()
                .build());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void aDeskCannotSubmitForAnotherDesk() {
        ObjectNode forGermany = referral(Desks.reference()).put("issuingDesk", RECIPIENT);

        assertProblem(post("/api/v1/referrals", ISSUER, forGermany), 403, "DESK_MISMATCH", "issuingDesk");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        ObjectNode huge = referral(Desks.reference()).put("summary", "x".repeat(100_000));

        assertThat(post("/api/v1/referrals", ISSUER, huge).statusCode()).isEqualTo(413);
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        HttpResponse<String> response = send(request("/api/v1/referrals", ISSUER)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Please arrest him"))
                .build());

        assertThat(response.statusCode()).isEqualTo(415);
    }

    // -------------------------------------------------------------------------------------- reading status

    @Test
    void theIssuerAndTheRecipientsReadTheStatusOthersAreRefusedAndEveryReadIsAudited() {
        String referralId = submittedAndRouted();
        writeResponse(
                referralId,
                AlertDelivered.newBuilder(ExampleEvents.alertDelivered())
                        .setReferralId(referralId)
                        .setAlertId(referralId + "/" + RECIPIENT)
                        .setRecipientDesk(RECIPIENT)
                        .build());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = json(get("/api/v1/referrals/" + referralId, ISSUER));
            assertThat(status.get("status").asString()).isEqualTo("ROUTED");
            assertThat(recipientStates(status)).containsExactlyInAnyOrder("DE-BKA=DELIVERED", "ES-CNP=ROUTED");
        });
        HttpResponse<String> byRecipient = get("/api/v1/referrals/" + referralId, RECIPIENT);
        HttpResponse<String> byStranger = get("/api/v1/referrals/" + referralId, STRANGER);
        HttpResponse<String> bySupervisor = send(HttpRequest.newBuilder(uri("/api/v1/referrals/" + referralId))
                .header("Authorization", "Bearer " + Desks.SUPERVISOR_KEY)
                .GET()
                .build());
        HttpResponse<String> unknown = get("/api/v1/referrals/CD-2026-FR-BNRF-2-999999", ISSUER);

        assertThat(byRecipient.statusCode()).isEqualTo(200);
        assertThat(json(byRecipient).get("issuingDesk").asString()).isEqualTo(ISSUER);
        assertProblem(byStranger, 403, "NOT_RECIPIENT", "referralId");
        assertThat(bySupervisor.statusCode()).isEqualTo(200);
        assertProblem(unknown, 404, "UNKNOWN_REFERRAL", "referralId");
        List<AuditEvent> audits =
                probe(Topics.AUDIT)
                        .awaitRecords(records -> auditsOf(records, referralId).size() >= 4)
                        .stream()
                        .filter(r -> r.value() instanceof AuditEvent a
                                && a.getResourceId().equals(referralId))
                        .map(r -> (AuditEvent) r.value())
                        .toList();
        assertThat(audits).anySatisfy(a -> {
            assertThat(a.getActorDesk()).isEqualTo(STRANGER);
            assertThat(a.getDecision()).isEqualTo(AuditDecision.DENIED);
        });
        assertThat(audits).anySatisfy(a -> {
            assertThat(a.getActorDesk()).isEqualTo(RECIPIENT);
            assertThat(a.getDecision()).isEqualTo(AuditDecision.ALLOWED);
        });
    }

    // ---------------------------------------------------------------------------- amendments, withdrawal

    @Test
    void theIssuerAmendsAndWithdrawsOthersMayNotAndAWithdrawnReferralTakesNoAmendment() {
        String referralId = submitted();
        ObjectNode amendment = JSON.createObjectNode().put("reason", "New sighting in Alicante");
        amendment.set("submission", referral(null).put("summary", "Seen in Alicante on 3 March"));

        HttpResponse<String> byStranger = post("/api/v1/referrals/" + referralId + "/amendments", STRANGER, amendment);
        HttpResponse<String> unknown = post("/api/v1/referrals/CD-2026-FR-BNRF-1-888888/amendments", ISSUER, amendment);
        HttpResponse<String> amended = post("/api/v1/referrals/" + referralId + "/amendments", ISSUER, amendment);
        HttpResponse<String> withdrawn = post(
                "/api/v1/referrals/" + referralId + "/withdrawal",
                ISSUER,
                JSON.createObjectNode().put("reason", "Subject surrendered"));
        awaitLifecycle(referralId, ReferralWithdrawn.class, 1);
        HttpResponse<String> late = post("/api/v1/referrals/" + referralId + "/amendments", ISSUER, amendment);

        assertProblem(byStranger, 403, "NOT_ISSUER", "referralId");
        assertProblem(unknown, 404, "UNKNOWN_REFERRAL", "referralId");
        assertThat(amended.statusCode()).isEqualTo(202);
        assertThat(withdrawn.statusCode()).isEqualTo(202);
        assertThat(awaitLifecycle(referralId, ReferralAmended.class, 1))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.getVersion()).isEqualTo(2);
                    assertThat(a.getSubmission().getSummary()).isEqualTo("Seen in Alicante on 3 March");
                });
        assertProblem(late, 409, "REFERRAL_WITHDRAWN", "referralId");
    }

    @Test
    void anAmendmentIsValidatedLikeASubmission() {
        String referralId = submitted();
        ObjectNode amendment = JSON.createObjectNode().put("reason", "");
        ObjectNode version = referral(null);
        ((ObjectNode) version.get("details").get("warrants").get(0)).put("issuedOn", "2999-01-01");
        amendment.set("submission", version);

        HttpResponse<String> response = post("/api/v1/referrals/" + referralId + "/amendments", ISSUER, amendment);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(response))
                .containsExactlyInAnyOrder("REQUIRED@reason", "FUTURE_DATE@submission.details.warrants[0].issuedOn");
    }

    // --------------------------------------------------------------------------------------- responses

    @Test
    void aRecipientAcknowledgesItsAlertOnceAndReportsActionStrangersMayNot() {
        String referralId = submittedAndRouted();
        String alert = "/api/v1/alerts/" + referralId + "/" + RECIPIENT;
        ObjectNode ack =
                JSON.createObjectNode().put("acknowledgedBy", "de-bka.duty.3").put("note", "On it");

        HttpResponse<String> acknowledged = post(alert + "/acknowledgement", RECIPIENT, ack);
        HttpResponse<String> strangerOnOwnPath =
                post("/api/v1/alerts/" + referralId + "/" + STRANGER + "/acknowledgement", STRANGER, ack);
        HttpResponse<String> strangerOnRecipientsPath = post(alert + "/acknowledgement", STRANGER, ack);
        HttpResponse<String> badOutcome = post(
                alert + "/actions",
                RECIPIENT,
                JSON.createObjectNode().put("outcome", "ARRESTED_MAYBE").put("details", "?"));
        HttpResponse<String> actioned = post(
                alert + "/actions",
                RECIPIENT,
                JSON.createObjectNode().put("outcome", "ACTION_TAKEN").put("details", "Subject arrested in Cologne"));

        assertThat(acknowledged.statusCode()).isEqualTo(202);
        assertProblem(strangerOnOwnPath, 403, "NOT_RECIPIENT", "alertId");
        assertProblem(strangerOnRecipientsPath, 403, "DESK_MISMATCH", "alertId");
        assertProblem(badOutcome, 400, "INVALID_VALUE", "outcome");
        assertThat(actioned.statusCode()).isEqualTo(202);
        List<Object> responses = probe(Topics.REFERRALS_RESPONSES)
                .awaitRecords(rs ->
                        rs.stream().filter(r -> referralId.equals(r.key())).count() >= 2)
                .stream()
                .filter(r -> referralId.equals(r.key()))
                .map(r -> ((ResponseEvent) r.value()).getEvent())
                .toList();
        assertThat(responses)
                .hasSize(2)
                .first()
                .isInstanceOfSatisfying(
                        AlertAcknowledged.class,
                        a -> assertThat(a.getAcknowledgedBy()).isEqualTo("de-bka.duty.3"));

        HttpResponse<String> again = post(alert + "/acknowledgement", RECIPIENT, ack);
        assertThat(again.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(recipientStates(json(get("/api/v1/referrals/" + referralId, ISSUER))))
                        .contains("DE-BKA=ACTIONED"));
    }

    // ----------------------------------------------------------------------------------------- OpenAPI

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).get("paths");
        assertThat(paths.has("/api/v1/referrals")).isTrue();
        assertThat(paths.has("/api/v1/referrals/{referralId}")).isTrue();
        assertThat(paths.has("/api/v1/alerts/{referralId}/{recipientDesk}/acknowledgement"))
                .isTrue();
    }

    @Test
    void healthIsUpOnceTheCaseViewHasReplayedTheTopics() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asString()).isEqualTo("UP");
    }

    // ----------------------------------------------------------------------------------------- helpers

    private String submitted() {
        HttpResponse<String> response = post("/api/v1/referrals", ISSUER, referral(Desks.reference()));
        assertThat(response.statusCode()).isEqualTo(202);
        String referralId = json(response).get("referralId").asString();
        awaitLifecycle(referralId, ReferralSubmitted.class, 1);
        return referralId;
    }

    /** Submitted over HTTP and routed (as routing would) to DE-BKA and ES-CNP. */
    private String submittedAndRouted() {
        String referralId = submitted();
        writeLifecycle(
                referralId,
                ReferralRouted.newBuilder(ExampleEvents.referralRouted())
                        .setReferralId(referralId)
                        .setIssuingDesk(ISSUER)
                        .build());
        return referralId;
    }

    private ObjectNode referral(String reference) {
        try (InputStream in = getClass().getResourceAsStream("/referrals/fugitive.json")) {
            ObjectNode node = (ObjectNode) JSON.readTree(in);
            if (reference != null) {
                node.put("deskReference", reference);
            }
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String desk) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Desks.keyOf(desk));
    }

    private HttpResponse<String> post(String path, String desk, JsonNode body) {
        return send(request(path, desk)
                .header("Content-Type", "application/json")
                .POST(body(body))
                .build());
    }

    private HttpResponse<String> get(String path, String desk) {
        return send(request(path, desk)
                .header("X-Purpose", "Locate the subject")
                .GET()
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher body(JsonNode json) {
        return HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The problem's errors as {@code CODE@field}. */
    private static List<String> errors(HttpResponse<String> response) {
        List<String> errors = new ArrayList<>();
        JsonNode list = json(response).get("errors");
        if (list != null) {
            list.forEach(e -> errors.add(e.get("code").asString() + "@"
                    + (e.get("field").isNull() ? null : e.get("field").asString())));
        }
        return errors;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(errors(response)).contains(code + "@" + field);
    }

    private static List<String> recipientStates(JsonNode status) {
        List<String> states = new ArrayList<>();
        status.get("recipients")
                .forEach(r -> states.add(
                        r.get("desk").asString() + "=" + r.get("state").asString()));
        return states;
    }

    private static List<AuditEvent> auditsOf(List<ConsumerRecord<String, Object>> records, String referralId) {
        return records.stream()
                .filter(r ->
                        r.value() instanceof AuditEvent a && a.getResourceId().equals(referralId))
                .map(r -> (AuditEvent) r.value())
                .toList();
    }
}
