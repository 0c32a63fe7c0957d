package org.crossdesk.schemaregistry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crossdesk.schemaregistry.compatibility.CompatibilityLevel;
import org.crossdesk.schemaregistry.store.RegistryRecord.ConfigRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.DeleteSubjectRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.ModeRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.SchemaRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The registry's rules without HTTP and without Kafka. */
class SchemaStoreTest {

    static final String V1 = "{\"type\":\"record\",\"name\":\"Referral\",\"namespace\":\"org.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    /** V1 plus a field with a default: backward compatible. */
    static final String V2 = "{\"type\":\"record\",\"name\":\"Referral\",\"namespace\":\"org.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"desk\",\"type\":\"string\",\"default\":\"\"}]}";
    /** V1 plus a field without a default: not backward compatible. */
    static final String BREAKING = "{\"type\":\"record\",\"name\":\"Referral\",\"namespace\":\"org.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"desk\",\"type\":\"string\"}]}";

    private InMemoryLog log;
    private SchemaStore store;

    @BeforeEach
    void newStore() {
        log = new InMemoryLog();
        store = new SchemaStore(log, CompatibilityLevel.BACKWARD, Duration.ofSeconds(1));
        log.feeds(store);
    }

    private SchemaValue register(String subject, String schema) {
        return store.register(subject, SchemaRequest.of(schema));
    }

