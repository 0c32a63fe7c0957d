package org.crossdesk.schemaregistry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * The registry server started in-process, on an ephemeral port of 127.0.0.1, for tests and tools.
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start("127.0.0.1:9092")) {
 *   String url = registry.url(); // e.g. http://127.0.0.1:53411, ready: the store is replayed
 * }
 * }</pre>
 *
 * <p>Its settings are passed as command-line arguments, the highest precedence, and the host JVM's
 * environment is not read at all, so neither {@code SERVER_PORT}, {@code CROSSDESK_KAFKA_BOOTSTRAP_SERVERS}
 * nor {@code CROSSDESK_KAFKA_PROPERTIES_*} / {@code CROSSDESK_REGISTRY_AUTH_*} of a developer's shell nor
 * an {@code application.properties} of the host module (not read: the config name is changed) can
 * redirect it. It leaves the host's logging configuration alone. Exactly one registry may serve a
 * given store topic at a time.
 *
 * <p>Unlike the deployed registry it starts <em>without</em> authentication, so that every module's
 * tests can use it as before, unless a {@code crossdesk.registry.auth.*} setting is given:
 * <pre>{@code
 * EmbeddedSchemaRegistry.start(bootstrap, Map.of("crossdesk.registry.auth.users",
 *     "ci REGISTER sha256:<hex>;ops ADMIN sha256:<hex>"));
 * }</pre>
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final String AUTH_PREFIX = "crossdesk.registry.auth.";

    private final ConfigurableApplicationContext context;
    private final int port;

    private EmbeddedSchemaRegistry(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts a registry on the default store topic of the given cluster. */
    public static EmbeddedSchemaRegistry start(String bootstrapServers) {
        return start(bootstrapServers, Map.of());
    }

    /**
     * Starts a registry with extra configuration, e.g. {@code crossdesk.schema-registry.topic},
     * {@code crossdesk.schema-registry.compatibility-level} or {@code crossdesk.registry.auth.users}.
     * Returns once it serves requests.
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        args.add("--spring.config.name=crossdesk-embedded-schema-registry");
        args.add("--spring.main.web-application-type=servlet");
        args.add("--" + RegistryProperties.BOOTSTRAP_SERVERS + "=" + bootstrapServers);
        if (properties.keySet().stream().noneMatch(key -> key.startsWith(AUTH_PREFIX))) {
            args.add("--" + AUTH_PREFIX + "enabled=false");
        }
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        SpringApplication application = new SpringApplicationBuilder(RegistryServer.class)
                .properties(RegistryProperties.DEFAULTS)
                .registerShutdownHook(false)
                .build();
        List<ApplicationListener<?>> listeners = new ArrayList<>(application.getListeners());
        listeners.removeIf(LoggingApplicationListener.class::isInstance);
        application.setListeners(listeners);
        application.addInitializers(context -> context.getEnvironment()
                .getPropertySources()
                .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME));
        return new EmbeddedSchemaRegistry(application.run(args.toArray(String[]::new)));
    }

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:53411}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the HTTP server and the store's Kafka clients. */
    @Override
    public void close() {
        context.close();
    }
}
