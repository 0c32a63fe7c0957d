package org.crossdesk.schemaregistry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A schema as the registry returns it: from a lookup ({@code POST /subjects/{s}}), a version
 * ({@code GET /subjects/{s}/versions/{v}}), an id ({@code GET /schemas/ids/{id}}) or a registration
 * ({@code POST /subjects/{s}/versions}). Which fields are present depends on the endpoint and the server's
 * version (docs/design/schema-registry-api.md §0): a registration on a server before 7.5 returns only {@code id}; {@code schemaType} is absent
 * for Avro before 8.0. Absent fields are {@code null}; unknown fields are ignored.
 *
 * @param subject    the subject, when the endpoint names one
 * @param version    the subject version, when known
 * @param id         the registry-wide schema id, when known
 * @param schemaType {@code AVRO}, {@code JSON}, {@code PROTOBUF}, or {@code null} (meaning AVRO)
 * @param schema     the schema text, when returned
 * @param references imported schemas, empty when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisteredSchema(
        String subject,
        Integer version,
        Integer id,
        String schemaType,
        String schema,
        List<SchemaReference> references) {

    public RegisteredSchema {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** The schema type, defaulting an absent one to {@code AVRO}. */
    public String schemaTypeOrAvro() {
        return schemaType == null ? SchemaDefinition.AVRO : schemaType;
    }

    /** This schema as a request body, e.g. to register it under another subject. */
    public SchemaDefinition definition() {
        return new SchemaDefinition(schema, schemaType, references);
    }
}
