package org.crossdesk.dashboard.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossdesk.dashboard.views.Replay.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.dashboard.testing.Wire;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.examples.ReferralStory;
import org.junit.jupiter.api.Test;

/** The views decode their topics through reader schemas that leave personal data out. */
class ViewSchemasTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");

    /** Fields that hold personal data or free text somewhere in the contract, as Record.field. */
    private static final Set<String> NEVER_DECODED = Set.of(
            "ReferralSubmission.subjects",
            "ReferralSubmission.summary",
            "ReferralSubmission.purpose",
            "ReferralSubmission.details",
            "ReferralSubmission.handling",
            "ReferralSubmission.deskReference",
            "ReferralSubmission.legalBasis",
            "ReferralSubmission.excludedDesks",
            "ReferralSubmission.evaluation",
            "ReferralRejected.deskReference",
            "RejectionReason.message",
            "RejectionReason.field",
            "ReferralAmended.reason",
            "ReferralWithdrawn.reason",
            "ReferralWithdrawn.withdrawnBy",
            "ReferralClosed.closedBy",
            "WithheldCandidate.detail",
            "RoutedRecipient.reasons",
            "AlertAcknowledged.acknowledgedBy",
            "AlertAcknowledged.note",
            "AlertActioned.details",
            "DeliveryFailed.lastError",
            "DeskProfile.escalationContact",
            "CooperationAgreement.name",
            "EventMetadata.producer");

    @Test
    void theReaderSchemasLeavePersonalDataAndFreeTextOut() {
        Set<String> decoded = new HashSet<>();
        for (String topic : OperationalPicture.sourceTopics()) {
            collect(ViewSchemas.forTopic(topic), decoded, new HashSet<>());
        }

        assertThat(decoded).isNotEmpty().doesNotContainAnyElementsOf(NEVER_DECODED);
        // Nothing of a person is reachable at all.
        assertThat(decoded)
                .noneMatch(f -> f.startsWith("Person.")
                        || f.startsWith("PersonName.")
                        || f.startsWith("IdentityDocument.")
                        || f.startsWith("Warrant.")
                        || f.startsWith("EscalationContact."));
        // And what the views need is there.
        assertThat(decoded)
                .contains(
                        "ReferralSubmission.issuingDesk",
                        "ReferralRouted.withheld",
                        "WithheldCandidate.reason",
                        "AlertAcknowledged.acknowledgedAt",
                        "DeadlineBreached.escalatedTo");
    }

    @Test
    void theReaderSchemasCanReadWhatTheProducersWrite() {
        for (var topic : Topics.events()) {
            if (!OperationalPicture.sourceTopics().contains(topic.name())) {
                continue;
            }
            Schema writer = schemaOf(topic.valueType());
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(ViewSchemas.forTopic(topic.name()), writer)
                            .getType())
                    .as(topic.name())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
        assertThatThrownBy(() -> ViewSchemas.forTopic(Topics.AUDIT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProjectionAndTheGeneratedClassesGiveTheSamePicture() {
        ReferralStory a = ReferralStory.of(
                "CD-1", "TH-RTP", ReferralType.DRUG_TRAFFICKING, Priority.IMMEDIATE, NOW.minusSeconds(7200));
        ReferralStory b =
                ReferralStory.of("CD-2", "FR-BNRF", ReferralType.FUGITIVE, Priority.URGENT, NOW.minusSeconds(600));
        List<SpecificRecord> events = new ArrayList<>(List.of(
                a.submitted(),
                a.routed(a.submittedAt().plusSeconds(1), List.of("LA-MPS", "VN-C04"), List.of("CN")),
                a.delivered("LA-MPS", a.submittedAt().plusSeconds(3)),
                a.acknowledged("LA-MPS", NOW.minusSeconds(3000)),
                a.deliveryFailed("VN-C04", NOW.minusSeconds(5000)),
                a.breached("VN-C04", DeadlineKind.ACKNOWLEDGEMENT, NOW),
                b.submitted(),
                b.rejected(NOW),
                ExampleEvents.deskProfile(),
                ExampleEvents.cooperationAgreement()));
        events.addAll(ExampleEvents.referralEvents());
        events.addAll(ExampleEvents.responseEvents());

        OperationalPicture projected = Replay.pictureAt(NOW);
        apply(projected, events.toArray(SpecificRecord[]::new));
        OperationalPicture generated = Replay.pictureAt(NOW);
        for (SpecificRecord event : events) {
            generated.apply(Wire.topicOf(event), Replay.keyOf(event), event);
        }

        assertThat(projected.snapshot(50)).isEqualTo(generated.snapshot(50));
        assertThat(projected.applied()).isEqualTo(events.size());
    }

    private static void collect(Schema schema, Set<String> fields, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    fields.add(schema.getName() + "." + field.name());
                    collect(field.schema(), fields, seen);
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, fields, seen));
            case ARRAY -> collect(schema.getElementType(), fields, seen);
            case MAP -> collect(schema.getValueType(), fields, seen);
            default -> {}
        }
    }

    private static Schema schemaOf(Class<?> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
