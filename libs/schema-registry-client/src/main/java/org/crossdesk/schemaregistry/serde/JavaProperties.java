package org.crossdesk.schemaregistry.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.apache.avro.Schema;

/**
 * {@code avro.remove.java.properties}: generated classes with {@code stringType=String} carry
 * {@code "avro.java.string":"String"} on every string, which makes their schema text differ from one registered
 * by a non-Java producer; stripping it before register/lookup is the usual fix for 40403 mismatches.
 */
final class JavaProperties {

    private static final String PROPERTY = "avro.java.string";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JavaProperties() {}

    static Schema strip(Schema schema) {
        String text = schema.toString();
        if (!text.contains(PROPERTY)) {
            return schema;
        }
        try {
            JsonNode tree = JSON.readTree(text);
            removeEverywhere(tree);
            return new Schema.Parser().setValidateDefaults(false).parse(JSON.writeValueAsString(tree));
        } catch (IOException e) {
            throw new IllegalStateException("Avro produced schema text Jackson cannot read", e);
        }
    }

    private static void removeEverywhere(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(PROPERTY);
        }
        for (JsonNode child : node) {
            removeEverywhere(child);
        }
    }
}
