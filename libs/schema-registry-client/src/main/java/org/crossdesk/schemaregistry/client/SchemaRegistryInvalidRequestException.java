package org.crossdesk.schemaregistry.client;

/**
 * HTTP 422: invalid schema (42201), version (42202), compatibility level (42203), mode (42204), operation not
 * permitted in the current mode (42205), referenced schema (42206), subject (42208), and friends. Retrying the
 * same request cannot succeed.
 */
public class SchemaRegistryInvalidRequestException extends SchemaRegistryException {

    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;

    private static final long serialVersionUID = 1L;

    public SchemaRegistryInvalidRequestException(int status, int errorCode, String registryMessage) {
        super(status, errorCode, registryMessage);
    }
}
