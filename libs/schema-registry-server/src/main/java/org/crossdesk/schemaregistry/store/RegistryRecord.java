package org.crossdesk.schemaregistry.store;

import org.crossdesk.schemaregistry.compatibility.CompatibilityLevel;

/**
 * One record of the store topic, in the vocabulary of Confluent's key types (docs/design/schema-registry-api.md §5). A {@code null}
 * payload is a tombstone.
 */
public sealed interface RegistryRecord {

    /** SCHEMA: one subject-version; {@code value == null} deletes it permanently. */
    record SchemaRecord(String subject, int version, SchemaValue value) implements RegistryRecord {}

    /** CONFIG: {@code subject == null} is the global level; {@code level == null} removes it. */
    record ConfigRecord(String subject, CompatibilityLevel level) implements RegistryRecord {}

    /** MODE: {@code subject == null} is the global mode; {@code mode == null} removes it. */
    record ModeRecord(String subject, Mode mode) implements RegistryRecord {}

    /** DELETE_SUBJECT: soft-deletes versions 1..{@code version} of the subject. */
    record DeleteSubjectRecord(String subject, int version) implements RegistryRecord {}

    /** NOOP, and any key type this registry does not use (CONTEXT, ASSOC, CLEAR_SUBJECT...). */
    record Ignored(String keyType) implements RegistryRecord {}
}
