package org.crossdesk.schemaregistry.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Confluent's key and value JSON for the store topic (docs/design/schema-registry-api.md §5), so that a Confluent Schema Registry
 * could replay a topic we wrote and we can replay one it wrote. Empty fields are omitted; a missing
 * {@code schemaType} means AVRO.
 */
final class RecordCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordCodec() {}

    /** A record as key and value bytes; {@code value == null} is a tombstone. */
    record Encoded(byte[] key, byte[] value) {}

    static Encoded encode(RegistryRecord record) {
        if (record instanceof SchemaRecord r) {
            ObjectNode key = key("SCHEMA", r.subject());
            key.put("version", r.version());
            key.put("magic", 1);
            return new Encoded(bytes(key), r.value() == null ? null : bytes(schemaValue(r.value())));
        }
        if (record instanceof ConfigRecord r) {
            ObjectNode value = null;
            if (r.level() != null) {
                value = JSON.createObjectNode();
                value.put("compatibilityLevel", r.level().name());
                putSubject(value, r.subject());
            }
            return new Encoded(bytes(key("CONFIG", r.subject()).put("magic", 0)), value == null ? null : bytes(value));
        }
        if (record instanceof ModeRecord r) {
            ObjectNode value = null;
            if (r.mode() != null) {
                value = JSON.createObjectNode();
                putSubject(value, r.subject());
                value.put("mode", r.mode().name());
            }
            return new Encoded(bytes(key("MODE", r.subject()).put("magic", 0)), value == null ? null : bytes(value));
        }
        if (record instanceof DeleteSubjectRecord r) {
            ObjectNode value = JSON.createObjectNode();
            value.put("subject", r.subject());
            value.put("version", r.version());
            return new Encoded(bytes(key("DELETE_SUBJECT", r.subject()).put("magic", 0)), bytes(value));
        }
        return new Encoded(bytes(key("NOOP", null).put("magic", 0)), null);
    }

    /**
     * Decodes one record of the store topic.
     *
     * @throws IllegalArgumentException when the record is not a registry record we can read
     */
    static RegistryRecord decode(byte[] keyBytes, byte[] valueBytes) {
        if (keyBytes == null) {
            throw new IllegalArgumentException("record without a key");
        }
        JsonNode key = tree(keyBytes);
        String keyType = text(key, "keytype");
        JsonNode value = valueBytes == null ? null : tree(valueBytes);
        return switch (keyType) {
            case "SCHEMA" ->
                new SchemaRecord(
                        text(key, "subject"), integer(key, "version"), value == null ? null : schemaValue(value));
            case "CONFIG" -> config(optionalText(key, "subject"), value);
            case "MODE" -> mode(optionalText(key, "subject"), value);
            case "DELETE_SUBJECT" ->
                value == null
                        ? new Ignored(keyType)
                        : new DeleteSubjectRecord(text(key, "subject"), integer(value, "version"));
            default -> new Ignored(keyType);
        };
    }

    private static RegistryRecord config(String subject, JsonNode value) {
        if (value == null) {
            return new ConfigRecord(subject, null);
        }
        String level = optionalText(value, "compatibilityLevel");
        if (level == null) {
            // A newer config that only sets other properties (normalize, validateFields...): nothing for us.
            return new Ignored("CONFIG");
        }
        return new ConfigRecord(
                subject,
                CompatibilityLevel.parse(level)
                        .orElseThrow(() -> new IllegalArgumentException("unknown compatibility level " + level)));
    }

    private static RegistryRecord mode(String subject, JsonNode value) {
        if (value == null) {
            return new ModeRecord(subject, null);
        }
        String mode = text(value, "mode");
        try {
            return new ModeRecord(subject, Mode.valueOf(mode));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode " + mode, e);
        }
    }

    private static ObjectNode schemaValue(SchemaValue value) {
        ObjectNode node = JSON.createObjectNode();
        node.put("subject", value.subject());
        node.put("version", value.version());
        node.put("id", value.id());
        if (!SchemaValue.AVRO.equals(value.schemaType())) {
            node.put("schemaType", value.schemaType());
        }
        if (!value.references().isEmpty()) {
            ArrayNode references = node.putArray("references");
            for (SchemaReference reference : value.references()) {
                references
                        .addObject()
                        .put("name", reference.name())
                        .put("subject", reference.subject())
                        .put("version", reference.version());
            }
        }
        node.put("schema", value.schema());
        node.put("deleted", value.deleted());
        return node;
    }

    private static SchemaValue schemaValue(JsonNode node) {
        String schemaType = optionalText(node, "schemaType");
        JsonNode deleted = node.get("deleted");
        List<SchemaReference> references = new ArrayList<>();
        JsonNode referenceNodes = node.get("references");
        if (referenceNodes != null && referenceNodes.isArray()) {
            for (JsonNode reference : referenceNodes) {
                references.add(new SchemaReference(
                        text(reference, "name"), text(reference, "subject"), integer(reference, "version")));
            }
        }
        return new SchemaValue(
                text(node, "subject"),
                integer(node, "version"),
                integer(node, "id"),
                schemaType == null ? SchemaValue.AVRO : schemaType,
                text(node, "schema"),
                references,
                deleted != null && deleted.isBoolean() && deleted.booleanValue());
    }

    private static ObjectNode key(String keyType, String subject) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", keyType);
        putSubject(key, subject);
        return key;
    }

    private static void putSubject(ObjectNode node, String subject) {
        if (subject != null) {
            node.put("subject", subject);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        String text = optionalText(node, field);
        if (text == null) {
            throw new IllegalArgumentException("missing string field '" + field + "'");
        }
        return text;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode child = node.get(field);
        return child != null && child.isString() ? child.stringValue() : null;
    }

    private static int integer(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || !child.isIntegralNumber() || !child.canConvertToInt()) {
            throw new IllegalArgumentException("missing integer field '" + field + "'");
        }
        return child.intValue();
    }
}
