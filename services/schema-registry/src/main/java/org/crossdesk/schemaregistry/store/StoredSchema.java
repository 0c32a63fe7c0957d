package org.crossdesk.schemaregistry.store;

/** A schema as resolved by its global id. */
public record StoredSchema(int id, String schemaType, String schema) {
}
