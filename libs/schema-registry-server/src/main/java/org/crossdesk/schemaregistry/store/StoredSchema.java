package org.crossdesk.schemaregistry.store;

import java.util.List;

/** A schema as resolved by its global id. */
public record StoredSchema(int id, String schemaType, String schema, List<SchemaReference> references) {}
