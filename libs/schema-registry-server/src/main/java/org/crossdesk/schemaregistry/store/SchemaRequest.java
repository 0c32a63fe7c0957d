package org.crossdesk.schemaregistry.store;

import java.util.List;

/**
 * The body of register, lookup and compatibility requests, reduced to what this registry uses.
 * {@code metadata} and {@code ruleSet} are accepted and ignored by the HTTP layer.
 *
 * @param schema the schema document as a string
 * @param schemaType {@code null} means AVRO
 * @param references schema references, never {@code null}
 * @param version an explicit version, {@code null} or {@code <= 0} when absent
 * @param id an explicit id (IMPORT mode only), {@code null} or negative when absent
 */
public record SchemaRequest(
        String schema, String schemaType, List<SchemaReference> references, Integer version, Integer id) {

    public SchemaRequest {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public static SchemaRequest of(String schema) {
        return new SchemaRequest(schema, null, List.of(), null, null);
    }

    boolean explicitVersion() {
        return version != null && version > 0;
    }

    boolean explicitId() {
        return id != null && id >= 0;
    }
}
