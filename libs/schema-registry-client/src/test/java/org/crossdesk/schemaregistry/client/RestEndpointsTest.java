package org.crossdesk.schemaregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.schemaregistry.client.RestSchemaRegistryClientTest.jsonString;

import java.util.Map;
import org.apache.avro.Schema;
import org.crossdesk.schemaregistry.testing.ScriptedRegistry;
import org.crossdesk.schemaregistry.testing.ScriptedRegistry.Reply;
import org.crossdesk.schemaregistry.testing.ScriptedRegistry.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every P0/P1 endpoint: the method, path, query and body sent, and how the documented answer is read. */
class RestEndpointsTest {

    private static final String TEXT =
            "{\"type\":\"record\",\"name\":\"Case\",\"namespace\":\"org.example\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final Schema SCHEMA = new Schema.Parser().parse(TEXT);
    private static final SchemaDefinition DEFINITION = SchemaDefinition.avro(SCHEMA);
    private static final String SCHEMA_BODY = "{\"schema\":" + jsonString(TEXT) + "}";

    private final ScriptedRegistry registry = new ScriptedRegistry();
    private final RestSchemaRegistryClient client =
            new RestSchemaRegistryClient(registry.url(), Map.of("max.retries", 0));

    @AfterEach
    void stop() {
        client.close();
        registry.close();
    }

    private void answered(String json) {
        registry.enqueue(Reply.json(200, json));
    }

    private Request sent() {
        return registry.lastRequest();
    }

    @Test
    void registerAndLookup() {
        answered("{\"id\":100001}");
        assertThat(client.register("cases-value", SCHEMA))
                .as("ids may be large (Confluent Cloud)")
                .isEqualTo(100001);
        assertThat(sent().method()).isEqualTo("POST");
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/cases-value/versions");
        assertThat(sent().body()).isEqualTo(SCHEMA_BODY);

        answered("{\"subject\":\"cases-value\",\"version\":3,\"id\":7,\"schema\":" + jsonString(TEXT) + "}");
        RegisteredSchema found = client.lookup("cases-value", DEFINITION, true, true);
        assertThat(found).isEqualTo(new RegisteredSchema("cases-value", 3, 7, null, TEXT, null));
        assertThat(sent().method()).isEqualTo("POST");
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/cases-value?normalize=true&deleted=true");
        assertThat(sent().body()).isEqualTo(SCHEMA_BODY);

        answered("{\"subject\":\"cases-value\",\"version\":3,\"id\":7,\"schema\":" + jsonString(TEXT) + "}");
        assertThat(client.getVersion("cases-value", SCHEMA)).isEqualTo(3);
        answered("{\"subject\":\"cases-value\",\"version\":3,\"id\":7,\"schema\":" + jsonString(TEXT) + "}");
        assertThat(client.getId("cases-value", SCHEMA)).isEqualTo(7);
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/cases-value");
    }

    @Test
    void versions() {
        answered("{\"subject\":\"s\",\"version\":2,\"id\":5,\"schema\":" + jsonString(TEXT) + "}");
        assertThat(client.getSubjectVersion("s", "-1", true).version()).isEqualTo(2);
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/s/versions/-1?deleted=true");

        answered("{\"subject\":\"s\",\"version\":2,\"id\":5,\"schema\":" + jsonString(TEXT) + "}");
        assertThat(client.getLatestSchemaMetadata("s").id()).isEqualTo(5);
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/s/versions/latest");

        answered("{\"subject\":\"s\",\"version\":1,\"id\":4,\"schema\":\"\\\"string\\\"\"}");
        assertThat(client.getSchemaMetadata("s", 1).schema()).isEqualTo("\"string\"");
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/s/versions/1");

        answered(TEXT);
        assertThat(client.getRawSchema("s", "2")).isEqualTo(TEXT);
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/s/versions/2/schema");

        answered("[1,2,3]");
        assertThat(client.getAllVersions("s")).containsExactly(1, 2, 3);
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/s/versions");

        answered("[1,2,3,4]");
        assertThat(client.getAllVersions("s", true)).containsExactly(1, 2, 3, 4);
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/s/versions?deleted=true");
    }

    @Test
    void deletes() {
        answered("2");
        assertThat(client.deleteSchemaVersion("s", "2", false)).isEqualTo(2);
        assertThat(sent().method()).isEqualTo("DELETE");
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/s/versions/2");

        answered("2");
        client.deleteSchemaVersion("s", "2", true);
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/s/versions/2?permanent=true");

        answered("[1,3]");
        assertThat(client.deleteSubject("s", false)).containsExactly(1, 3);
        assertThat(sent().method()).isEqualTo("DELETE");
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/s");

        answered("[1,3]");
        client.deleteSubject("s", true);
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects/s?permanent=true");
    }

    @Test
    void subjects() {
        answered("[\"a-value\",\"b-value\"]");
        assertThat(client.getAllSubjects()).containsExactly("a-value", "b-value");
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects");

        answered("[\"a-value\"]");
        client.getAllSubjects(true);
        assertThat(sent().pathAndQuery()).isEqualTo("/subjects?deleted=true");
    }

