package org.crossdesk.schemaregistry.server;

import java.util.Map;
import org.crossdesk.schemaregistry.kafka.KafkaStore;

/** Configuration keys of the registry and their defaults (see docs/schema-registry.md). */
final class RegistryProperties {

    static final String BOOTSTRAP_SERVERS = "crossdesk.kafka.bootstrap-servers";
    static final String TOPIC = "crossdesk.schema-registry.topic";
    static final String COMPATIBILITY_LEVEL = "crossdesk.schema-registry.compatibility-level";
    static final String WRITE_TIMEOUT = "crossdesk.schema-registry.write-timeout";
    static final String INIT_TIMEOUT = "crossdesk.schema-registry.init-timeout";

    /** Lowest-precedence defaults: anything in the environment, files or arguments wins. */
    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("server.port", 8081),
            Map.entry(BOOTSTRAP_SERVERS, "localhost:9092"),
            Map.entry(TOPIC, KafkaStore.DEFAULT_TOPIC),
            // Confluent's own key is honoured too, so configuration files carry over.
            Map.entry(COMPATIBILITY_LEVEL, "${schema.compatibility.level:backward}"),
            Map.entry(WRITE_TIMEOUT, "5s"),
            Map.entry(INIT_TIMEOUT, "60s"),
            Map.entry("spring.web.resources.add-mappings", false),
            Map.entry("management.endpoint.health.show-details", "always"),
            // Unknown paths are answered with Confluent's 404 envelope; no need to log each one.
            Map.entry("logging.level.org.springframework.web.servlet.PageNotFound", "error"),
            // Kafka clients log their whole configuration at INFO on every start.
            Map.entry("logging.level.org.apache.kafka", "warn"),
            Map.entry("spring.main.banner-mode", "off"));

    private RegistryProperties() {}
}
