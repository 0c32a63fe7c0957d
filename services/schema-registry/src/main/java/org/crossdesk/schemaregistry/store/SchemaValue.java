package org.crossdesk.schemaregistry.store;

/**
 * One subject-version as stored in the log (Confluent's SCHEMA value). {@code schema} is the canonical
 * text (the parsed schema's {@code toString()}), which is also the identity of the schema.
 */
public record SchemaValue(String subject, int version, int id, String schemaType, String schema,
    boolean deleted) {

  public static final String AVRO = "AVRO";

  public SchemaValue withDeleted(boolean deleted) {
    return new SchemaValue(subject, version, id, schemaType, schema, deleted);
  }

  /** Same schema under the same id: a rewrite of this value that the replay may accept. */
  boolean sameContentAs(SchemaValue other) {
    return id == other.id && schema.equals(other.schema) && schemaType.equals(other.schemaType);
  }
}