    static void assertError(ThrowingCallable call, int status, int code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.errorCode()).isEqualTo(code);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }

    @Nested
    class Identity {

        @Test
        void theSameSchemaUnderTheSameSubjectKeepsItsIdAndVersionAndWritesNothing() {
            SchemaValue first = register("a-value", V1);
            int recordsAfterFirst = log.records().size();
            SchemaValue again = register("a-value", V1);
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.version()).isEqualTo(1);
            assertThat(log.records()).hasSize(recordsAfterFirst);
        }

        @Test
        void whitespaceAndAttributeOrderDoNotChangeTheIdentity() {
            SchemaValue first = register("a-value", V1);
            String reordered = "{ \"fields\" : [ { \"type\" : \"string\", \"name\" : \"id\" } ],\n"
                    + "  \"namespace\" : \"org.example\", \"name\" : \"Referral\", \"type\" : \"record\" }";
            assertThat(register("a-value", reordered)).isEqualTo(first);
        }

        @Test
        void theStoredTextIsTheParsedSchemasCanonicalToString() {
            assertThat(register("s-value", "{\"type\": \"string\"}").schema()).isEqualTo("\"string\"");
            String spaced = V1.replace(",", " , ");
            assertThat(register("a-value", spaced).schema()).isEqualTo(V1);
        }

        @Test
        void aDocChangeIsANewSchemaWithANewId() {
            SchemaValue first = register("a-value", V1);
            String documented = V1.replace("\"namespace\"", "\"doc\":\"A referral\",\"namespace\"");
            SchemaValue second = register("a-value", documented);
            assertThat(second.id()).isEqualTo(first.id() + 1);
            assertThat(second.version()).isEqualTo(2);
        }

        @Test
        void theSameSchemaUnderAnotherSubjectReusesTheGlobalId() {
            SchemaValue a = register("a-value", V1);
            SchemaValue b = register("b-value", V1);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.version()).isEqualTo(1);
        }

        @Test
        void aSoftDeletedCopyElsewhereStillGivesItsId() {
            SchemaValue a = register("a-value", V1);
            store.deleteSubject("a-value", false);
            assertThat(register("b-value", V1).id()).isEqualTo(a.id());
        }

        @Test
        void reRegisteringASchemaSoftDeletedInTheSameSubjectMakesANewVersionAndDropsTheOldOne() {
            SchemaValue first = register("a-value", V1);
            store.deleteVersion("a-value", "1", false);
            SchemaValue again = register("a-value", V1);
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.version()).isEqualTo(2);
            assertThat(store.versions("a-value", VersionFilter.INCLUDE_DELETED, false))
                    .containsExactly(2);
        }

        @Test
        void lookupFindsTheVersionHoldingTheSchema() {
            register("a-value", V1);
            register("a-value", V2);
            SchemaValue found = store.lookup("a-value", SchemaRequest.of(V1.replace(":", " : ")), false);
            assertThat(found.version()).isEqualTo(1);
            assertThat(found.schema()).isEqualTo(V1);
        }

        @Test
        void lookupErrorsDistinguishAnUnknownSubjectFromAnUnknownSchema() {
            assertError(
                    () -> store.lookup("nobody", SchemaRequest.of(V1), false),
                    404,
                    40401,
                    "Subject 'nobody' not found.");
            register("a-value", V1);
            assertError(() -> store.lookup("a-value", SchemaRequest.of(V2), false), 404, 40403, "Schema not found");
            assertError(() -> store.lookup("a-value", SchemaRequest.of("{"), false), 422, 42201, null);
        }

        @Test
        void lookupOfASoftDeletedVersionNeedsDeletedTrue() {
            register("a-value", V1);
            register("a-value", V2);
            store.deleteVersion("a-value", "1", false);
            assertError(() -> store.lookup("a-value", SchemaRequest.of(V1), false), 404, 40403, null);
            assertThat(store.lookup("a-value", SchemaRequest.of(V1), true).version())
                    .isEqualTo(1);
        }
    }

    @Nested
    class IdsAndVersions {

        @Test
        void newSchemasGetTheHighestIdPlusOne() {
            assertThat(List.of(
                            register("a", V1).id(),
                            register("b", "\"string\"").id(),
                            register("c", "\"int\"").id()))
                    .containsExactly(1, 2, 3);
        }

        @Test
        void anIdHeldByNoVersionAnyMoreStopsResolvingAndIsNotReused() {
            int id = register("a", V1).id();
            store.deleteSubject("a", false);
            assertThat(store.schemaById(id).schema()).isEqualTo(V1);
            store.deleteSubject("a", true);
            assertError(() -> store.schemaById(id), 404, 40403, "Schema " + id + " not found");
            assertThat(register("a", V1).id()).isEqualTo(id + 1);
        }

        @Test
        void versionsContinueAfterTheHighestEverUsedIncludingSoftDeleted() {
            register("a", V1);
            register("a", V2);
            store.deleteVersion("a", "2", false);
            assertThat(register(
                                    "a",
                                    "{\"type\":\"record\",\"name\":\"Referral\",\"namespace\":\"org.example\","
                                            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"int\",\"default\":0}]}")
                            .version())
                    .isEqualTo(3);
        }

        @Test
        void aPermanentlyDeletedHighestVersionNumberIsReused() {
            register("a", V1);
            register("a", V2);
            store.deleteVersion("a", "2", false);
            store.deleteVersion("a", "2", true);
            assertThat(register("a", V2).version()).isEqualTo(2);
        }

        @Test
        void latestAndMinusOneAreTheNewestLiveVersion() {
            register("a", V1);
            register("a", V2);
            assertThat(store.version("a", "latest", false).version()).isEqualTo(2);
            assertThat(store.version("a", "-1", false).version()).isEqualTo(2);
            store.deleteVersion("a", "2", false);
            assertThat(store.version("a", "latest", false).version()).isEqualTo(1);
        }

        @Test
        void versionsOutsideTheAllowedRangeAreInvalid() {
            register("a", V1);
            for (String bad : List.of("0", "-2", "abc", "1.5", "2147483648")) {
                assertError(
                        () -> store.version("a", bad, false),
                        422,
                        42202,
                        "The specified version '" + bad
                                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
            }
        }

        @Test
        void unknownSubjectsAndVersionsAreDistinguished() {
            assertError(() -> store.version("nobody", "1", false), 404, 40401, "Subject 'nobody' not found.");
            register("a", V1);
            assertError(() -> store.version("a", "7", false), 404, 40402, "Version 7 not found.");
        }

        @Test
        void anExplicitVersionMustBeTheNextOne() {
            register("a", V1);
            assertError(
                    () -> store.register("a", new SchemaRequest(V2, null, List.of(), 5, null)),
                    422,
                    42201,
                    "Version is not one more than previous version");
            assertThat(store.register("a", new SchemaRequest(V2, null, List.of(), 2, null))
                            .version())
                    .isEqualTo(2);
        }

        @Test
        void versionListsAreAscendingAndFilteredByDeletion() {
            register("a", V1);
            register("a", V2);
            store.deleteVersion("a", "1", false);
            assertThat(store.versions("a", VersionFilter.LIVE, false)).containsExactly(2);
            assertThat(store.versions("a", VersionFilter.INCLUDE_DELETED, false))
                    .containsExactly(1, 2);
            assertThat(store.versions("a", VersionFilter.DELETED_ONLY, false)).containsExactly(1);
            assertThat(store.versions("a", VersionFilter.INCLUDE_DELETED, true)).containsExactly(-1, 2);
        }

        @Test
        void aSubjectWhoseVersionsAreAllSoftDeletedIsNotFoundUnlessDeletedIsAsked() {
            register("a", V1);
            store.deleteSubject("a", false);
            assertError(() -> store.versions("a", VersionFilter.LIVE, false), 404, 40401, null);
            assertThat(store.versions("a", VersionFilter.INCLUDE_DELETED, false))
                    .containsExactly(1);
            assertThat(store.subjects(null, VersionFilter.LIVE)).doesNotContain("a");
            assertThat(store.subjects(null, VersionFilter.INCLUDE_DELETED)).contains("a");
        }

        @Test
        void subjectsAreSortedAndFilteredByPrefix() {
            register("b-value", V1);
            register("a-value", V1);
            register("a-key", "\"string\"");
            assertThat(store.subjects(null, VersionFilter.LIVE)).containsExactly("a-key", "a-value", "b-value");
            assertThat(store.subjects("a-", VersionFilter.LIVE)).containsExactly("a-key", "a-value");
        }

        @Test
        void versionsForAnIdAreAFlatListAcrossSubjects() {
            int id = register("a-value", V1).id();
            register("b-value", V1);
            assertThat(store.versionsForId(id, false))
                    .containsExactly(new SubjectVersion("a-value", 1), new SubjectVersion("b-value", 1));
            assertThat(store.subjectsForId(id, false)).containsExactly("a-value", "b-value");
            store.deleteSubject("b-value", false);
            assertThat(store.subjectsForId(id, false)).containsExactly("a-value");
            assertThat(store.subjectsForId(id, true)).containsExactly("a-value", "b-value");
            assertError(() -> store.subjectsForId(99, false), 404, 40403, "Schema not found");
        }
    }

    @Nested
    class Registration {

        @Test
        void anIncompatibleSchemaIsRejectedWithConfluentsMessage() {
            register("a-value", V1);
            assertThatThrownBy(() -> register("a-value", BREAKING))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(409);
                        assertThat(e.errorCode()).isEqualTo(409);
                        assertThat(e.getMessage())
                                .startsWith(
                                        "Schema being registered is incompatible with an earlier schema for"
                                                + " subject \"a-value\", details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'")
                                .contains(
                                        "{oldSchemaVersion: 1}",
                                        "{oldSchema: '" + V1 + "'}",
                                        "compatibility: 'BACKWARD'");
                    });
        }

        @Test
        void theIdentityCheckComesBeforeTheCompatibilityCheck() {
            store.updateSubjectLevel("a-value", "NONE");
            register("a-value", BREAKING);
            register("a-value", V1);
            store.updateSubjectLevel("a-value", "FULL_TRANSITIVE");
            assertThat(register("a-value", BREAKING).version()).isEqualTo(1);
        }

        @Test
        void theIdentityCheckComesBeforeTheModeCheck() {
            register("a-value", V1);
            store.updateSubjectMode("a-value", "READONLY", false);
            assertThat(register("a-value", V1).version()).isEqualTo(1);
            assertError(() -> register("a-value", V2), 422, 42205, "Subject a-value is in read-only mode");
        }

        @Test
        void theFirstVersionIsAcceptedAndSoIsAnyVersionAfterEveryEarlierOneWasSoftDeleted() {
            register("a-value", "\"int\"");
            store.deleteSubject("a-value", false);
            assertThat(register("a-value", V1).version()).isEqualTo(2);
        }

        @Test
        void noneAcceptsAnything() {
            store.updateGlobalLevel("none");
            register("a-value", V1);
            assertThat(register("a-value", "\"int\"").version()).isEqualTo(2);
        }

        @Test
        void transitiveLevelsCheckEveryLiveVersionButNotSoftDeletedOnes() {
            store.updateSubjectLevel("a-value", "BACKWARD_TRANSITIVE");
            register("a-value", V1);
            String withDefault = "{\"type\":\"record\",\"name\":\"Referral\",\"namespace\":\"org.example\","
                    + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"desk\",\"type\":\"string\",\"default\":\"x\"}]}";
            register("a-value", withDefault);
            assertError(() -> register("a-value", BREAKING), 409, 409, null);
            store.deleteVersion("a-value", "1", false);
            assertThat(register("a-value", BREAKING).version()).isEqualTo(3);
        }

        @Test
        void theEffectiveLevelIsSubjectThenGlobalThenDefault() {
            assertThat(store.effectiveLevel("a-value")).isEqualTo(CompatibilityLevel.BACKWARD);
            store.updateGlobalLevel("forward");
            assertThat(store.effectiveLevel("a-value")).isEqualTo(CompatibilityLevel.FORWARD);
            store.updateSubjectLevel("a-value", "Full");
            assertThat(store.effectiveLevel("a-value")).isEqualTo(CompatibilityLevel.FULL);
        }

        @Test
        void newSchemasAreParsedStrictly() {
            assertError(
                    () -> register(
                            "a",
                            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"s\","
                                    + "\"type\":\"string\",\"default\":null}]}"),
                    422,
                    42201,
                    null);
            assertError(
                    () -> register("a", "{\"type\":\"record\",\"name\":\"bad-name\",\"fields\":[]}"), 422, 42201, null);
            assertError(() -> register("a", "{\"type\":\"nonsense\"}"), 422, 42201, null);
        }

        @Test
        void emptySchemasUnknownTypesAndDanglingReferencesAreInvalid() {
            assertError(() -> register("a", " "), 422, 42201, "Empty schema");
            assertError(
                    () -> store.register("a", new SchemaRequest(V1, "JSON", List.of(), null, null)),
                    422,
                    42201,
                    "Invalid schema type JSON");
            assertError(
                    () -> store.register(
                            "a",
                            new SchemaRequest(V1, null, List.of(new SchemaReference("x", "nowhere", 1)), null, null)),
                    422,
                    42201,
                    "Invalid schema reference x: subject 'nowhere' version 1 not found");
        }

        @Test
        void subjectsWithControlCharactersAreInvalid() {
            assertError(() -> register("a\u0001b", V1), 422, 42208, "The specified subject 'a\u0001b' is not a valid.");
        }

        @Test
        void anIdOutsideImportModeIsNotPermitted() {
            assertError(
                    () -> store.register("a", new SchemaRequest(V1, null, List.of(), null, 42)),
                    422,
                    42205,
                    "Subject a is not in import mode");
        }
    }

    @Nested
    class CompatibilityTests {

        @Test
        void aNumberedVersionThatDoesNotExistIsNotFoundEvenForAnUnknownSubject() {
            assertError(
                    () -> store.testCompatibility("nobody", "3", SchemaRequest.of(V1), false),
                    404,
                    40402,
                    "Version 3 not found.");
        }

        @Test
        void latestWithoutLiveVersionsIsCompatible() {
            assertThat(store.testCompatibility("nobody", "latest", SchemaRequest.of(V1), false)
                            .compatible())
                    .isTrue();
        }

        @Test
        void aVersionIsTestedAloneEvenUnderATransitiveLevel() {
            store.updateSubjectLevel("a", "BACKWARD_TRANSITIVE");
            register("a", V1);
            String withDefault = BREAKING.replace("\"type\":\"string\"}]", "\"type\":\"string\",\"default\":\"\"}]");
            register("a", withDefault);
            assertThat(store.testCompatibility("a", "2", SchemaRequest.of(BREAKING), false)
                            .compatible())
                    .isTrue();
            assertThat(store.testCompatibility("a", "1", SchemaRequest.of(BREAKING), true)
                            .messages())
                    .anyMatch(m -> m.contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
            assertThat(store.testCompatibilityWithAll("a", SchemaRequest.of(BREAKING), false)
                            .compatible())
                    .isFalse();
        }

        @Test
        void anInvalidSchemaIs42201UnlessVerbose() {
            register("a", V1);
            assertError(() -> store.testCompatibility("a", "1", SchemaRequest.of("{"), false), 422, 42201, null);
            CompatibilityResult verbose = store.testCompatibility("a", "1", SchemaRequest.of("{"), true);
            assertThat(verbose.compatible()).isFalse();
            assertThat(verbose.messages()).singleElement().asString().startsWith("Invalid schema");
        }
    }

    @Nested
    class Deletes {

        @Test
        void aSoftDeletedVersionDisappearsButItsIdStillResolves() {
            int id = register("a", V1).id();
            register("a", V2);
            assertThat(store.deleteVersion("a", "1", false)).isEqualTo(1);
            assertThat(store.versions("a", VersionFilter.LIVE, false)).containsExactly(2);
            assertError(() -> store.version("a", "1", false), 404, 40402, null);
            assertThat(store.version("a", "1", true).schema()).isEqualTo(V1);
            assertThat(store.schemaById(id).schema()).isEqualTo(V1);
        }

        @Test
        void deletingAVersionHasConfluentsErrors() {
            assertError(() -> store.deleteVersion("a", "1", false), 404, 40401, "Subject 'a' not found.");
            register("a", V1);
            assertError(() -> store.deleteVersion("a", "2", false), 404, 40402, "Version 2 not found.");
            assertError(() -> store.deleteVersion("a", "x", false), 422, 42202, null);
            assertError(
                    () -> store.deleteVersion("a", "1", true),
                    404,
                    40407,
                    "Subject 'a' Version 1 was not deleted first before being permanently deleted");
            store.deleteVersion("a", "1", false);
            assertError(
                    () -> store.deleteVersion("a", "1", false),
                    404,
                    40406,
                    "Subject 'a' Version 1 was soft deleted.Set permanent=true to delete permanently");
            assertThat(store.deleteVersion("a", "1", true)).isEqualTo(1);
            assertError(() -> store.deleteVersion("a", "1", true), 404, 40401, null);
        }

        @Test
        void deletingASubjectHasConfluentsErrors() {
            assertError(() -> store.deleteSubject("a", false), 404, 40401, "Subject 'a' not found.");
            register("a", V1);
            register("a", V2);
            assertError(
                    () -> store.deleteSubject("a", true),
                    404,
                    40405,
                    "Subject 'a' was not deleted first before being permanently deleted");
            assertThat(store.deleteSubject("a", false)).containsExactly(1, 2);
            assertThat(log.records()).last().isEqualTo(new DeleteSubjectRecord("a", 2));
            assertError(
                    () -> store.deleteSubject("a", false),
                    404,
                    40404,
                    "Subject 'a' was soft deleted.Set permanent=true to delete permanently");
            assertThat(store.deleteSubject("a", true)).containsExactly(1, 2);
            assertError(() -> store.deleteSubject("a", true), 404, 40401, null);
        }

        @Test
        void aSoftDeletedSubjectKeepsItsSettingsAndAPermanentlyDeletedOneLosesThem() {
            register("a", V1);
            store.updateSubjectLevel("a", "FULL");
            store.updateSubjectMode("a", "READWRITE", false);
            store.deleteSubject("a", false);
            assertThat(store.subjectLevel("a", false)).isEqualTo(CompatibilityLevel.FULL);
            store.deleteSubject("a", true);
            assertError(() -> store.subjectLevel("a", false), 404, 40408, null);
            assertError(() -> store.subjectMode("a", false), 404, 40409, null);
            assertThat(log.records()).contains(new ConfigRecord("a", null), new ModeRecord("a", null));
        }

        @Test
        void permanentlyDeletingTheLastVersionAlsoRemovesTheSubjectSettings() {
            register("a", V1);
            store.updateSubjectLevel("a", "FULL");
            store.deleteVersion("a", "1", false);
            store.deleteVersion("a", "1", true);
            assertError(() -> store.subjectLevel("a", false), 404, 40408, null);
        }

        @Test
        void readOnlyModeBlocksDeletes() {
            register("a", V1);
            store.updateGlobalMode("READONLY", false);
            assertError(() -> store.deleteVersion("a", "1", false), 422, 42205, "Subject a is in read-only mode");
            assertError(() -> store.deleteSubject("a", false), 422, 42205, null);
        }
    }

    @Nested
    class Config {

        @Test
        void theGlobalLevelDefaultsToTheServerDefaultAndCanBeChangedAndReset() {
            assertThat(store.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
            assertThat(store.updateGlobalLevel("full_transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
            assertThat(store.globalLevel()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
            assertThat(store.deleteGlobalLevel()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
            assertThat(store.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
        }

        @Test
        void unknownLevelsAreRejected() {
            String message = "Invalid compatibility level. Valid values are none, backward, forward, full,"
                    + " backward_transitive, forward_transitive, and full_transitive";
            assertError(() -> store.updateGlobalLevel("sideways"), 422, 42203, message);
            assertError(() -> store.updateSubjectLevel("a", null), 422, 42203, message);
        }

        @Test
        void aSubjectLevelCanBeSetBeforeTheSubjectHasVersions() {
            assertError(
                    () -> store.subjectLevel("new-value", false),
                    404,
                    40408,
                    "Subject 'new-value' does not have subject-level compatibility configured");
            assertThat(store.subjectLevel("new-value", true)).isEqualTo(CompatibilityLevel.BACKWARD);
            store.updateSubjectLevel("new-value", "NONE");
            assertThat(store.subjectLevel("new-value", false)).isEqualTo(CompatibilityLevel.NONE);
            assertError(() -> store.updateSubjectLevel("bad\u0007", "NONE"), 422, 42208, null);
        }

        @Test
        void deletingASubjectLevelReturnsTheOldOneOr40401() {
            assertError(() -> store.deleteSubjectLevel("a"), 404, 40401, "Subject 'a' not found.");
            store.updateSubjectLevel("a", "FORWARD");
            assertThat(store.deleteSubjectLevel("a")).isEqualTo(CompatibilityLevel.FORWARD);
            assertError(() -> store.subjectLevel("a", false), 404, 40408, null);
        }

        @Test
        void configChangesAreRefusedInReadOnlyMode() {
            store.updateSubjectMode("a", "READONLY", false);
            assertError(() -> store.updateSubjectLevel("a", "NONE"), 422, 42205, null);
        }
    }

    @Nested
    class Modes {

        @Test
        void theGlobalModeIsReadWriteUntilChanged() {
            assertThat(store.globalMode()).isEqualTo(Mode.READWRITE);
            assertThat(store.updateGlobalMode("readonly", false)).isEqualTo(Mode.READONLY);
            assertThat(store.globalMode()).isEqualTo(Mode.READONLY);
            assertError(() -> register("a", V1), 422, 42205, "Subject a is in read-only mode");
        }

        @Test
        void aSubjectModeOverridesTheGlobalOne() {
            store.updateGlobalMode("READONLY", false);
            store.updateSubjectMode("a", "READWRITE", false);
            assertThat(register("a", V1).version()).isEqualTo(1);
            assertError(() -> register("b", V1), 422, 42205, null);
        }

        @Test
        void subjectModesHaveConfluentsErrors() {
            assertError(
                    () -> store.subjectMode("a", false),
                    404,
                    40409,
                    "Subject 'a' does not have subject-level mode configured");
            assertThat(store.subjectMode("a", true)).isEqualTo(Mode.READWRITE);
            assertError(() -> store.deleteSubjectMode("a"), 404, 40401, "Subject 'a' not found.");
            assertError(
                    () -> store.updateSubjectMode("a", "WRITEONLY", false),
                    422,
                    42204,
                    "Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.");
            store.updateSubjectMode("a", "READONLY_OVERRIDE", false);
            assertThat(store.deleteSubjectMode("a")).isEqualTo(Mode.READONLY_OVERRIDE);
        }

        @Test
        void forwardIsRefusedWithoutALeaderToForwardTo() {
            assertError(() -> store.updateGlobalMode("FORWARD", false), 422, 42205, null);
        }

        @Test
        void importNeedsAnEmptyRegistryOrForce() {
            register("a", V1);
            assertError(
                    () -> store.updateGlobalMode("IMPORT", false),
                    422,
                    42205,
                    "Cannot import since found existing subjects");
            assertThat(store.updateGlobalMode("IMPORT", true)).isEqualTo(Mode.IMPORT);
        }

        @Test
        void importTakesTheGivenIdAndVersionWithoutCompatibilityChecks() {
            store.updateSubjectMode("imported", "IMPORT", false);
            SchemaValue value = store.register("imported", new SchemaRequest(V1, null, List.of(), 7, 100));
            assertThat(value.id()).isEqualTo(100);
            assertThat(value.version()).isEqualTo(7);
            assertThat(store.register("imported", new SchemaRequest("\"int\"", null, List.of(), 8, 101))
                            .version())
                    .isEqualTo(8);
            assertError(
                    () -> store.register("imported", new SchemaRequest("\"long\"", null, List.of(), 9, 100)),
                    422,
                    42207,
                    null);
            assertError(
                    () -> store.register("imported", new SchemaRequest(V1, null, List.of(), 9, 555)),
                    422,
                    42207,
                    "Schema already registered with id 100 instead of input id 555");
            assertError(() -> register("imported", V2), 422, 42205, "Subject imported is not in read-write mode");
        }
    }

    @Nested
    class References {

        static final String DESK = "{\"type\":\"record\",\"name\":\"Desk\",\"namespace\":\"org.example\","
                + "\"fields\":[{\"name\":\"code\",\"type\":\"string\"}]}";
        static final String DESK_V2 = "{\"type\":\"record\",\"name\":\"Desk\",\"namespace\":\"org.example\","
                + "\"fields\":[{\"name\":\"code\",\"type\":\"string\"},{\"name\":\"country\",\"type\":\"string\",\"default\":\"\"}]}";
        static final String ALERT = "{\"type\":\"record\",\"name\":\"Alert\",\"namespace\":\"org.example\","
                + "\"fields\":[{\"name\":\"to\",\"type\":\"Desk\"}]}";

        SchemaRequest alert(String schema, int deskVersion) {
            return new SchemaRequest(
                    schema,
                    null,
                    List.of(new SchemaReference("org.example.Desk", "desk-value", deskVersion)),
                    null,
                    null);
        }

        @Test
        void aReferencedTypeIsNamedNotInlinedAndTheReferencesAreKept() {
            register("desk-value", DESK);
            SchemaValue alert = store.register("alert-value", alert(ALERT, 1));
            assertThat(alert.schema()).isEqualTo(ALERT);
            assertThat(alert.references()).containsExactly(new SchemaReference("org.example.Desk", "desk-value", 1));
            assertThat(store.schemaById(alert.id()).references()).isEqualTo(alert.references());
        }

        @Test
        void theSameTextWithOtherReferencesIsAnotherSchema() {
            register("desk-value", DESK);
            register("desk-value", DESK_V2);
            SchemaValue first = store.register("alert-value", alert(ALERT, 1));
            assertThat(store.register("alert-value", alert(ALERT, 1))).isEqualTo(first);
            SchemaValue second = store.register("alert-value", alert(ALERT, 2));
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.version()).isEqualTo(2);
        }

        @Test
        void lookupNeedsTheSameReferences() {
            register("desk-value", DESK);
            store.register("alert-value", alert(ALERT, 1));
            assertThat(store.lookup("alert-value", alert(ALERT, 1), false).version())
                    .isEqualTo(1);
            assertError(() -> store.lookup("alert-value", SchemaRequest.of(ALERT), false), 422, 42201, null);
        }

        @Test
        void compatibilityIsCheckedOnTheResolvedSchemas() {
            register("desk-value", DESK);
            store.register("alert-value", alert(ALERT, 1));
            String withNote = ALERT.replace("]}", ",{\"name\":\"note\",\"type\":\"string\"}]}");
            assertError(() -> store.register("alert-value", alert(withNote, 1)), 409, 409, null);
            String withDefault = ALERT.replace("]}", ",{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}");
            assertThat(store.register("alert-value", alert(withDefault, 1)).version())
                    .isEqualTo(2);
        }

        @Test
        void aReferencedVersionCannotBeDeletedUntilItsReferrersArePermanentlyGone() {
            register("desk-value", DESK);
            store.register("alert-value", alert(ALERT, 1));
            String message =
                    "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=desk-value,version=1}.";
            assertError(() -> store.deleteVersion("desk-value", "1", false), 422, 42206, message);
            assertError(() -> store.deleteSubject("desk-value", false), 422, 42206, message);
            store.deleteSubject("alert-value", false);
            assertError(() -> store.deleteSubject("desk-value", false), 422, 42206, null);
            store.deleteSubject("alert-value", true);
            assertThat(store.deleteSubject("desk-value", false)).containsExactly(1);
        }

        @Test
        void referencedByListsTheIdsOfTheReferrers() {
            register("desk-value", DESK);
            assertThat(store.referencedBy("desk-value", "1")).isEmpty();
            int alertId = store.register("alert-value", alert(ALERT, 1)).id();
            assertThat(store.referencedBy("desk-value", "latest")).containsExactly(alertId);
        }
    }

    @Nested
    class WriteFailures {

        @Test
        void aWriteKafkaRefusesIs50001() {
            SchemaStore failing = new SchemaStore(
                    records -> {
                        throw new RegistryLog.AppendFailedException("broker gone", new RuntimeException());
                    },
                    CompatibilityLevel.BACKWARD,
                    Duration.ofSeconds(1));
            assertError(
                    () -> failing.register("a", SchemaRequest.of(V1)),
                    500,
                    50001,
                    "Register operation failed while writing to the Kafka store");
        }

        @Test
        void aRecordTooLargeForKafkaIs42209() {
            SchemaStore tooLarge = new SchemaStore(
                    records -> {
                        throw new RegistryLog.RecordTooLargeException("too large", new RuntimeException());
                    },
                    CompatibilityLevel.BACKWARD,
                    Duration.ofSeconds(1));
            assertError(
                    () -> tooLarge.register("a", SchemaRequest.of(V1)),
                    422,
                    42209,
                    "Register operation failed because schema is too large");
        }

        @Test
        void aWriteThatIsNotReadBackInTimeIs50002() {
            SchemaStore neverApplied =
                    new SchemaStore(records -> 0L, CompatibilityLevel.BACKWARD, Duration.ofMillis(50));
            assertError(
                    () -> neverApplied.register("a", SchemaRequest.of(V1)), 500, 50002, "Register operation timed out");
        }
    }

    @Nested
    class Replay {

        @Test
        void theFirstRecordForASubjectVersionWins() {
            store.apply(new SchemaRecord("a", 1, new SchemaValue("a", 1, 1, "AVRO", V1, List.of(), false)), 0);
            store.apply(new SchemaRecord("a", 1, new SchemaValue("a", 1, 2, "AVRO", V2, List.of(), false)), 1);
            assertThat(store.version("a", "1", false).schema()).isEqualTo(V1);
            assertThat(store.ignoredRecords()).isEqualTo(1);
        }

        @Test
        void anIdClaimedByADifferentSchemaIsIgnored() {
            store.apply(new SchemaRecord("a", 1, new SchemaValue("a", 1, 1, "AVRO", V1, List.of(), false)), 0);
            store.apply(new SchemaRecord("b", 1, new SchemaValue("b", 1, 1, "AVRO", V2, List.of(), false)), 1);
            assertError(() -> store.versions("b", VersionFilter.INCLUDE_DELETED, false), 404, 40401, null);
            assertThat(store.schemaById(1).schema()).isEqualTo(V1);
        }

        @Test
        void aSecondIdForAKnownSchemaIsIgnored() {
            store.apply(new SchemaRecord("a", 1, new SchemaValue("a", 1, 1, "AVRO", V1, List.of(), false)), 0);
            store.apply(new SchemaRecord("b", 1, new SchemaValue("b", 1, 5, "AVRO", V1, List.of(), false)), 1);
            assertError(() -> store.schemaById(5), 404, 40403, null);
        }

        @Test
        void aRewriteOfTheSameContentChangesOnlyTheDeletedFlag() {
            SchemaValue value = new SchemaValue("a", 1, 1, "AVRO", V1, List.of(), false);
            store.apply(new SchemaRecord("a", 1, value), 0);
            store.apply(new SchemaRecord("a", 1, value.withDeleted(true)), 1);
            assertThat(store.version("a", "1", true).deleted()).isTrue();
            assertThat(store.ignoredRecords()).isZero();
        }

        @Test
        void deleteSubjectMarksEveryVersionUpToItsWatermark() {
            store.apply(new SchemaRecord("a", 1, new SchemaValue("a", 1, 1, "AVRO", V1, List.of(), false)), 0);
            store.apply(new SchemaRecord("a", 2, new SchemaValue("a", 2, 2, "AVRO", V2, List.of(), false)), 1);
            store.apply(new DeleteSubjectRecord("a", 1), 2);
            assertThat(store.versions("a", VersionFilter.LIVE, false)).containsExactly(2);
        }

        @Test
        void theIdCounterIsRebuiltFromTheLog() {
            store.apply(new SchemaRecord("a", 1, new SchemaValue("a", 1, 41, "AVRO", V1, List.of(), false)), 0);
            assertThat(register("b", V2).id()).isEqualTo(42);
        }
    }
}
