package org.crossdesk.schemaregistry.http;

import java.util.ArrayList;
import java.util.List;
import org.crossdesk.schemaregistry.store.SchemaReference;
import org.crossdesk.schemaregistry.store.SchemaRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies the way Confluent's Jackson binding does: unknown properties and {@code null}
 * optional ones are ignored, malformed JSON or a value of the wrong JSON type is a 400, a missing body
 * is a 422 (docs/design/schema-registry-api.md §1.1, §2).
 */
final class RequestBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestBodies() {}

    /** A body that cannot be read, answered with {@code status} as both HTTP status and error code. */
    static final class MalformedBodyException extends RuntimeException {
        private final int status;

        MalformedBodyException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    static SchemaRequest schemaRequest(byte[] body) {
        JsonNode node = object(body);
        return new SchemaRequest(
                string(node, "schema"),
                string(node, "schemaType"),
                references(node),
                integer(node, "version"),
                integer(node, "id"));
    }

    private static List<SchemaReference> references(JsonNode node) {
        JsonNode references = node.get("references");
        if (references == null || references.isNull()) {
            return List.of();
        }
        if (!references.isArray()) {
            throw wrongType("references", "an array");
        }
        List<SchemaReference> parsed = new ArrayList<>();
        for (JsonNode reference : references) {
            if (!reference.isObject()) {
                throw wrongType("references", "an array of objects");
            }
            Integer version = integer(reference, "version");
            parsed.add(new SchemaReference(
                    string(reference, "name"), string(reference, "subject"), version == null ? 0 : version));
        }
        return parsed;
    }

    /** A single string property, e.g. {@code compatibility} or {@code mode}; {@code null} when absent. */
    static String property(byte[] body, String name) {
        return string(object(body), name);
    }

    private static JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedBodyException(422, "Request body is missing");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedBodyException(400, e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new MalformedBodyException(422, "Request body is missing");
        }
        if (!node.isObject()) {
            throw new MalformedBodyException(400, "Request body must be a JSON object");
        }
        return node;
    }

    private static String string(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isString()) {
            throw wrongType(field, "a string");
        }
        return child.stringValue();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isIntegralNumber() || !child.canConvertToInt()) {
            throw wrongType(field, "an int32 integer");
        }
        return child.intValue();
    }

    private static MalformedBodyException wrongType(String field, String expected) {
        return new MalformedBodyException(400, "Field '" + field + "' must be " + expected);
    }
}
