package org.crossdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TopicProbeTest {

    private static KafkaProducer<String, String> producer(String transactionalId) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config);
    }

    private static TopicProbe<String, String> strings(String topic) {
        return TopicProbe.of(topic, StringDeserializer::new, StringDeserializer::new);
    }

    @Test
    void readsEveryRecordOfEveryPartitionInOffsetOrder() throws Exception {
        String topic = "probe-" + UUID.randomUUID();
        KafkaFixture.createTopic(topic, 3, Map.of());
        try (KafkaProducer<String, String> producer = producer(null)) {
            for (int i = 0; i < 9; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, "k" + i, "v" + i))
                        .get();
            }
        }
        var records = strings(topic).readAll();
        assertThat(records).hasSize(9);
        assertThat(records.stream().filter(r -> r.partition() == 1).map(ConsumerRecord::value))
                .containsExactly("v1", "v4", "v7");
    }

    @Test
    void aTopicThatDoesNotExistReadsAsEmpty() {
        assertThat(TopicProbe.of("never-created-" + UUID.randomUUID())
                        .within(Duration.ofSeconds(5))
                        .readAll())
                .isEmpty();
    }

    @Test
    void readCommittedHidesAbortedTransactions() {
        String topic = "probe-tx-" + UUID.randomUUID();
        KafkaFixture.createTopic(topic, 1, Map.of());
        try (KafkaProducer<String, String> producer = producer("probe-" + UUID.randomUUID())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.flush(); // on the broker, so the abort marks it rather than dropping it unsent
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }
        assertThat(strings(topic).readCommitted().readAll())
                .extracting(ConsumerRecord::value)
                .containsExactly("committed");
        assertThat(strings(topic).readAll()).extracting(ConsumerRecord::value).contains("aborted", "committed");
    }

    @Test
    void awaitsRecordsThatAppearLater() {
        String topic = "probe-await-" + UUID.randomUUID();
        KafkaFixture.createTopic(topic, 1, Map.of());
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try (KafkaProducer<String, String> producer = producer(null)) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(topic, "referral-" + i, "alert-" + i));
                }
            }
        });
        TopicProbe<String, String> probe = strings(topic).within(Duration.ofSeconds(20));
        assertThat(probe.awaitRecord(r -> r.key().equals("referral-4")).value()).isEqualTo("alert-4");
        assertThat(probe.awaitCount(5)).hasSize(5);
        writing.join();
    }
}
