package org.crossdesk.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crossdesk.access.CatalogueTopics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Kafka and the schema registry are. Bound from {@code crossdesk.kafka.*}, so a container is
 * configured by environment alone ({@code CROSSDESK_KAFKA_BOOTSTRAP_SERVERS},
 * {@code CROSSDESK_KAFKA_SCHEMA_REGISTRY_URL}, ...).
 */
@ConfigurationProperties("crossdesk.kafka")
public class CrossdeskKafkaProperties {

    /** Comma-separated broker addresses. */
    private String bootstrapServers = "localhost:9092";

    /** Comma-separated schema registry base URLs (ours or Confluent's; a path prefix is allowed). */
    private String schemaRegistryUrl = "http://localhost:8081";

    /**
     * Replication factor for topics this service creates; by default (-1) the cluster's
     * {@code default.replication.factor}, so that the cluster's operator sets durability once for every topic
     * (docs/decisions/0013).
     */
    private short replicationFactor = CatalogueTopics.CLUSTER_DEFAULT_REPLICATION;

    /**
     * Set to make the service's producer transactional (exactly-once read-process-write);
     * unset means a plain idempotent producer.
     */
    private String transactionalIdPrefix;

    /** Extra client settings passed to every producer, consumer and admin client (e.g. SASL). */
    private Map<String, String> properties = new LinkedHashMap<>();

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getSchemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public void setSchemaRegistryUrl(String schemaRegistryUrl) {
        this.schemaRegistryUrl = schemaRegistryUrl;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public String getTransactionalIdPrefix() {
        return transactionalIdPrefix;
    }

    public void setTransactionalIdPrefix(String transactionalIdPrefix) {
        this.transactionalIdPrefix = transactionalIdPrefix;
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    public KafkaClientSettings toSettings() {
        return new KafkaClientSettings(bootstrapServers, schemaRegistryUrl, Map.copyOf(properties));
    }
}
