package org.crossdesk.schemaregistry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.schemaregistry.http.RegistryHttp.schemaBody;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crossdesk.schemaregistry.http.RegistryHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint row of docs/spec "schema-registry-api.md" §1.2 that this registry serves, error rows
 * included, over real HTTP against any base URL: our embedded server and, where Docker exists,
 * Confluent's own image. Assertions hold for both unless guarded by {@link #crossdesk()}: there the
 * spec lets registries differ and we pin our own documented choice.
 */
abstract class RegistryHttpContract {

    protected abstract String baseUrl();

    /** The client every contract call goes through; a registry requiring authentication adds credentials. */
    protected RegistryHttp client() {
        return new RegistryHttp(baseUrl());
    }

    /** True for our server: enables assertions about choices the spec leaves open. */
    protected abstract boolean crossdesk();

    private RegistryHttp http;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int subjects;

    @BeforeEach
    void newClient() {
        http = client();
    }

    /** A subject no other test uses. */
    String subject() {
        return "contract-" + run + "-" + (++subjects) + "-value";
    }

    /** A record schema unique to this test run, so ids are never shared with other tests by accident. */
    String record(String name, String... extraFields) {
        StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"string\"}");
        for (String field : extraFields) {
            fields.append(',').append(field);
        }
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"org.example.r" + run.replace("-", "")
                + "\",\"fields\":[" + fields + "]}";
    }

    String v1(String name) {
        return record(name);
    }

    String v2(String name) {
        return record(name, "{\"name\":\"desk\",\"type\":\"string\",\"default\":\"\"}");
    }

    String breaking(String name) {
        return record(name, "{\"name\":\"desk\",\"type\":\"string\"}");
    }

    JsonNode register(String subject, String schema) {
        Reply reply = http.post("/subjects/" + subject + "/versions", schemaBody(schema));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    static void assertOk(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo(RegistryHttp.V1_JSON);
    }

    static void assertError(Reply reply, int status, int errorCode, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.mediaType()).isEqualTo(RegistryHttp.V1_JSON);
        JsonNode body = reply.json();
        assertThat(body.get("error_code").intValue()).as(reply.body()).isEqualTo(errorCode);
        assertThat(body.get("message").isString()).isTrue();
        if (message != null) {
            assertThat(body.get("message").stringValue()).isEqualTo(message);
        }
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(n -> values.add(n.intValue()));
        return values;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.stringValue()));
        return values;
    }

    static void assertAvroTypeOmittedOrAvro(JsonNode body) {
        JsonNode type = body.get("schemaType");
        assertThat(type == null || "AVRO".equals(type.stringValue()))
                .as(body.toString())
                .isTrue();
    }

    // ---- POST /subjects/{s}/versions ------------------------------------------------------------

    @Nested
    class Register {

        @Test
        void answersTheIdAndReusesItForTheSameSchema() {
            String subject = subject();
            JsonNode first = register(subject, v1("Reg"));
            assertThat(first.get("id").isInt()).isTrue();
            JsonNode again = register(subject, v1("Reg"));
            assertThat(again.get("id").intValue()).isEqualTo(first.get("id").intValue());
            assertThat(ints(http.get("/subjects/" + subject + "/versions").json()))
                    .containsExactly(1);
        }

        @Test
        void answersVersionAndTheStoredSchemaLikeConfluent75() {
            assumeTrue(crossdesk());
            String subject = subject();
            register(subject, v1("Shape"));
            Reply reply = http.post(
                    "/subjects/" + subject + "/versions", schemaBody(v2("Shape").replace(",", " , ")));
            assertOk(reply);
            JsonNode body = reply.json();
            assertThat(body.get("version").intValue()).isEqualTo(2);
            assertThat(body.get("schema").stringValue()).isEqualTo(v2("Shape"));
            assertThat(body.has("schemaType")).isFalse();
        }

        @Test
        void theSameSchemaUnderAnotherSubjectGetsTheSameId() {
            int a = register(subject(), v1("Shared")).get("id").intValue();
            assertThat(register(subject(), v1("Shared")).get("id").intValue()).isEqualTo(a);
        }

        @Test
        void anIncompatibleSchemaIs409() {
            String subject = subject();
            register(subject, v1("Inc"));
            Reply reply = http.post("/subjects/" + subject + "/versions", schemaBody(breaking("Inc")));
            assertThat(reply.status()).isEqualTo(409);
            int code = reply.json().get("error_code").intValue();
            assertThat(code == 409 || code == 40901).as(reply.body()).isTrue();
            assertThat(reply.json().get("message").stringValue())
                    .startsWith("Schema being registered is incompatible with an earlier schema for subject \""
                            + subject + "\", details: [")
                    .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        }

        @Test
        void invalidSchemasAre42201() {
            String subject = subject();
            assertError(
                    http.post("/subjects/" + subject + "/versions", schemaBody("{\"type\":\"recrod\"}")),
                    422,
                    42201,
                    null);
            assertError(http.post("/subjects/" + subject + "/versions", schemaBody("")), 422, 42201, null);
            assertError(
                    http.post(
                            "/subjects/" + subject + "/versions",
                            schemaBody(
                                    "{\"type\":\"record\",\"name\":\"D\",\"fields\":[{\"name\":\"s\",\"type\":\"string\",\"default\":null}]}")),
                    422,
                    42201,
                    null);
            assertError(
                    http.post("/subjects/" + subject + "/versions", schemaBody(v1("T"), "schemaType", "XML")),
                    422,
                    42201,
                    null);
        }

        @Test
        void anExplicitVersionOtherThanTheNextIs42201() {
            String subject = subject();
            register(subject, v1("Ver"));
            assertError(
                    http.post("/subjects/" + subject + "/versions", schemaBody(v2("Ver"), "version", 5)),
                    422,
                    42201,
                    null);
        }

        @Test
        void readOnlyModeIs42205() {
            String subject = subject();
            register(subject, v1("Ro"));
            assertOk(http.put("/mode/" + subject, "{\"mode\":\"READONLY\"}"));
            Reply reply = http.post("/subjects/" + subject + "/versions", schemaBody(v2("Ro")));
            assertError(reply, 422, 42205, null);
            assertThat(reply.json().get("message").stringValue()).contains("read-only");
            // The identity check comes before the mode check.
            assertOk(http.post("/subjects/" + subject + "/versions", schemaBody(v1("Ro"))));
        }

        @Test
        void anIdOutsideImportModeIs42205() {
            assertError(
                    http.post("/subjects/" + subject() + "/versions", schemaBody(v1("Imp"), "id", 12345)),
                    422,
                    42205,
                    null);
        }

        @Test
        void aSubjectWithControlCharactersIs42208() {
            assertError(http.post("/subjects/bad%01subject/versions", schemaBody(v1("Ctl"))), 422, 42208, null);
        }

        @Test
        void unknownPropertiesAndNullOptionalsAreIgnored() {
            String body = "{\"schema\":" + RegistryHttp.JSON.writeValueAsString(v1("Tol")) + ",\"schemaType\":null,"
                    + "\"references\":null,\"metadata\":null,\"ruleSet\":null,\"version\":null,\"id\":null,"
                    + "\"schemaTagsToAdd\":null,\"propagateSchemaTags\":null,\"somethingNew\":{\"x\":1}}";
            Reply reply = http.send(
                    "POST",
                    "/subjects/" + subject() + "/versions?normalize=false&unknown=1",
                    body,
                    RegistryHttp.V1_JSON,
                    "Confluent-Accept-Unknown-Properties",
                    "true",
                    "Confluent-Client-Version",
                    "java-7.9");
            assertOk(reply);
        }

        @Test
        void acceptsEveryDocumentedRequestContentType() {
            String subject = subject();
            for (String type : List.of(
                    RegistryHttp.V1_JSON,
                    "application/vnd.schemaregistry+json",
                    "application/json",
                    "application/octet-stream")) {
                assertOk(http.send("POST", "/subjects/" + subject + "/versions", schemaBody(v1("Ct")), type));
            }
        }

        @Test
        void anUnsupportedContentTypeIs415() {
            assertError(
                    http.send("POST", "/subjects/" + subject() + "/versions", schemaBody(v1("X")), "text/plain"),
                    415,
                    415,
                    "HTTP 415 Unsupported Media Type");
        }

        @Test
        void malformedJsonIs400() {
            assertError(http.post("/subjects/" + subject() + "/versions", "{\"schema\": "), 400, 400, null);
        }

        @Test
        void aMissingBodyIs422() {
            assertError(
                    http.send("POST", "/subjects/" + subject() + "/versions", "", RegistryHttp.V1_JSON),
                    422,
                    422,
                    null);
        }
    }

    // ---- POST /subjects/{s} ----------------------------------------------------------------------

    @Nested
    class Lookup {

        @Test
        void findsTheVersionHoldingTheSchema() {
            String subject = subject();
            int id = register(subject, v1("Look")).get("id").intValue();
            register(subject, v2("Look"));
            Reply reply = http.post("/subjects/" + subject, schemaBody(v1("Look")));
            assertOk(reply);
            JsonNode body = reply.json();
            assertThat(body.get("subject").stringValue()).isEqualTo(subject);
            assertThat(body.get("version").intValue()).isEqualTo(1);
            assertThat(body.get("id").intValue()).isEqualTo(id);
            assertThat(body.get("schema").stringValue()).isEqualTo(v1("Look"));
            assertAvroTypeOmittedOrAvro(body);
        }

        @Test
        void anUnknownSubjectIs40401AndAnUnknownSchemaIs40403() {
            String subject = subject();
            assertError(
                    http.post("/subjects/" + subject, schemaBody(v1("L"))),
                    404,
                    40401,
                    "Subject '" + subject + "' not found.");
            register(subject, v1("L"));
            assertError(http.post("/subjects/" + subject, schemaBody(v2("L"))), 404, 40403, "Schema not found");
        }

        @Test
        void anUnparsableSchemaIs42201() {
            String subject = subject();
            register(subject, v1("Lp"));
            assertError(http.post("/subjects/" + subject, schemaBody("{\"type\":")), 422, 42201, null);
        }

        @Test
        void deletedTrueAlsoFindsSoftDeletedVersions() {
            String subject = subject();
            register(subject, v1("Ld"));
            register(subject, v2("Ld"));
            assertOk(http.delete("/subjects/" + subject + "/versions/1"));
            assertError(http.post("/subjects/" + subject, schemaBody(v1("Ld"))), 404, 40403, null);
            Reply reply = http.post("/subjects/" + subject + "?deleted=true", schemaBody(v1("Ld")));
            assertOk(reply);
            assertThat(reply.json().get("version").intValue()).isEqualTo(1);
        }
    }

    // ---- GET /subjects/{s}/versions/{v} and .../schema -------------------------------------------

    @Nested
    class Versions {

        @Test
        void getsAVersionByNumberLatestAndMinusOne() {
            String subject = subject();
            register(subject, v1("G"));
            int id2 = register(subject, v2("G")).get("id").intValue();
            for (String version : List.of("2", "latest", "-1")) {
                Reply reply = http.get("/subjects/" + subject + "/versions/" + version);
                assertOk(reply);
                JsonNode body = reply.json();
                assertThat(body.get("subject").stringValue()).isEqualTo(subject);
                assertThat(body.get("version").intValue()).isEqualTo(2);
                assertThat(body.get("id").intValue()).isEqualTo(id2);
                assertThat(body.get("schema").stringValue()).isEqualTo(v2("G"));
                assertAvroTypeOmittedOrAvro(body);
            }
        }

        @Test
        void unknownSubjectVersionAndInvalidVersionsHaveTheirCodes() {
            String subject = subject();
            assertError(
                    http.get("/subjects/" + subject + "/versions/1"),
                    404,
                    40401,
                    "Subject '" + subject + "' not found.");
            register(subject, v1("E"));
            assertError(http.get("/subjects/" + subject + "/versions/9"), 404, 40402, "Version 9 not found.");
            for (String bad : List.of("0", "-2", "abc")) {
                assertError(
                        http.get("/subjects/" + subject + "/versions/" + bad),
                        422,
                        42202,
                        "The specified version '" + bad + "' is not a valid version id. Allowed values are between"
                                + " [1, 2^31-1] and the string \"latest\"");
            }
        }

        @Test
        void aSoftDeletedVersionNeedsDeletedTrue() {
            String subject = subject();
            register(subject, v1("Sd"));
            register(subject, v2("Sd"));
            assertOk(http.delete("/subjects/" + subject + "/versions/1"));
            assertError(http.get("/subjects/" + subject + "/versions/1"), 404, 40402, null);
            assertOk(http.get("/subjects/" + subject + "/versions/1?deleted=true"));
        }

        @Test
        void theSchemaEndpointAnswersTheRawDocument() {
            String subject = subject();
            register(subject, v1("Raw"));
            Reply reply = http.get("/subjects/" + subject + "/versions/1/schema");
            assertOk(reply);
            assertThat(reply.json()).isEqualTo(RegistryHttp.JSON.readTree(v1("Raw")));
            String primitive = subject();
            register(primitive, "{\"type\":\"string\"}");
            assertThat(http.get("/subjects/" + primitive + "/versions/latest/schema")
                            .body())
                    .isEqualTo("\"string\"");
            assertError(http.get("/subjects/" + subject + "/versions/4/schema"), 404, 40402, null);
            assertError(http.get("/subjects/" + subject() + "/versions/1/schema"), 404, 40401, null);
            assertError(http.get("/subjects/" + subject + "/versions/0/schema"), 422, 42202, null);
        }

        @Test
        void listsLiveVersionsAscending() {
            String subject = subject();
            register(subject, v1("Li"));
            register(subject, v2("Li"));
            Reply reply = http.get("/subjects/" + subject + "/versions");
            assertOk(reply);
            assertThat(ints(reply.json())).containsExactly(1, 2);
            assertOk(http.delete("/subjects/" + subject + "/versions/2"));
            assertThat(ints(http.get("/subjects/" + subject + "/versions").json()))
                    .containsExactly(1);
            assertThat(ints(http.get("/subjects/" + subject + "/versions?deleted=true")
                            .json()))
                    .containsExactly(1, 2);
        }

        @Test
        void listingAnUnknownOrFullySoftDeletedSubjectIs40401() {
            String subject = subject();
            assertError(
                    http.get("/subjects/" + subject + "/versions"), 404, 40401, "Subject '" + subject + "' not found.");
            register(subject, v1("Fd"));
            assertOk(http.delete("/subjects/" + subject));
            assertError(http.get("/subjects/" + subject + "/versions"), 404, 40401, null);
        }
    }

    // ---- DELETE /subjects/{s}/versions/{v} and DELETE /subjects/{s} -------------------------------

    @Nested
    class Deletes {

        @Test
        void aVersionIsSoftThenPermanentlyDeleted() {
            String subject = subject();
            register(subject, v1("Dv"));
            register(subject, v2("Dv"));
            Reply soft = http.delete("/subjects/" + subject + "/versions/2");
            assertOk(soft);
            assertThat(soft.json().intValue()).isEqualTo(2);
            assertError(
                    http.delete("/subjects/" + subject + "/versions/2"),
                    404,
                    40406,
                    "Subject '" + subject + "' Version 2 was soft deleted.Set permanent=true to delete permanently");
            assertError(
                    http.delete("/subjects/" + subject + "/versions/1?permanent=true"),
                    404,
                    40407,
                    "Subject '" + subject + "' Version 1 was not deleted first before being permanently deleted");
            Reply permanent = http.delete("/subjects/" + subject + "/versions/2?permanent=true");
            assertOk(permanent);
            assertThat(permanent.json().intValue()).isEqualTo(2);
            assertThat(ints(http.get("/subjects/" + subject + "/versions?deleted=true")
                            .json()))
                    .containsExactly(1);
        }

        @Test
        void deletingAVersionOfNothingHasTheNotFoundCodes() {
            String subject = subject();
            assertError(http.delete("/subjects/" + subject + "/versions/1"), 404, 40401, null);
            register(subject, v1("Dn"));
            assertError(http.delete("/subjects/" + subject + "/versions/3"), 404, 40402, "Version 3 not found.");
            assertError(http.delete("/subjects/" + subject + "/versions/zero"), 422, 42202, null);
        }

        @Test
        void aSubjectIsSoftThenPermanentlyDeleted() {
            String subject = subject();
            register(subject, v1("Ds"));
            register(subject, v2("Ds"));
            assertError(
                    http.delete("/subjects/" + subject + "?permanent=true"),
                    404,
                    40405,
                    "Subject '" + subject + "' was not deleted first before being permanently deleted");
            Reply soft = http.delete("/subjects/" + subject);
            assertOk(soft);
            assertThat(ints(soft.json())).containsExactly(1, 2);
            assertThat(strings(http.get("/subjects").json())).doesNotContain(subject);
            assertThat(strings(http.get("/subjects?deleted=true").json())).contains(subject);
            assertError(
                    http.delete("/subjects/" + subject),
                    404,
                    40404,
                    "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
            Reply permanent = http.delete("/subjects/" + subject + "?permanent=true");
            assertOk(permanent);
            assertThat(ints(permanent.json())).containsExactly(1, 2);
            assertThat(strings(http.get("/subjects?deleted=true").json())).doesNotContain(subject);
            assertError(http.delete("/subjects/" + subject), 404, 40401, "Subject '" + subject + "' not found.");
        }
    }

    // ---- schema references ------------------------------------------------------------------------

    @Nested
    class References {

        private String desk() {
            return record("Desk");
        }

        private String alert() {
            return "{\"type\":\"record\",\"name\":\"Alert\",\"namespace\":\"org.example.r" + run.replace("-", "")
                    + "\",\"fields\":[{\"name\":\"to\",\"type\":\"Desk\"}]}";
        }

        private List<Map<String, Object>> referenceTo(String subject) {
            return List.of(
                    Map.of("name", "org.example.r" + run.replace("-", "") + ".Desk", "subject", subject, "version", 1));
        }

        @Test
        void aSchemaReferencingAnotherIsStoredWithItsReferences() {
            String desks = subject();
            String alerts = subject();
            register(desks, desk());
            Reply registered = http.post(
                    "/subjects/" + alerts + "/versions", schemaBody(alert(), "references", referenceTo(desks)));
            assertOk(registered);
            int id = registered.json().get("id").intValue();
            JsonNode version = http.get("/subjects/" + alerts + "/versions/1").json();
            assertThat(version.get("schema").stringValue()).isEqualTo(alert());
            JsonNode reference = version.get("references").get(0);
            assertThat(reference.get("subject").stringValue()).isEqualTo(desks);
            assertThat(reference.get("version").intValue()).isEqualTo(1);
            assertThat(http.get("/schemas/ids/" + id)
                            .json()
                            .get("references")
                            .get(0)
                            .get("subject")
                            .stringValue())
                    .isEqualTo(desks);
            assertThat(ints(http.get("/subjects/" + desks + "/versions/1/referencedby")
                            .json()))
                    .containsExactly(id);
            Reply lookup = http.post("/subjects/" + alerts, schemaBody(alert(), "references", referenceTo(desks)));
            assertOk(lookup);
            assertThat(lookup.json().get("id").intValue()).isEqualTo(id);
        }

        @Test
        void aReferencedVersionCannotBeDeleted() {
            String desks = subject();
            register(desks, desk());
            assertOk(http.post(
                    "/subjects/" + subject() + "/versions", schemaBody(alert(), "references", referenceTo(desks))));
            assertError(http.delete("/subjects/" + desks + "/versions/1"), 422, 42206, null);
            assertError(http.delete("/subjects/" + desks), 422, 42206, null);
        }

        @Test
        void aDanglingReferenceIs42201() {
            assertError(
                    http.post(
                            "/subjects/" + subject() + "/versions",
                            schemaBody(alert(), "references", referenceTo(subject()))),
                    422,
                    42201,
                    null);
        }
    }

    // ---- GET /subjects -----------------------------------------------------------------------------

    @Test
    void listsSubjectsSortedWithPrefixFilter() {
        String a = subject();
        String b = subject();
        register(b, v1("Sub"));
        register(a, v1("Sub"));
        Reply reply = http.get("/subjects");
        assertOk(reply);
        List<String> all = strings(reply.json());
        assertThat(all).contains(a, b);
        assertThat(all.indexOf(a)).isLessThan(all.indexOf(b));
        assertThat(strings(http.get("/subjects?subjectPrefix=contract-" + run).json()))
                .contains(a, b)
                .allMatch(s -> s.startsWith("contract-" + run));
    }

    // ---- /schemas ----------------------------------------------------------------------------------

    @Nested
    class SchemasById {

        @Test
        void resolvesAnIdToItsSchema() {
            int id = register(subject(), v1("Id")).get("id").intValue();
            Reply reply = http.get("/schemas/ids/" + id + "?subject=ignored&fetchMaxId=false");
            assertOk(reply);
            assertThat(reply.json().get("schema").stringValue()).isEqualTo(v1("Id"));
            assertAvroTypeOmittedOrAvro(reply.json());
            Reply raw = http.get("/schemas/ids/" + id + "/schema");
            assertOk(raw);
            assertThat(raw.json()).isEqualTo(RegistryHttp.JSON.readTree(v1("Id")));
        }

        @Test
        void aSoftDeletedVersionsIdStillResolvesAndAPermanentlyDeletedOneDoesNot() {
            String subject = subject();
            int id = register(subject, v1("Gone")).get("id").intValue();
            assertOk(http.delete("/subjects/" + subject));
            assertOk(http.get("/schemas/ids/" + id));
            assertOk(http.delete("/subjects/" + subject + "?permanent=true"));
            assertError(http.get("/schemas/ids/" + id), 404, 40403, "Schema " + id + " not found");
            assertError(http.get("/schemas/ids/" + id + "/schema"), 404, 40403, null);
        }

        @Test
        void anUnknownIdIs40403AndANonNumericOneIs404() {
            assertError(http.get("/schemas/ids/987654"), 404, 40403, "Schema 987654 not found");
            assertError(http.get("/schemas/ids/987654/subjects"), 404, 40403, null);
            assertError(http.get("/schemas/ids/987654/versions"), 404, 40403, null);
            assertError(http.get("/schemas/ids/abc"), 404, 404, null);
        }

        @Test
        void listsTheSubjectsAndTheFlatSubjectVersionsOfAnId() {
            String a = subject();
            String b = subject();
            int id = register(a, v1("Many")).get("id").intValue();
            register(b, v1("Many"));
            Reply subjects = http.get("/schemas/ids/" + id + "/subjects");
            assertOk(subjects);
            assertThat(strings(subjects.json())).containsExactlyInAnyOrder(a, b);
            Reply versions = http.get("/schemas/ids/" + id + "/versions");
            assertOk(versions);
            assertThat(versions.json().isArray()).isTrue();
            assertThat(versions.json()).hasSize(2).allSatisfy(entry -> {
                assertThat(entry.get("version").intValue()).isEqualTo(1);
                assertThat(entry.get("subject").stringValue()).isIn(a, b);
            });
            assertOk(http.delete("/subjects/" + b));
            assertThat(strings(http.get("/schemas/ids/" + id + "/subjects").json()))
                    .containsExactly(a);
            assertThat(strings(http.get("/schemas/ids/" + id + "/subjects?deleted=true")
                            .json()))
                    .containsExactlyInAnyOrder(a, b);
        }

        @Test
        void typesIncludeAvro() {
            Reply reply = http.get("/schemas/types");
            assertOk(reply);
            assertThat(strings(reply.json())).contains("AVRO");
        }
    }

    // ---- /compatibility -------------------------------------------------------------------------------

    @Nested
    class Compatibility {

        @Test
        void testsAgainstOneVersion() {
            String subject = subject();
            register(subject, v1("C"));
            Reply ok = http.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(v2("C")));
            assertOk(ok);
            assertThat(ok.json().get("is_compatible").booleanValue()).isTrue();
            Reply bad = http.post(
                    "/compatibility/subjects/" + subject + "/versions/1?verbose=true", schemaBody(breaking("C")));
            assertOk(bad);
            assertThat(bad.json().get("is_compatible").booleanValue()).isFalse();
            assertThat(strings(bad.json().get("messages")))
                    .anyMatch(m -> m.contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
            Reply quiet = http.post("/compatibility/subjects/" + subject + "/versions/1", schemaBody(breaking("C")));
            assertThat(quiet.json().get("is_compatible").booleanValue()).isFalse();
        }

        @Test
        void latestWithoutVersionsIsCompatibleAndAMissingNumberedVersionIs40402() {
            String subject = subject();
            Reply latest = http.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(v1("N")));
            assertOk(latest);
            assertThat(latest.json().get("is_compatible").booleanValue()).isTrue();
            assertError(
                    http.post("/compatibility/subjects/" + subject + "/versions/2", schemaBody(v1("N"))),
                    404,
                    40402,
                    "Version 2 not found.");
        }

        @Test
        void invalidSchemasAndVersionsAreRejected() {
            String subject = subject();
            register(subject, v1("Iv"));
            assertError(
                    http.post("/compatibility/subjects/" + subject + "/versions/1", schemaBody("{\"type\":\"oops\"}")),
                    422,
                    42201,
                    null);
            Reply verbose = http.post(
                    "/compatibility/subjects/" + subject + "/versions/1?verbose=true",
                    schemaBody("{\"type\":\"oops\"}"));
            assertOk(verbose);
            assertThat(verbose.json().get("is_compatible").booleanValue()).isFalse();
            assertError(
                    http.post("/compatibility/subjects/" + subject + "/versions/0", schemaBody(v1("Iv"))),
                    422,
                    42202,
                    null);
        }

        @Test
        void theAllVersionsEndpointRunsTheRegisterTimeCheck() {
            String subject = subject();
            assertOk(http.put("/config/" + subject, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}"));
            register(subject, v1("All"));
            register(subject, record("All", "{\"name\":\"desk\",\"type\":\"string\",\"default\":\"x\"}"));
            Reply one =
                    http.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(breaking("All")));
            assertThat(one.json().get("is_compatible").booleanValue()).isTrue();
            Reply all = http.post("/compatibility/subjects/" + subject + "/versions", schemaBody(breaking("All")));
            assertOk(all);
            assertThat(all.json().get("is_compatible").booleanValue()).isFalse();
        }
    }

    // ---- /config --------------------------------------------------------------------------------------

    @Nested
    class Config {

        @Test
        void theGlobalLevelIsReadAsCompatibilityLevelAndWrittenAsCompatibility() {
            Reply before = http.get("/config");
            assertOk(before);
            String original = before.json().get("compatibilityLevel").stringValue();
            try {
                Reply put = http.put("/config", "{\"compatibility\":\"full\"}");
                assertOk(put);
                assertThat(put.json().get("compatibility").stringValue()).isEqualTo("FULL");
                assertThat(http.get("/config").json().get("compatibilityLevel").stringValue())
                        .isEqualTo("FULL");
            } finally {
                assertOk(http.put("/config", "{\"compatibility\":\"" + original + "\"}"));
            }
        }

        @Test
        void anInvalidLevelIs42203() {
            assertError(
                    http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"),
                    422,
                    42203,
                    "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive,"
                            + " forward_transitive, and full_transitive");
            assertError(http.put("/config/" + subject(), "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203, null);
        }

        @Test
        void aSubjectLevelWorksBeforeTheSubjectHasVersions() {
            String subject = subject();
            assertError(
                    http.get("/config/" + subject),
                    404,
                    40408,
                    "Subject '" + subject + "' does not have subject-level compatibility configured");
            Reply fallback = http.get("/config/" + subject + "?defaultToGlobal=true");
            assertOk(fallback);
            assertThat(fallback.json().get("compatibilityLevel").stringValue())
                    .isEqualTo(
                            http.get("/config").json().get("compatibilityLevel").stringValue());
            Reply put = http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
            assertOk(put);
            assertThat(put.json().get("compatibility").stringValue()).isEqualTo("NONE");
            assertThat(http.get("/config/" + subject)
                            .json()
                            .get("compatibilityLevel")
                            .stringValue())
                    .isEqualTo("NONE");
            register(subject, v1("Cfg"));
            register(subject, "\"int\"");
        }

        @Test
        void deletingASubjectLevelAnswersTheOldOneOr40401() {
            String subject = subject();
            assertError(http.delete("/config/" + subject), 404, 40401, "Subject '" + subject + "' not found.");
            assertOk(http.put("/config/" + subject, "{\"compatibility\":\"FORWARD\"}"));
            Reply deleted = http.delete("/config/" + subject);
            assertOk(deleted);
            assertThat(deleted.json().get("compatibilityLevel").stringValue()).isEqualTo("FORWARD");
            assertError(http.get("/config/" + subject), 404, 40408, null);
        }

        @Test
        void aSubjectWithControlCharactersIs42208() {
            assertError(http.put("/config/bad%07subject", "{\"compatibility\":\"NONE\"}"), 422, 42208, null);
        }

        @Test
        void deletingTheGlobalLevelAnswersThePreviousOne() {
            String original =
                    http.get("/config").json().get("compatibilityLevel").stringValue();
            try {
                assertOk(http.put("/config", "{\"compatibility\":\"FORWARD_TRANSITIVE\"}"));
                Reply deleted = http.delete("/config");
                assertOk(deleted);
                assertThat(deleted.json().get("compatibilityLevel").stringValue())
                        .isEqualTo("FORWARD_TRANSITIVE");
            } finally {
                assertOk(http.put("/config", "{\"compatibility\":\"" + original + "\"}"));
            }
        }
    }

    // ---- /mode ----------------------------------------------------------------------------------------

    @Nested
    class Modes {

        @Test
        void theGlobalModeIsReadWriteAndCanBeSetAndReset() {
            Reply mode = http.get("/mode");
            assertOk(mode);
            assertThat(mode.json().get("mode").stringValue()).isEqualTo("READWRITE");
            try {
                Reply put = http.put("/mode", "{\"mode\":\"READONLY\"}");
                assertOk(put);
                assertThat(put.json().get("mode").stringValue()).isEqualTo("READONLY");
                assertError(http.post("/subjects/" + subject() + "/versions", schemaBody(v1("M"))), 422, 42205, null);
            } finally {
                assertOk(http.put("/mode", "{\"mode\":\"READWRITE\"}"));
            }
        }

        @Test
        void subjectModesHaveTheirOwnNotFoundCode() {
            String subject = subject();
            assertError(
                    http.get("/mode/" + subject),
                    404,
                    40409,
                    "Subject '" + subject + "' does not have subject-level mode configured");
            assertThat(http.get("/mode/" + subject + "?defaultToGlobal=true")
                            .json()
                            .get("mode")
                            .stringValue())
                    .isEqualTo("READWRITE");
            assertError(http.delete("/mode/" + subject), 404, 40401, "Subject '" + subject + "' not found.");
            assertOk(http.put("/mode/" + subject, "{\"mode\":\"READONLY\"}"));
            assertThat(http.get("/mode/" + subject).json().get("mode").stringValue())
                    .isEqualTo("READONLY");
            Reply deleted = http.delete("/mode/" + subject);
            assertOk(deleted);
            assertThat(deleted.json().get("mode").stringValue()).isEqualTo("READONLY");
        }

        @Test
        void anInvalidModeIs42204() {
            assertError(http.put("/mode/" + subject(), "{\"mode\":\"SOMETIMES\"}"), 422, 42204, null);
        }
    }

    // ---- conventions ----------------------------------------------------------------------------------

    @Nested
    class Conventions {

        @Test
        void theRootIsAnEmptyObject() {
            Reply get = http.get("/");
            assertOk(get);
            assertThat(get.body()).isEqualTo("{}");
            Reply post = http.send("POST", "/", "{}", RegistryHttp.V1_JSON);
            assertOk(post);
            assertThat(post.json().isObject()).isTrue();
        }

        @Test
        void anUnknownPathIs404WithTheEnvelope() {
            assertError(http.get("/nowhere/at/all"), 404, 404, null);
        }

        @Test
        void associationsAre404SoThatSerializersFallBackToTopicNames() {
            assertThat(http.get("/associations/resources/-/cases?resourceType=topic&associationType=value")
                            .status())
                    .isEqualTo(404);
            assertThat(http.get("/associations").status()).isEqualTo(404);
        }

        @Test
        void aWrongMethodIs405() {
            assertError(http.send("PATCH", "/subjects", "{}", RegistryHttp.V1_JSON), 405, 405, null);
            assertError(http.send("PUT", "/schemas/types", "{}", RegistryHttp.V1_JSON), 405, 405, null);
        }

        @Test
        void answersAreNegotiatedByAccept() {
            assertThat(http.send("GET", "/subjects", null, null, "Accept", "application/json")
                            .mediaType())
                    .isEqualTo("application/json");
            assertThat(http.send("GET", "/subjects", null, null, "Accept", "application/vnd.schemaregistry+json")
                            .mediaType())
                    .isEqualTo("application/vnd.schemaregistry+json");
            assertThat(http.send("GET", "/subjects", null, null, "Accept", "*/*")
                            .mediaType())
                    .isEqualTo(RegistryHttp.V1_JSON);
            assertThat(http.send(
                                    "GET",
                                    "/subjects",
                                    null,
                                    null,
                                    "Accept",
                                    "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5")
                            .mediaType())
                    .isEqualTo(RegistryHttp.V1_JSON);
        }

        @Test
        void anUnacceptableAcceptIs406() {
            Reply reply = http.send("GET", "/subjects", null, null, "Accept", "text/html");
            assertThat(reply.status()).isEqualTo(406);
            assertThat(reply.json().get("error_code").intValue()).isEqualTo(406);
        }

        @Test
        void unknownQueryParametersAreIgnored() {
            assertOk(http.get("/subjects?whatever=1&deleted=false"));
            assertOk(http.get("/config?defaultToGlobal=true&x=y"));
        }

        @Test
        void contextsListTheDefaultContext() {
            Reply reply = http.get("/contexts");
            assertOk(reply);
            assertThat(strings(reply.json())).contains(".");
        }
    }
}
