package org.crossdesk.schemaregistry.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;

/**
 * The same HTTP contract against Confluent's own Schema Registry 7.9 (the version our server mimics),
 * proving that the suite describes the reference and not just our implementation. Runs wherever
 * Docker exists; skipped cleanly elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentRegistryHttpIT extends RegistryHttpContract {

    private static final String CONFLUENT_VERSION = "7.9.1";

    private static Network network;
    private static ConfluentKafkaContainer kafka;
    private static GenericContainer<?> registry;

    @BeforeAll
    static void start() {
        network = Network.newNetwork();
        kafka = new ConfluentKafkaContainer("confluentinc/cp-kafka:" + CONFLUENT_VERSION)
                .withNetwork(network)
                .withListener("kafka:19092");
        kafka.start();
        registry = new GenericContainer<>("confluentinc/cp-schema-registry:" + CONFLUENT_VERSION)
                .withNetwork(network)
                .withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
        registry.start();
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @Override
    protected String baseUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    @Override
    protected boolean crossdesk() {
        return false;
    }
}
