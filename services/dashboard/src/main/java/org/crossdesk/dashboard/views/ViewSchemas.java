package org.crossdesk.dashboard.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;

/**
 * The reader schemas the dashboard decodes its topics with: each topic's value schema reduced to the fields
 * the views use. Avro's schema resolution skips every other field of the writer's record without building
 * it, so personal data (persons, documents, summaries, free text, contacts) is never even decoded into the
 * dashboard's memory, and the replay does a fraction of the work of a full decode.
 *
 * <p>The allow-list is per named type, because a named type must look the same wherever it appears in one
 * schema. A type not listed keeps all its fields (enums, and records made only of safe fields).
 */
public final class ViewSchemas {

    private static final String N = "org.crossdesk.events.";

    /** Fields kept, by record full name. */
    static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry(N + "common.EventMetadata", Set.of("occurredAt")),
            Map.entry(N + "referral.ReferralEvent", Set.of("metadata", "event")),
            Map.entry(N + "referral.ReferralSubmitted", Set.of("referralId", "submission")),
            Map.entry(
                    N + "referral.ReferralSubmission",
                    Set.of("issuingDesk", "type", "priority", "requestedDesks", "broadcast")),
            Map.entry(N + "referral.ReferralRejected", Set.of("referralId", "issuingDesk", "reasons")),
            Map.entry(N + "referral.RejectionReason", Set.of("code")),
            Map.entry(
                    N + "referral.ReferralRouted",
                    Set.of("referralId", "issuingDesk", "type", "priority", "recipients", "withheld")),
            Map.entry(N + "referral.RoutedRecipient", Set.of("deskId", "country")),
            Map.entry(N + "referral.WithheldCandidate", Set.of("country", "reason")),
            Map.entry(N + "referral.ReferralAmended", Set.of("referralId", "version", "submission")),
            Map.entry(N + "referral.ReferralWithdrawn", Set.of("referralId", "issuingDesk")),
            Map.entry(N + "referral.ReferralClosed", Set.of("referralId", "outcome")),
            Map.entry(N + "response.ResponseEvent", Set.of("metadata", "event")),
            Map.entry(
                    N + "response.AlertDelivered",
                    Set.of("referralId", "recipientDesk", "channel", "deliveredAt", "attempts")),
            Map.entry(N + "response.DeliveryFailed", Set.of("referralId", "recipientDesk", "channel", "attempts")),
            Map.entry(N + "response.AlertAcknowledged", Set.of("referralId", "recipientDesk", "acknowledgedAt")),
            Map.entry(N + "response.AlertActioned", Set.of("referralId", "recipientDesk", "outcome")),
            Map.entry(
                    N + "deadline.DeadlineBreached",
                    Set.of(
                            "metadata",
                            "referralId",
                            "recipientDesk",
                            "issuingDesk",
                            "kind",
                            "priority",
                            "escalatedTo")),
            Map.entry(
                    N + "directory.DeskProfile",
                    Set.of(
                            "deskId",
                            "country",
                            "agencyName",
                            "referralTypes",
                            "nationalCentralDesk",
                            "active",
                            "updatedAt")),
            Map.entry(N + "directory.CooperationAgreement", Set.of("agreementId", "active")));

    private static final Map<String, Schema> BY_TOPIC = byTopic();

    private ViewSchemas() {}

    /**
     * The reader schema for {@code topic}'s values.
     *
     * @throws IllegalArgumentException if the dashboard does not read {@code topic}
     */
    public static Schema forTopic(String topic) {
        Schema schema = BY_TOPIC.get(topic);
        if (schema == null) {
            throw new IllegalArgumentException("The dashboard does not read topic '" + topic + "'");
        }
        return schema;
    }

    private static Map<String, Schema> byTopic() {
        Map<String, Schema> schemas = new HashMap<>();
        for (Topic<String, ?> topic : Topics.events()) {
            if (OperationalPicture.sourceTopics().contains(topic.name())) {
                schemas.put(topic.name(), new Projector().project(classSchema(topic.valueType())));
            }
        }
        return Map.copyOf(schemas);
    }

    private static Schema classSchema(Class<?> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Generated class without SCHEMA$: " + type, e);
        }
    }

    /** Copies a schema keeping only the allowed fields; one instance per named type. */
    private static final class Projector {
        private final Map<String, Schema> named = new HashMap<>();

        Schema project(Schema schema) {
            switch (schema.getType()) {
                case RECORD -> {
                    Schema done = named.get(schema.getFullName());
                    if (done != null) {
                        return done;
                    }
                    Set<String> keep = FIELDS.get(schema.getFullName());
                    Schema copy = Schema.createRecord(schema.getName(), null, schema.getNamespace(), false);
                    named.put(schema.getFullName(), copy);
                    List<Schema.Field> fields = new ArrayList<>();
                    for (Schema.Field field : schema.getFields()) {
                        if (keep == null || keep.contains(field.name())) {
                            fields.add(
                                    new Schema.Field(field.name(), project(field.schema()), null, field.defaultVal()));
                        }
                    }
                    copy.setFields(fields);
                    return copy;
                }
                case UNION -> {
                    List<Schema> branches = new ArrayList<>();
                    for (Schema branch : schema.getTypes()) {
                        branches.add(project(branch));
                    }
                    return Schema.createUnion(branches);
                }
                case ARRAY -> {
                    return Schema.createArray(project(schema.getElementType()));
                }
                case MAP -> {
                    return Schema.createMap(project(schema.getValueType()));
                }
                default -> {
                    return schema;
                }
            }
        }
    }
}
