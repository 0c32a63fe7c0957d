package org.crossdesk.launcher.services;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a service is configured by (docs/running.md: configuration by environment only). The
 * launcher's values override what its own environment holds, except {@code SERVER_ADDRESS}: services
 * listen on the loopback interface unless the user says otherwise.
 */
public final class ServiceEnvironment {

    public static final String BOOTSTRAP_SERVERS = "CROSSDESK_KAFKA_BOOTSTRAP_SERVERS";
    public static final String SCHEMA_REGISTRY_URL = "CROSSDESK_KAFKA_SCHEMA_REGISTRY_URL";
    public static final String API_KEYS_FILE = "CROSSDESK_HTTP_API_KEYS_FILE";
    public static final String SERVER_PORT = "SERVER_PORT";
    public static final String SERVER_ADDRESS = "SERVER_ADDRESS";

    private ServiceEnvironment() {}

    /**
     * @param inherited the launcher's own environment (only consulted for {@code SERVER_ADDRESS})
     * @param extra added last: the stack's options for all services, then for this one
     */
    public static Map<String, String> of(
            int port,
            String bootstrapServers,
            String schemaRegistryUrl,
            Optional<Path> apiKeysFile,
            Map<String, String> inherited,
            Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(SERVER_PORT, Integer.toString(port));
        env.put(SERVER_ADDRESS, inherited.getOrDefault(SERVER_ADDRESS, "127.0.0.1"));
        env.put(BOOTSTRAP_SERVERS, bootstrapServers);
        env.put(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        apiKeysFile.ifPresent(
                file -> env.put(API_KEYS_FILE, file.toAbsolutePath().toString()));
        env.putAll(extra);
        return env;
    }
}
