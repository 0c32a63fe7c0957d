package org.crossdesk.platform.telemetry;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Micrometer's Kafka client metrics (records consumed, lag per partition, fetch and commit rates) for the
 * consumers Crossdesk makes itself, outside Spring's listener factories: the topic followers and notifications'
 * loops. Spring's factories bind theirs with a {@code MicrometerConsumerListener}; these are bound to the global
 * registry, to which Spring Boot adds the service's Prometheus registry, so they appear on /actuator/prometheus with
 * the rest.
 */
public final class ClientMetrics {

    private ClientMetrics() {}

    /** Binds {@code consumer}'s metrics until the returned handle is closed (close it before the consumer). */
    public static KafkaClientMetrics bind(Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(Metrics.globalRegistry);
        return metrics;
    }
}
