package org.crossdesk.schemaregistry.server;

import java.time.Duration;
import java.util.Map;
import org.crossdesk.schemaregistry.compatibility.CompatibilityLevel;
import org.crossdesk.schemaregistry.kafka.KafkaStore;
import org.crossdesk.schemaregistry.store.SchemaStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts the Kafka-backed store while the context starts: the web server only opens its port after
 * the store topic has been verified and replayed, so a registry that answers is a registry that is
 * up to date.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    KafkaClientConfig kafkaClientConfig(Environment environment) {
        return KafkaClientConfig.from(environment);
    }

    @Bean(destroyMethod = "close")
    KafkaStore kafkaStore(
            KafkaClientConfig kafka,
            @Value("${" + RegistryProperties.TOPIC + "}") String topic,
            @Value("${" + RegistryProperties.COMPATIBILITY_LEVEL + "}") String level,
            @Value("${" + RegistryProperties.INIT_TIMEOUT + "}") Duration initTimeout,
            @Value("${" + RegistryProperties.WRITE_TIMEOUT + "}") Duration writeTimeout)
            throws InterruptedException {
        CompatibilityLevel defaultLevel = CompatibilityLevel.parse(level)
                .orElseThrow(() -> new IllegalArgumentException(
                        RegistryProperties.COMPATIBILITY_LEVEL + " has an unknown level: " + level));
        return KafkaStore.start(new KafkaStore.Settings(
                kafka.bootstrapServers(),
                topic,
                defaultLevel,
                initTimeout,
                writeTimeout,
                Map.<String, Object>copyOf(kafka.properties())));
    }

    @Bean
    SchemaStore schemaStore(KafkaStore kafkaStore) {
        return kafkaStore.store();
    }

    /** DOWN once the reader stops tailing the topic: writes could no longer be read back. */
    @Bean
    HealthIndicator schemaStoreHealthIndicator(KafkaStore kafkaStore) {
        return () -> {
            Health.Builder health = kafkaStore.healthy() ? Health.up() : Health.down();
            health.withDetail("topic", kafkaStore.topic())
                    .withDetail("appliedOffset", kafkaStore.store().appliedOffset())
                    .withDetail("ignoredRecords", kafkaStore.store().ignoredRecords())
                    .withDetail("startupMillis", kafkaStore.startupMillis());
            if (kafkaStore.readerFailure() != null) {
                health.withException(kafkaStore.readerFailure());
            }
            return health.build();
        };
    }
}
