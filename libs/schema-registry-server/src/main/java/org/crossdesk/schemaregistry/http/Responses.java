package org.crossdesk.schemaregistry.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossdesk.schemaregistry.store.SchemaReference;
import org.crossdesk.schemaregistry.store.SchemaValue;
import org.crossdesk.schemaregistry.store.StoredSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Response shapes of Confluent 7.9: {@code schemaType} is omitted for AVRO, empty fields are omitted,
 * and field order follows Confluent's entities.
 */
final class Responses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Responses() {}

    /** The Schema object {@code S}: subject, version, id, schemaType?, schema. */
    static Map<String, Object> schema(SchemaValue value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", value.subject());
        body.put("version", value.version());
        body.put("id", value.id());
        putType(body, value.schemaType());
        putReferences(body, value.references());
        body.put("schema", value.schema());
        return body;
    }

    /**
     * The 7.5+ register answer: id, version and the schema exactly as stored, which the Java serializer
     * re-parses and writes with (docs/design/schema-registry-api.md §3.3).
     */
    static Map<String, Object> registered(SchemaValue value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", value.id());
        body.put("version", value.version());
        putType(body, value.schemaType());
        putReferences(body, value.references());
        body.put("schema", value.schema());
        return body;
    }

    static Map<String, Object> schemaString(StoredSchema stored) {
        Map<String, Object> body = new LinkedHashMap<>();
        putType(body, stored.schemaType());
        putReferences(body, stored.references());
        body.put("schema", stored.schema());
        return body;
    }

    /** The bare schema document of the {@code .../schema} endpoints. */
    static JsonNode raw(String schema) {
        return JSON.readTree(schema);
    }

    private static void putReferences(Map<String, Object> body, List<SchemaReference> references) {
        if (!references.isEmpty()) {
            body.put("references", references);
        }
    }

    private static void putType(Map<String, Object> body, String schemaType) {
        if (!SchemaValue.AVRO.equals(schemaType)) {
            body.put("schemaType", schemaType);
        }
    }
}
