package org.crossdesk.schemaregistry.store;

/** Confluent's error codes and message formats (docs/design/schema-registry-api.md §2), in one place. */
final class Errors {

    private Errors() {}

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(int version) {
        return new RegistryException(404, 40402, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound() {
        return new RegistryException(404, 40403, "Schema not found");
    }

    static RegistryException schemaNotFound(int id) {
        return new RegistryException(404, 40403, "Schema " + id + " not found");
    }

    static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(
                404, 40404, "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(
                404, 40405, "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    static RegistryException versionSoftDeleted(String subject, String version) {
        return new RegistryException(
                404,
                40406,
                "Subject '" + subject + "' Version " + version
                        + " was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException versionNotSoftDeleted(String subject, String version) {
        return new RegistryException(
                404,
                40407,
                "Subject '" + subject + "' Version " + version
                        + " was not deleted first before being permanently deleted");
    }

    static RegistryException subjectCompatibilityNotConfigured(String subject) {
        return new RegistryException(
                404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryException subjectModeNotConfigured(String subject) {
        return new RegistryException(
                404, 40409, "Subject '" + subject + "' does not have subject-level mode configured");
    }

    /** Up to Confluent 8.1 the incompatibility code is the bare status; we mimic 7.9. */
    static RegistryException incompatible(String subject, String details) {
        return new RegistryException(
                409,
                409,
                "Schema being registered is incompatible with an earlier schema" + " for subject \"" + subject
                        + "\", details: " + details);
    }

    static RegistryException invalidSchema(String message) {
        return new RegistryException(422, 42201, message);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(
                422,
                42202,
                "The specified version '" + version
                        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel() {
        return new RegistryException(
                422,
                42203,
                "Invalid compatibility level. Valid values are none, backward, "
                        + "forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryException invalidMode() {
        return new RegistryException(
                422, 42204, "Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.");
    }

    static RegistryException notPermitted(String message) {
        return new RegistryException(422, 42205, message);
    }

    static RegistryException readOnly(String subject) {
        return notPermitted("Subject " + subject + " is in read-only mode");
    }

    /** Confluent prints the referenced SchemaKey in its toString() form. */
    static RegistryException referenceExists(String subject, int version) {
        return new RegistryException(
                422,
                42206,
                "One or more references exist to the schema {magic=1,keytype=SCHEMA," + "subject=" + subject
                        + ",version=" + version + "}.");
    }

    static RegistryException idDoesNotMatch(int existingId, int requestedId) {
        return new RegistryException(
                422, 42207, "Schema already registered with id " + existingId + " instead of input id " + requestedId);
    }

    static RegistryException idInUse(int id) {
        return new RegistryException(
                422,
                42207,
                "Overwrite new schema with id " + id
                        + " is not permitted: the id is already used by a different schema");
    }

    static RegistryException invalidSubject(String subject) {
        return new RegistryException(422, 42208, "The specified subject '" + subject + "' is not a valid.");
    }

    static RegistryException tooLarge(String message) {
        return new RegistryException(422, 42209, message);
    }

    static RegistryException storeError(String message, Throwable cause) {
        return new RegistryException(500, 50001, message, cause);
    }

    static RegistryException timeout(String message) {
        return new RegistryException(500, 50002, message);
    }
}
