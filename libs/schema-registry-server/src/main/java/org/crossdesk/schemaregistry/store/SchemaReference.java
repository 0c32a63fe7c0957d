package org.crossdesk.schemaregistry.store;

/**
 * A schema reference: the named type {@code name} is defined by version {@code version} of
 * {@code subject}. Referenced schemas are parsed before the referencing one, into the same parser.
 */
public record SchemaReference(String name, String subject, int version) {}
