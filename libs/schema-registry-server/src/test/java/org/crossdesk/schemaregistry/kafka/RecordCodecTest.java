package org.crossdesk.schemaregistry.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.crossdesk.schemaregistry.compatibility.CompatibilityLevel;
import org.crossdesk.schemaregistry.store.Mode;
import org.crossdesk.schemaregistry.store.RegistryRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.ConfigRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.DeleteSubjectRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.Ignored;
import org.crossdesk.schemaregistry.store.RegistryRecord.ModeRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.SchemaRecord;
import org.crossdesk.schemaregistry.store.SchemaReference;
import org.crossdesk.schemaregistry.store.SchemaValue;
import org.junit.jupiter.api.Test;

/** The store topic's key/value JSON is Confluent's (docs/design/schema-registry-api.md §5). */
class RecordCodecTest {

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSchemaVersionIsWrittenAsConfluentsSchemaKeyAndValue() {
        RecordCodec.Encoded encoded = RecordCodec.encode(new SchemaRecord(
                "cases-value", 2, new SchemaValue("cases-value", 2, 7, "AVRO", "\"string\"", List.of(), false)));
        assertThat(text(encoded.key()))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"cases-value\",\"version\":2,\"magic\":1}");
        assertThat(text(encoded.value()))
                .isEqualTo(
                        "{\"subject\":\"cases-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
    }

    @Test
    void referencesAreWrittenBetweenTypeAndSchema() {
        RecordCodec.Encoded encoded = RecordCodec.encode(new SchemaRecord(
                "a-value",
                1,
                new SchemaValue(
                        "a-value", 1, 2, "AVRO", "\"Desk\"", List.of(new SchemaReference("Desk", "d", 3)), false)));
        assertThat(text(encoded.value()))
                .isEqualTo(
                        "{\"subject\":\"a-value\",\"version\":1,\"id\":2,"
                                + "\"references\":[{\"name\":\"Desk\",\"subject\":\"d\",\"version\":3}],\"schema\":\"\\\"Desk\\\"\",\"deleted\":false}");
        assertThat(RecordCodec.decode(encoded.key(), encoded.value()))
                .isEqualTo(new SchemaRecord(
                        "a-value",
                        1,
                        new SchemaValue(
                                "a-value",
                                1,
                                2,
                                "AVRO",
                                "\"Desk\"",
                                List.of(new SchemaReference("Desk", "d", 3)),
                                false)));
    }

    @Test
    void aPermanentDeleteIsATombstone() {
        assertThat(RecordCodec.encode(new SchemaRecord("s", 1, null)).value()).isNull();
    }

    @Test
    void configModeAndDeleteSubjectKeysCarryMagicZero() {
        RecordCodec.Encoded config = RecordCodec.encode(new ConfigRecord("s", CompatibilityLevel.FULL));
        assertThat(text(config.key())).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}");
        assertThat(text(config.value())).isEqualTo("{\"compatibilityLevel\":\"FULL\",\"subject\":\"s\"}");
        RecordCodec.Encoded global = RecordCodec.encode(new ConfigRecord(null, CompatibilityLevel.NONE));
        assertThat(text(global.key())).isEqualTo("{\"keytype\":\"CONFIG\",\"magic\":0}");
        assertThat(text(global.value())).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        RecordCodec.Encoded mode = RecordCodec.encode(new ModeRecord("s", Mode.READONLY));
        assertThat(text(mode.key())).isEqualTo("{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0}");
        assertThat(text(mode.value())).isEqualTo("{\"subject\":\"s\",\"mode\":\"READONLY\"}");
        RecordCodec.Encoded deleteSubject = RecordCodec.encode(new DeleteSubjectRecord("s", 3));
        assertThat(text(deleteSubject.key()))
                .isEqualTo("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}");
        assertThat(text(deleteSubject.value())).isEqualTo("{\"subject\":\"s\",\"version\":3}");
    }

    @Test
    void everyRecordTypeSurvivesARoundTrip() {
        for (RegistryRecord record : new RegistryRecord[] {
            new SchemaRecord("s", 1, new SchemaValue("s", 1, 3, "AVRO", "\"int\"", List.of(), true)),
            new SchemaRecord("s", 1, null),
            new ConfigRecord("s", CompatibilityLevel.BACKWARD_TRANSITIVE),
            new ConfigRecord(null, null),
            new ModeRecord(null, Mode.IMPORT),
            new ModeRecord("s", null),
            new DeleteSubjectRecord("s", 4)
        }) {
            RecordCodec.Encoded encoded = RecordCodec.encode(record);
            assertThat(RecordCodec.decode(encoded.key(), encoded.value())).isEqualTo(record);
        }
    }

    @Test
    void readsAValueAsConfluentWritesItWithExtraFieldsAndNoSchemaType() {
        RegistryRecord decoded = RecordCodec.decode(
                bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":1,\"magic\":1}"),
                bytes(
                        "{\"subject\":\"t-value\",\"version\":1,\"id\":100001,\"md5\":\"abc\",\"references\":[],"
                                + "\"metadata\":null,\"ruleSet\":null,\"schema\":\"\\\"long\\\"\",\"deleted\":false,\"ts\":1}"));
        assertThat(decoded)
                .isEqualTo(new SchemaRecord(
                        "t-value", 1, new SchemaValue("t-value", 1, 100001, "AVRO", "\"long\"", List.of(), false)));
    }

    @Test
    void noopAndKeyTypesWeDoNotUseAreIgnored() {
        assertThat(RecordCodec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null))
                .isEqualTo(new Ignored("NOOP"));
        assertThat(RecordCodec.decode(
                        bytes("{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".x\"}"), bytes("{}")))
                .isEqualTo(new Ignored("CONTEXT"));
    }

    @Test
    void recordsThatAreNotRegistryRecordsAreRejected() {
        assertThatThrownBy(() -> RecordCodec.decode(null, bytes("{}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordCodec.decode(bytes("not json"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordCodec.decode(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\"}"), bytes("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> RecordCodec.decode(
                        bytes("{\"keytype\":\"CONFIG\"}"), bytes("{\"compatibilityLevel\":\"SIDEWAYS\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
