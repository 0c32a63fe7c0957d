package org.crossdesk.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.response.ResponseEvent;
import org.junit.jupiter.api.Test;

/** Conventions a partner integrator relies on: docs everywhere, evolvable enums, event names, metadata. */
class SchemaDocumentationTest {

    private static final Map<String, Schema> CATALOG = SchemaFiles.catalog(SchemaFiles.current());

    // Past participles that do not end in -ed.
    private static final Set<String> IRREGULAR_PAST = Set.of(
            "Withdrawn", "Sent", "Taken", "Given", "Made", "Held", "Kept", "Found", "Seen", "Brought", "Lost", "Run");

    @Test
    void everyRecordEnumAndFieldHasADoc() {
        List<String> undocumented = new ArrayList<>();
        for (Schema type : CATALOG.values()) {
            if (isBlank(type.getDoc())) {
                undocumented.add(type.getFullName());
            }
            if (type.getType() == Schema.Type.RECORD) {
                type.getFields().stream()
                        .filter(field -> isBlank(field.doc()))
                        .forEach(field -> undocumented.add(type.getFullName() + "." + field.name()));
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyEnumHasADefaultSymbolSoAddingSymbolsStaysCompatible() {
        List<String> withoutDefault = CATALOG.values().stream()
                .filter(type -> type.getType() == Schema.Type.ENUM)
                .filter(type ->
                        type.getEnumDefault() == null || !type.getEnumSymbols().contains(type.getEnumDefault()))
                .map(Schema::getFullName)
                .toList();
        assertThat(CATALOG.values()).anyMatch(type -> type.getType() == Schema.Type.ENUM);
        assertThat(withoutDefault).isEmpty();
    }

    @Test
    void eventsAreNamedInThePastTense() {
        List<Schema> events = new ArrayList<>();
        events.addAll(unionMembers(ReferralEvent.getClassSchema(), "event"));
        events.addAll(unionMembers(ResponseEvent.getClassSchema(), "event"));
        events.add(DeadlineBreached.getClassSchema());

        assertThat(events).hasSizeGreaterThanOrEqualTo(11);
        assertThat(events)
                .allSatisfy(event -> assertThat(isPastTense(event.getName()))
                        .as("%s is named in the past tense", event.getName())
                        .isTrue());
    }

    @Test
    void thePastTenseRuleRejectsCommandNames() {
        assertThat(isPastTense("ReferralAmendment")).isFalse();
        assertThat(isPastTense("SubmitReferral")).isFalse();
        assertThat(isPastTense("ReferralWithdrawn")).isTrue();
        assertThat(isPastTense("AlertDelivered")).isTrue();
    }

    @Test
    void everyValueOfAStreamOfEventsCarriesEventMetadataFirst() {
        // Directory topics hold the current state of a desk or agreement, not events, and carry none.
        List<Topic<String, ?>> eventStreams = Topics.events().stream()
                .filter(topic -> topic.cleanupPolicy() == Topic.CleanupPolicy.DELETE)
                .toList();
        List<Schema> values = new ArrayList<>(
                eventStreams.stream().map(SchemaDocumentationTest::valueSchema).toList());
        values.add(valueSchema(Topics.deskOutbox("FR-OCRTIS")));
        values.add(valueSchema(Topics.deskInbox("FR-OCRTIS")));

        assertThat(values).hasSize(6).allSatisfy(value -> {
            Schema.Field first = value.getFields().get(0);
            assertThat(first.name()).isEqualTo("metadata");
            assertThat(first.schema()).isEqualTo(EventMetadata.getClassSchema());
        });
    }

    private static Schema valueSchema(Topic<String, ?> topic) {
        return SpecificData.get().getSchema(topic.valueType());
    }

    private static List<Schema> unionMembers(Schema wrapper, String field) {
        return wrapper.getField(field).schema().getTypes();
    }

    static boolean isPastTense(String typeName) {
        String[] words = typeName.split("(?=[A-Z])");
        String last = words[words.length - 1];
        return last.endsWith("ed") || IRREGULAR_PAST.contains(last);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
