package org.crossdesk.schemaregistry.client;

/**
 * HTTP 409 for a schema that breaks the subject's compatibility level. Registries up to Confluent 8.1 send
 * {@code error_code} 409, from 8.2 on 40901; both land here (docs/design/schema-registry-api.md §0). The association conflicts of 8.x
 * (40902-40908) are a different failure and stay a plain {@link SchemaRegistryException}.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public IncompatibleSchemaException(int status, int errorCode, String registryMessage) {
        super(status, errorCode, registryMessage);
    }
}
