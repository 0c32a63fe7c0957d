package org.crossdesk.notifications.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.AlertAmended;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.referral.FugitiveDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class InboxMessageRendererTest {

    private final InboxMessageRenderer renderer = InboxMessageRenderer.standard();

    static Stream<InboxMessage> everyKind() {
        return ExampleEvents.inboxMessages().stream();
    }

    private JsonNode render(InboxMessage message) {
        return renderer.mapper().readTree(renderer.renderJson(ExampleEvents.RECIPIENT, message));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyKindHasTheEnvelopeAndExactlyOneMemberNamedAfterItsKind(InboxMessage message) {
        JsonNode json = render(message);
        String kind = MessageFacts.of(message).kind().name();
        List<String> members = List.of(
                "alert", "alertAmended", "alertWithdrawn", "submissionReceipt", "recipientResponse", "deadlineNotice");

        assertThat(json.get("kind").asString()).isEqualTo(kind);
        assertThat(json.get("messageId").asString())
                .isEqualTo(message.getMetadata().getEventId());
        assertThat(json.get("deskId").asString()).isEqualTo(ExampleEvents.RECIPIENT);
        assertThat(json.get("occurredAt").asString())
                .isEqualTo(message.getMetadata().getOccurredAt().toString());
        assertThat(members.stream().filter(json::has))
                .singleElement()
                .satisfies(
                        member -> assertThat(member.replaceAll("([A-Z])", "_$1").toUpperCase())
                                .isEqualTo(kind));
    }

    @Test
    void anAlertCarriesTheReferralContentWithIsoTimesAndDates() {
        InboxMessage message = ExampleEvents.inboxMessages().get(0);
        Alert alert = (Alert) message.getMessage();
        FugitiveDetails details = (FugitiveDetails) alert.getSubmission().getDetails();
        JsonNode json = render(message).get("alert");

        assertThat(json.get("ackDueAt").asString())
                .isEqualTo(alert.getAckDueAt().toString())
                .endsWith("Z");
        assertThat(json.get("priority").asString())
                .isEqualTo(alert.getPriority().name());
        assertThat(json.get("handling").get("code").asString())
                .isEqualTo(alert.getHandling().getCode().name());
        JsonNode submission = json.get("submission");
        assertThat(submission.has("drugTrafficking")).isFalse();
        JsonNode warrant = submission.get("fugitive").get("warrants").get(0);
        assertThat(warrant.get("reference").asString())
                .isEqualTo(details.getWarrants().get(0).getReference());
        assertThat(warrant.get("issuedOn").asString())
                .isEqualTo(details.getWarrants().get(0).getIssuedOn().toString());
        JsonNode subject = submission.get("subjects").get(0);
        assertThat(subject.get("dateOfBirth").asString())
                .isEqualTo(alert.getSubmission()
                        .getSubjects()
                        .get(0)
                        .getDateOfBirth()
                        .toString());
        assertThat(subject.get("names").get(0).get("familyName").asString())
                .isEqualTo(alert.getSubmission()
                        .getSubjects()
                        .get(0)
                        .getNames()
                        .get(0)
                        .getFamilyName());
    }

    @Test
    void noAvroInternalsLeak() {
        String json = renderer.renderJson(
                ExampleEvents.RECIPIENT, ExampleEvents.inboxMessages().get(0));
        assertThat(json).doesNotContain("\"schema\"", "specificData", "org.crossdesk.events");
    }

    @Test
    void theOtherReferralTypesRenderTheirDetails() {
        InboxMessage drugs = InboxMessage.newBuilder(
                        ExampleEvents.inboxMessages().get(1))
                .setMessage(AlertAmended.newBuilder(ExampleEvents.alertAmended())
                        .setSubmission(ExampleEvents.drugTraffickingSubmission())
                        .build())
                .build();
        InboxMessage terrorism = InboxMessage.newBuilder(
                        ExampleEvents.inboxMessages().get(1))
                .setMessage(AlertAmended.newBuilder(ExampleEvents.alertAmended())
                        .setSubmission(ExampleEvents.counterTerrorismSubmission())
                        .build())
                .build();

        assertThat(render(drugs)
                        .get("alertAmended")
                        .get("submission")
                        .get("drugTrafficking")
                        .get("route")
                        .get("originCountry")
                        .isString())
                .isTrue();
        assertThat(render(terrorism)
                        .get("alertAmended")
                        .get("submission")
                        .get("counterTerrorism")
                        .get("threatType")
                        .asString())
                .isNotBlank();
    }
}
