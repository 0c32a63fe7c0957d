package org.crossdesk.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void addRegistry() {
        // What Spring Boot does with the service's Prometheus registry.
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void removeRegistry() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void aConsumersMetricsAppearWhileBoundAndGoWithTheHandle() {
        // A consumer is not connected before its first poll: no broker is needed to see its metrics.
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:9",
                ConsumerConfig.CLIENT_ID_CONFIG,
                "client-metrics-test",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            KafkaClientMetrics metrics = ClientMetrics.bind(consumer);
            assertThat(ofThisClient())
                    .anySatisfy(meter -> assertThat(meter.getId().getName())
                            .isEqualTo("kafka.consumer.fetch.manager.records.consumed.total"));

            metrics.close();

            assertThat(ofThisClient()).isEmpty();
        }
    }

    private java.util.List<Meter> ofThisClient() {
        return registry.getMeters().stream()
                .filter(meter -> "client-metrics-test".equals(meter.getId().getTag("client.id")))
                .toList();
    }
}