    @Test
    void schemasById() {
        answered("{\"schema\":" + jsonString(TEXT) + ",\"subject\":\"s\",\"version\":2}");
        RegisteredSchema byId = client.getById(7, "s");
        assertThat(byId.schema()).isEqualTo(TEXT);
        assertThat(byId.version()).isEqualTo(2);
        assertThat(sent().pathAndQuery()).isEqualTo("/schemas/ids/7?subject=s");

        answered("{\"schema\":" + jsonString(TEXT) + "}");
        assertThat(client.getSchemaById(7)).isEqualTo(SCHEMA);
        assertThat(sent().pathAndQuery()).isEqualTo("/schemas/ids/7");

        answered("\"string\"");
        assertThat(client.getRawSchemaById(8)).isEqualTo("\"string\"");
        assertThat(sent().pathAndQuery()).isEqualTo("/schemas/ids/8/schema");

        answered("[\"a-value\",\"b-value\"]");
        assertThat(client.getAllSubjectsById(7)).containsExactly("a-value", "b-value");
        assertThat(sent().pathAndQuery()).isEqualTo("/schemas/ids/7/subjects");

        answered("[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":4}]");
        assertThat(client.getAllVersionsById(7))
                .containsExactly(new SubjectVersion("a-value", 1), new SubjectVersion("b-value", 4));
        assertThat(sent().pathAndQuery()).isEqualTo("/schemas/ids/7/versions");

        answered("[\"JSON\",\"PROTOBUF\",\"AVRO\"]");
        assertThat(client.getSchemaTypes()).containsExactly("JSON", "PROTOBUF", "AVRO");
        assertThat(sent().pathAndQuery()).isEqualTo("/schemas/types");
    }

    @Test
    void compatibility() {
        answered(
                "{\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT_VALUE\",{\"oldSchemaVersion\":1}]}");
        CompatibilityResult result = client.testCompatibility("s", "latest", DEFINITION, true);
        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).containsExactly("READER_FIELD_MISSING_DEFAULT_VALUE", "{\"oldSchemaVersion\":1}");
        assertThat(sent().method()).isEqualTo("POST");
        assertThat(sent().pathAndQuery()).isEqualTo("/compatibility/subjects/s/versions/latest?verbose=true");
        assertThat(sent().body()).isEqualTo(SCHEMA_BODY);

        answered("{\"is_compatible\":true}");
        assertThat(client.testCompatibilityWithAll("s", DEFINITION, false))
                .isEqualTo(new CompatibilityResult(true, null));
        assertThat(sent().pathAndQuery()).isEqualTo("/compatibility/subjects/s/versions");

        answered("{\"is_compatible\":true}");
        assertThat(client.testCompatibility("s", SCHEMA)).isTrue();
    }

    @Test
    void config() {
        answered("{\"compatibilityLevel\":\"BACKWARD\"}");
        assertThat(client.getGlobalCompatibility()).isEqualTo("BACKWARD");
        assertThat(sent().pathAndQuery()).isEqualTo("/config");

        answered("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(client.getCompatibility("s", true)).isEqualTo("FULL");
        assertThat(sent().pathAndQuery()).isEqualTo("/config/s?defaultToGlobal=true");

        answered("{\"compatibility\":\"FULL\"}");
        assertThat(client.updateGlobalCompatibility("FULL")).isEqualTo("FULL");
        assertThat(sent().method()).isEqualTo("PUT");
        assertThat(sent().pathAndQuery()).isEqualTo("/config");
        assertThat(sent().body()).isEqualTo("{\"compatibility\":\"FULL\"}");

        answered("{\"compatibility\":\"NONE\"}");
        assertThat(client.updateCompatibility("s", "NONE")).isEqualTo("NONE");
        assertThat(sent().pathAndQuery()).isEqualTo("/config/s");

        answered("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(client.deleteCompatibility("s")).isEqualTo("NONE");
        assertThat(sent().method()).isEqualTo("DELETE");
        assertThat(sent().pathAndQuery()).isEqualTo("/config/s");

        answered("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(client.deleteGlobalCompatibility()).isEqualTo("FULL");
        assertThat(sent().pathAndQuery()).isEqualTo("/config");
    }

    @Test
    void mode() {
        answered("{\"mode\":\"READWRITE\"}");
        assertThat(client.getMode()).isEqualTo("READWRITE");
        assertThat(sent().pathAndQuery()).isEqualTo("/mode");

        answered("{\"mode\":\"READONLY\"}");
        assertThat(client.getMode("s", true)).isEqualTo("READONLY");
        assertThat(sent().pathAndQuery()).isEqualTo("/mode/s?defaultToGlobal=true");

        answered("{\"mode\":\"READONLY\"}");
        assertThat(client.updateMode("s", "READONLY")).isEqualTo("READONLY");
        assertThat(sent().method()).isEqualTo("PUT");
        assertThat(sent().body()).isEqualTo("{\"mode\":\"READONLY\"}");

        answered("{\"mode\":\"IMPORT\"}");
        assertThat(client.updateGlobalMode("IMPORT")).isEqualTo("IMPORT");
        assertThat(sent().pathAndQuery()).isEqualTo("/mode");

        answered("{\"mode\":\"READONLY\"}");
        assertThat(client.deleteMode("s")).isEqualTo("READONLY");
        assertThat(sent().method()).isEqualTo("DELETE");
        assertThat(sent().pathAndQuery()).isEqualTo("/mode/s");
    }

    @Test
    void rootIsALivenessProbe() {
        answered("{}");
        client.ping();
        assertThat(sent().method()).isEqualTo("GET");
        assertThat(sent().pathAndQuery()).isEqualTo("/");
    }
}
