package org.crossdesk.schemaregistry.client;

import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * What is sent to register, look up or check a schema: the schema text, its type and its references. This is
 * the request body of {@code POST /subjects/{s}/versions}, {@code POST /subjects/{s}} and the compatibility
 * endpoints.
 *
 * @param schema     the schema document as text (for Avro, compact JSON as {@link Schema#toString()} gives)
 * @param schemaType {@code AVRO}, {@code JSON} or {@code PROTOBUF}; {@code null} means AVRO and is not sent
 * @param references imported schemas, empty when none
 */
public record SchemaDefinition(String schema, String schemaType, List<SchemaReference> references) {

    public static final String AVRO = "AVRO";

    public SchemaDefinition {
        Objects.requireNonNull(schema, "schema");
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** An Avro schema without references, in the canonical text the registry stores (docs/design/schema-registry-api.md §4.3). */
    public static SchemaDefinition avro(Schema schema) {
        return new SchemaDefinition(schema.toString(), null, List.of());
    }

    /** An Avro schema given as text. */
    public static SchemaDefinition avro(String schemaText) {
        return new SchemaDefinition(schemaText, null, List.of());
    }

    /** The schema type, defaulting an absent one to {@code AVRO}. */
    public String schemaTypeOrAvro() {
        return schemaType == null ? AVRO : schemaType;
    }
}
