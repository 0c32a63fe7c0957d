package org.crossdesk.schemaregistry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.schemaregistry.http.RegistryHttp.schemaBody;

import java.util.Map;
import java.util.UUID;
import org.crossdesk.schemaregistry.TestUsers;
import org.crossdesk.schemaregistry.http.RegistryHttp.Reply;
import org.crossdesk.schemaregistry.server.EmbeddedSchemaRegistry;
import org.crossdesk.testsupport.KafkaFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract against our own server, on a real broker, over real HTTP, with authentication on
 * and an ADMIN user, so every answer is also proven to pass the authentication filter unchanged.
 */
class EmbeddedRegistryHttpTest extends RegistryHttpContract {

    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.start(
                KafkaFixture.bootstrapServers(),
                TestUsers.settingsWith(
                        "crossdesk.schema-registry.topic", "_schemas-http-contract-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Override
    protected String baseUrl() {
        return registry.url();
    }

    @Override
    protected RegistryHttp client() {
        return new RegistryHttp(registry.url(), RegistryHttp.basic(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()));
    }

    @Override
    protected boolean crossdesk() {
        return true;
    }

    // Choices the spec leaves open, pinned for our server.

    private RegistryHttp http() {
        return client();
    }

    @Test
    void configChangesAreRefusedInReadOnlyMode() {
        String subject = subject();
        assertOk(http().put("/mode/" + subject, "{\"mode\":\"READONLY\"}"));
        assertError(
                http().put("/config/" + subject, "{\"compatibility\":\"NONE\"}"),
                422,
                42205,
                "Subject " + subject + " is in read-only mode");
    }

    @Test
    void forwardModeIsRefused() {
        assertError(
                http().put("/mode/" + subject(), "{\"mode\":\"FORWARD\"}"),
                422,
                42205,
                "Mode FORWARD is not supported by this registry");
    }

    @Test
    void aSchemaLargerThanKafkaAcceptsIs42209() {
        String doc = "x".repeat(1_200_000);
        String huge = "{\"type\":\"record\",\"name\":\"Huge\",\"doc\":\"" + doc + "\",\"fields\":[]}";
        assertError(
                http().post("/subjects/" + subject() + "/versions", schemaBody(huge)),
                422,
                42209,
                "Register operation failed because schema is too large");
    }

    @Test
    void latestWithMetadataFindsNothingBecauseMetadataIsNotStored() {
        String subject = subject();
        assertError(
                http().get("/subjects/" + subject + "/metadata?key=owner&value=desk"),
                404,
                40401,
                "Subject '" + subject + "' not found.");
        assertOk(http().post(
                        "/subjects/" + subject + "/versions",
                        schemaBody(v1("Meta"), "metadata", Map.of("properties", Map.of("owner", "desk")))));
        assertError(
                http().get("/subjects/" + subject + "/metadata?key=owner&value=desk"), 404, 40403, "Schema not found");
    }

    @Test
    void aWrongJsonTypeForAFieldIs400() {
        assertError(
                http().post("/subjects/" + subject() + "/versions", "{\"schema\":{\"type\":\"string\"}}"),
                400,
                400,
                "Field 'schema' must be a string");
    }

    @Test
    void anErrorWithAnUnacceptableAcceptStillHasAReadableBody() {
        Reply reply = http().send("GET", "/subjects/none/versions", null, null, "Accept", "application/json");
        assertError404AsJson(reply);
    }

    private static void assertError404AsJson(Reply reply) {
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.mediaType()).isEqualTo("application/json");
        assertThat(reply.json().get("error_code").intValue()).isEqualTo(40401);
    }

    @Test
    void theMethodNotAllowedAnswerListsTheAllowedMethods() {
        assertError(http().send("DELETE", "/schemas/types", null, null), 405, 405, "HTTP 405 Method Not Allowed");
    }

    @Test
    void healthIsUpWithTheStoreDetails() {
        Reply reply = http().get("/actuator/health");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").stringValue()).isEqualTo("UP");
        assertThat(reply.json().at("/components/schemaStore/status").stringValue())
                .isEqualTo("UP");
        assertThat(reply.json().at("/components/schemaStore/details/topic").stringValue())
                .startsWith("_schemas-http");
    }
}
