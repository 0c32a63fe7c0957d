package org.crossdesk.schemaregistry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.crossdesk.schemaregistry.compatibility.CompatibilityChecker.PreviousVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Avro rule cases of docs/design/schema-registry-api.md §4.2, one test each, and the level semantics of §4.1. */
class CompatibilityCheckerTest {

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"Case\",\"namespace\":\"org.example\",\"fields\":[" + fields + "]}";
    }

    private static List<PreviousVersion> previous(String... newestFirst) {
        List<PreviousVersion> versions = new ArrayList<>();
        for (int i = 0; i < newestFirst.length; i++) {
            versions.add(new PreviousVersion(newestFirst.length - i, parse(newestFirst[i]), newestFirst[i]));
        }
        return versions;
    }

    private static List<String> check(CompatibilityLevel level, String candidate, String... newestFirst) {
        return CompatibilityChecker.check(level, parse(candidate), previous(newestFirst));
    }

    private static final String ID = "{\"name\":\"id\",\"type\":\"string\"}";

    @Nested
    class Fields {

        @Test
        void addingAFieldWithADefaultIsBackwardCompatible() {
            assertThat(check(
                            CompatibilityLevel.BACKWARD,
                            record(ID + ",{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}"),
                            record(ID)))
                    .isEmpty();
        }

        @Test
        void addingAFieldWithoutADefaultBreaksBackwardWithReaderFieldMissingDefaultValue() {
            List<String> messages = check(
                    CompatibilityLevel.BACKWARD, record(ID + ",{\"name\":\"note\",\"type\":\"string\"}"), record(ID));
            assertThat(messages.get(0))
                    .contains("errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'")
                    .contains("The field 'note' at path '/fields/1' in the new schema has no default value");
        }

        @Test
        void addingAFieldWithoutADefaultIsForwardCompatible() {
            assertThat(check(
                            CompatibilityLevel.FORWARD,
                            record(ID + ",{\"name\":\"note\",\"type\":\"string\"}"),
                            record(ID)))
                    .isEmpty();
        }

        @Test
        void removingAFieldWithoutADefaultBreaksForward() {
            List<String> messages = check(
                    CompatibilityLevel.FORWARD, record(ID), record(ID + ",{\"name\":\"note\",\"type\":\"string\"}"));
            assertThat(messages.get(0))
                    .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                    .contains("in the old schema");
        }

        @Test
        void removingAFieldWithoutADefaultIsBackwardCompatible() {
            assertThat(check(
                            CompatibilityLevel.BACKWARD,
                            record(ID),
                            record(ID + ",{\"name\":\"note\",\"type\":\"string\"}")))
                    .isEmpty();
        }
    }

    @Nested
    class Promotions {

        private List<String> backward(String newType, String oldType) {
            return check(
                    CompatibilityLevel.BACKWARD,
                    record("{\"name\":\"v\",\"type\":\"" + newType + "\"}"),
                    record("{\"name\":\"v\",\"type\":\"" + oldType + "\"}"));
        }

        @Test
        void intToLongIsLegal() {
            assertThat(backward("long", "int")).isEmpty();
        }

        @Test
        void longToFloatIsLegal() {
            assertThat(backward("float", "long")).isEmpty();
        }

        @Test
        void floatToDoubleIsLegal() {
            assertThat(backward("double", "float")).isEmpty();
        }

        @Test
        void stringToBytesAndBackAreLegal() {
            assertThat(backward("bytes", "string")).isEmpty();
            assertThat(backward("string", "bytes")).isEmpty();
        }

        @Test
        void narrowingLongToIntIsATypeMismatch() {
            assertThat(backward("int", "long"))
                    .first()
                    .asString()
                    .contains("errorType:'TYPE_MISMATCH'")
                    .contains("path '/fields/0/type'");
        }
    }

    @Nested
    class Enums {

        private static final String OLD =
                "{\"type\":\"enum\",\"name\":\"Priority\",\"symbols\":[\"LOW\",\"HIGH\",\"URGENT\"]}";

        @Test
        void writerSymbolsMissingInTheReaderAreMissingEnumSymbols() {
            String reader = "{\"type\":\"enum\",\"name\":\"Priority\",\"symbols\":[\"LOW\",\"HIGH\"]}";
            assertThat(check(CompatibilityLevel.BACKWARD, reader, OLD))
                    .first()
                    .asString()
                    .contains("errorType:'MISSING_ENUM_SYMBOLS'")
                    .contains("URGENT");
        }

        @Test
        void aReaderEnumDefaultAbsorbsMissingSymbols() {
            String reader =
                    "{\"type\":\"enum\",\"name\":\"Priority\",\"symbols\":[\"LOW\",\"HIGH\"],\"default\":\"LOW\"}";
            assertThat(check(CompatibilityLevel.BACKWARD, reader, OLD)).isEmpty();
        }
    }

    @Nested
    class Names {

        @Test
        void renamingARecordIsANameMismatch() {
            String renamed =
                    "{\"type\":\"record\",\"name\":\"Matter\",\"namespace\":\"org.example\",\"fields\":[" + ID + "]}";
            assertThat(check(CompatibilityLevel.BACKWARD, renamed, record(ID)))
                    .first()
                    .asString()
                    .contains("errorType:'NAME_MISMATCH'");
        }

        @Test
        void anAliasForTheOldFullNameMakesTheRenameCompatible() {
            String renamed = "{\"type\":\"record\",\"name\":\"Matter\",\"namespace\":\"org.example\","
                    + "\"aliases\":[\"org.example.Case\"],\"fields\":[" + ID + "]}";
            assertThat(check(CompatibilityLevel.BACKWARD, renamed, record(ID))).isEmpty();
        }
    }

    @Nested
    class Unions {

        @Test
        void everyWriterBranchNeedsAReaderBranch() {
            String reader = record("{\"name\":\"v\",\"type\":[\"null\",\"string\"]}");
            String writer = record("{\"name\":\"v\",\"type\":[\"null\",\"string\",\"int\"]}");
            assertThat(check(CompatibilityLevel.BACKWARD, reader, writer))
                    .first()
                    .asString()
                    .contains("errorType:'MISSING_UNION_BRANCH'");
        }

        @Test
        void aNonUnionWriterIsReadByAMatchingUnionBranch() {
            assertThat(check(
                            CompatibilityLevel.BACKWARD,
                            record("{\"name\":\"v\",\"type\":[\"null\",\"string\"]}"),
                            record("{\"name\":\"v\",\"type\":\"string\"}")))
                    .isEmpty();
        }

        @Test
        void aNonUnionWriterWithoutAMatchingReaderBranchIsIncompatible() {
            assertThat(check(
                            CompatibilityLevel.BACKWARD,
                            record("{\"name\":\"v\",\"type\":[\"null\",\"int\"]}"),
                            record("{\"name\":\"v\",\"type\":\"string\"}")))
                    .isNotEmpty();
        }
    }

    @Test
    void aDifferentFixedSizeIsAFixedSizeMismatch() {
        assertThat(check(
                        CompatibilityLevel.BACKWARD,
                        "{\"type\":\"fixed\",\"name\":\"Hash\",\"size\":8}",
                        "{\"type\":\"fixed\",\"name\":\"Hash\",\"size\":4}"))
                .first()
                .asString()
                .contains("errorType:'FIXED_SIZE_MISMATCH'");
    }

    @Test
    void docFieldOrderAndCustomPropertiesDoNotMatterForCompatibility() {
        String old = record(ID + ",{\"name\":\"n\",\"type\":\"int\"}");
        String changed = "{\"type\":\"record\",\"name\":\"Case\",\"namespace\":\"org.example\",\"doc\":\"A case\","
                + "\"owner\":\"desk\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}," + ID + "]}";
        assertThat(check(CompatibilityLevel.FULL_TRANSITIVE, changed, old)).isEmpty();
    }

    @Nested
    class Levels {

        private final String v1 = record(ID);
        private final String v2 = record(ID + ",{\"name\":\"a\",\"type\":\"int\",\"default\":0}");
        /** Drops a (fine against v2 both ways, it has a default) and adds b without a default. */
        private final String v3 = record(ID + ",{\"name\":\"b\",\"type\":\"int\"}");

        @Test
        void theFirstVersionIsAlwaysAccepted() {
            for (CompatibilityLevel level : CompatibilityLevel.values()) {
                assertThat(CompatibilityChecker.check(level, parse(v3), List.of()))
                        .as(level.name())
                        .isEmpty();
            }
        }

        @Test
        void noneChecksNothing() {
            assertThat(check(CompatibilityLevel.NONE, "\"int\"", "\"string\"")).isEmpty();
        }

        @Test
        void fullChecksBothDirections() {
            // Adding b without a default: forward OK, backward not.
            assertThat(check(CompatibilityLevel.FORWARD, v3, v1)).isEmpty();
            assertThat(check(CompatibilityLevel.FULL, v3, v1)).isNotEmpty();
        }

        @Test
        void nonTransitiveLevelsCompareWithTheLatestVersionOnly() {
            String latestHasB = record(ID + ",{\"name\":\"b\",\"type\":\"int\",\"default\":1}");
            String candidate = record(ID + ",{\"name\":\"b\",\"type\":\"int\"}");
            // Compatible with the latest (which wrote b), not with the oldest (which did not).
            assertThat(check(CompatibilityLevel.BACKWARD, candidate, latestHasB, v1))
                    .isEmpty();
            assertThat(check(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate, latestHasB, v1))
                    .isNotEmpty();
        }

        @Test
        void transitiveChecksGoNewestToOldestAndStopAtTheFirstFailure() {
            String candidate = "\"string\"";
            List<String> messages = check(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate, v3, v2, v1);
            assertThat(messages)
                    .contains("{oldSchemaVersion: 3}")
                    .noneMatch(m -> m.equals("{oldSchemaVersion: 2}") || m.equals("{oldSchemaVersion: 1}"));
        }

        @Test
        void messagesEndWithTheOldVersionItsSchemaAndTheLevel() {
            List<String> messages = check(CompatibilityLevel.BACKWARD, v3, v1);
            assertThat(messages.subList(messages.size() - 3, messages.size()))
                    .containsExactly(
                            "{oldSchemaVersion: 1}",
                            "{oldSchema: '" + v1 + "'}",
                            "{validateFields: 'false', compatibility: 'BACKWARD'}");
        }

        @Test
        void checkOneIgnoresTransitivity() {
            assertThat(CompatibilityChecker.checkOne(
                            CompatibilityLevel.BACKWARD_TRANSITIVE, parse(v3), new PreviousVersion(2, parse(v3), v3)))
                    .isEmpty();
        }

        @Test
        void levelNamesParseCaseInsensitively() {
            assertThat(CompatibilityLevel.parse("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
            assertThat(CompatibilityLevel.parse("Backward")).contains(CompatibilityLevel.BACKWARD);
            assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
            assertThat(CompatibilityLevel.parse(null)).isEmpty();
        }
    }
}
