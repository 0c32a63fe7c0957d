package org.crossdesk.schemaregistry.store;

/** A (subject, version) pair, as listed by {@code GET /schemas/ids/{id}/versions}. */
public record SubjectVersion(String subject, int version) {}
