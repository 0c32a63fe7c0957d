package org.crossdesk.schemaregistry;

import org.crossdesk.schemaregistry.server.RegistryServer;

/**
 * The deployable schema registry: the server of libs/schema-registry-server, configured by environment and
 * {@code crossdesk.*} properties (docs/schema-registry.md). The server is a library so that tests and tools can start
 * it in-process without depending on this service (docs/decisions/0009-registry-server-as-a-library.md).
 */
public final class SchemaRegistryApplication {

    private SchemaRegistryApplication() {}

    public static void main(String[] args) {
        RegistryServer.run(args);
    }
}
