package org.crossdesk.schemaregistry.client;

/** HTTP 401 or 403: the credentials were missing, wrong, or not allowed to do this. */
public class SchemaRegistryAuthException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistryAuthException(int status, int errorCode, String registryMessage) {
        super(status, errorCode, registryMessage);
    }
}
