package org.crossdesk.schemaregistry.server;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How the registry's own Kafka clients reach the cluster: {@code crossdesk.kafka.bootstrap-servers}
 * plus every {@code crossdesk.kafka.properties.<key>} (environment
 * {@code CROSSDESK_KAFKA_PROPERTIES_<KEY>}, e.g. {@code CROSSDESK_KAFKA_PROPERTIES_SECURITY_PROTOCOL}),
 * the same keys the other services read. The store's clients and the credential check of
 * Kafka-verified users are both built from this one value.
 *
 * @param properties extra client settings (security.protocol, sasl.mechanism, sasl.jaas.config, ssl.*...)
 */
public record KafkaClientConfig(String bootstrapServers, Map<String, String> properties) {

    static final String PROPERTIES = "crossdesk.kafka.properties";

    public KafkaClientConfig {
        properties = Map.copyOf(properties);
    }

    static KafkaClientConfig from(Environment environment) {
        Binder binder = Binder.get(environment);
        String bootstrapServers = binder.bind(RegistryProperties.BOOTSTRAP_SERVERS, String.class)
                .orElseThrow(() -> new IllegalStateException(RegistryProperties.BOOTSTRAP_SERVERS + " is not set"));
        Map<String, String> properties = binder.bind(PROPERTIES, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return new KafkaClientConfig(bootstrapServers, new LinkedHashMap<>(properties));
    }

    /** A client configuration: the extra properties, then the bootstrap servers (which always win). */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** {@code security.protocol}, PLAINTEXT when unset (Kafka's default). */
    public String securityProtocol() {
        return properties.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
    }

    /** Never prints the values: {@code sasl.jaas.config} carries the registry's own password. */
    @Override
    public String toString() {
        return "KafkaClientConfig[bootstrapServers=" + bootstrapServers + ", properties=" + properties.keySet() + "]";
    }
}
