package org.crossdesk.schemaregistry.store;

import java.util.List;

/**
 * One subject-version as stored in the log (Confluent's SCHEMA value). {@code schema} is the canonical
 * text (the parsed schema's {@code toString()}, referenced types not inlined), which together with the
 * type and the references is the identity of the schema.
 */
public record SchemaValue(
        String subject,
        int version,
        int id,
        String schemaType,
        String schema,
        List<SchemaReference> references,
        boolean deleted) {

    public static final String AVRO = "AVRO";

    public SchemaValue {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public SchemaValue withDeleted(boolean deleted) {
        return new SchemaValue(subject, version, id, schemaType, schema, references, deleted);
    }

    /** Same schema under the same id: a rewrite of this value that the replay may accept. */
    boolean sameContentAs(SchemaValue other) {
        return id == other.id
                && schema.equals(other.schema)
                && schemaType.equals(other.schemaType)
                && references.equals(other.references);
    }

    boolean sameSchemaAs(String otherType, String otherSchema, List<SchemaReference> otherReferences) {
        return schemaType.equals(otherType) && schema.equals(otherSchema) && references.equals(otherReferences);
    }
}
