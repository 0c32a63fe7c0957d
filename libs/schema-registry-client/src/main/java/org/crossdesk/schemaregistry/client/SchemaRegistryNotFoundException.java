package org.crossdesk.schemaregistry.client;

/**
 * HTTP 404: subject (40401), version (40402), schema (40403), subject-level config (40408) or mode (40409) not
 * found, a soft-delete state error (40404-40407), or an unknown path (bare 404, e.g. Redpanda's
 * {@code {"message","code":404}}).
 */
public class SchemaRegistryNotFoundException extends SchemaRegistryException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int SUBJECT_MODE_NOT_CONFIGURED = 40409;

    private static final long serialVersionUID = 1L;

    public SchemaRegistryNotFoundException(int status, int errorCode, String registryMessage) {
        super(status, errorCode, registryMessage);
    }

    public boolean isSubjectNotFound() {
        return errorCode() == SUBJECT_NOT_FOUND;
    }

    public boolean isVersionNotFound() {
        return errorCode() == VERSION_NOT_FOUND;
    }

    public boolean isSchemaNotFound() {
        return errorCode() == SCHEMA_NOT_FOUND;
    }
}
