package org.crossdesk.schemaregistry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.schemaregistry.http.RegistryHttp.schemaBody;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.crossdesk.schemaregistry.http.RegistryHttp;
import org.crossdesk.schemaregistry.http.RegistryHttp.Reply;
import org.crossdesk.testsupport.KafkaFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Everything a registry answered survives a restart on the same topic. */
class RegistryPersistenceTest {

    private static final String BASE =
            "{\"type\":\"record\",\"name\":\"Alert\",\"namespace\":\"org.example\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"}";

    private static String schema(String extraFields) {
        return BASE + extraFields + "]}";
    }

    @Test
    void idsVersionsDeletedStatesConfigsAndModesAreIdenticalAfterARestart() {
        Map<String, String> topic = Map.of("crossdesk.schema-registry.topic", "_schemas-restart-" + UUID.randomUUID());
        Map<String, String> before;
        int nextIdBefore;
        try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(KafkaFixture.bootstrapServers(), topic)) {
            RegistryHttp http = new RegistryHttp(first.url());
            register(http, "alerts-value", schema(""));
            register(http, "alerts-value", schema(",{\"name\":\"desk\",\"type\":\"string\",\"default\":\"\"}"));
            register(http, "alerts-value", schema(",{\"name\":\"n\",\"type\":\"int\",\"default\":0}"));
            ok(http.delete("/subjects/alerts-value/versions/1"));
            register(http, "copies-value", schema(""));
            register(http, "gone-soft-value", "\"string\"");
            ok(http.delete("/subjects/gone-soft-value"));
            register(http, "gone-hard-value", "\"long\"");
            ok(http.delete("/subjects/gone-hard-value"));
            ok(http.delete("/subjects/gone-hard-value?permanent=true"));
            ok(http.put("/config", "{\"compatibility\":\"FULL\"}"));
            ok(http.put("/config/alerts-value", "{\"compatibility\":\"NONE\"}"));
            ok(http.put("/config/not-yet-value", "{\"compatibility\":\"FORWARD\"}"));
            ok(http.put("/mode/copies-value", "{\"mode\":\"READONLY\"}"));
            before = snapshot(http);
            nextIdBefore = register(http, "probe-value", "\"double\"").get("id").intValue();
            ok(http.delete("/subjects/probe-value"));
            ok(http.delete("/subjects/probe-value?permanent=true"));
        }
        try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(KafkaFixture.bootstrapServers(), topic)) {
            RegistryHttp http = new RegistryHttp(second.url());
            assertThat(snapshot(http)).isEqualTo(before);
            // Ids continue after the highest ever seen, versions after the highest kept.
            assertThat(register(http, "probe-value", "\"float\"").get("id").intValue())
                    .isEqualTo(nextIdBefore + 1);
            assertThat(register(http, "alerts-value", "\"boolean\"")
                            .get("version")
                            .intValue())
                    .isEqualTo(4);
        }
    }

    /** Every answer a client could observe, keyed by request. */
    private static Map<String, String> snapshot(RegistryHttp http) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : new String[] {
            "/subjects",
            "/subjects?deleted=true",
            "/config",
            "/mode",
            "/config/alerts-value",
            "/config/not-yet-value",
            "/config/gone-hard-value",
            "/mode/copies-value",
            "/subjects/gone-soft-value/versions",
            "/subjects/gone-hard-value/versions?deleted=true"
        }) {
            answers.put(path, http.get(path).body());
        }
        for (JsonNode subject : http.get("/subjects?deleted=true").json()) {
            String versionsPath = "/subjects/" + subject.stringValue() + "/versions";
            answers.put(versionsPath, http.get(versionsPath).body());
            JsonNode all = http.get(versionsPath + "?deleted=true").json();
            answers.put(versionsPath + "?deleted=true", all.toString());
            for (JsonNode version : all) {
                String versionPath = versionsPath + "/" + version.intValue();
                answers.put(versionPath, http.get(versionPath).body());
                JsonNode value = http.get(versionPath + "?deleted=true").json();
                answers.put(versionPath + "?deleted=true", value.toString());
                String idPath = "/schemas/ids/" + value.get("id").intValue();
                answers.put(idPath, http.get(idPath).body());
                answers.put(
                        idPath + "/versions?deleted=true",
                        http.get(idPath + "/versions?deleted=true").body());
            }
        }
        assertThat(answers).hasSizeGreaterThan(20);
        return answers;
    }

    private static JsonNode register(RegistryHttp http, String subject, String schema) {
        Reply reply = http.post("/subjects/" + subject + "/versions", schemaBody(schema));
        ok(reply);
        return reply.json();
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
}
