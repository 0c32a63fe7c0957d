package org.crossdesk.bench.routing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka's own exactly-once read-process-write loop with nothing of Crossdesk in it: the lower bound for
 * routing's latency, measured on the same broker in the same run.
 *
 * <p>It has the fan-out's shape: a read_committed consumer, one transaction per poll, and as many records out
 * per record in as routing writes for the benchmark's referral (two alerts, the decision, the receipt), on
 * different partitions, with the input offsets committed in the transaction. The first copy keeps the input
 * key, so the benchmark's watcher finds it as it finds an alert; the other keys do not start like it.
 */
final class TransactionalCopy implements AutoCloseable {

    /** Records written per record read: the benchmark referral's two alerts, its decision and its receipt. */
    static final int OUTPUTS_PER_INPUT = 4;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /**
     * @param client bootstrap.servers and, on a secured stack, the admin's SASL settings (the admin may use any group
     *     and transactional id, so the copy needs no ACLs of its own)
     */
    TransactionalCopy(Map<String, Object> client, String input, String output) throws InterruptedException {
        String id = "bench-eos-" + UUID.randomUUID();
        Map<String, Object> consumerConfig = new HashMap<>(client);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, id);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerConfig = new HashMap<>(client);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        // The same retry back-off as routing's producer (services/routing application.yml).
        producerConfig.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 2);
        KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        RoutingBench.assignAtEnd(consumer, input);
        thread = new Thread(
                () -> {
                    try (consumer;
                            producer) {
                        while (running.get()) {
                            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                            if (records.isEmpty()) {
                                continue;
                            }
                            producer.beginTransaction();
                            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                            for (ConsumerRecord<String, byte[]> record : records) {
                                producer.send(new ProducerRecord<>(output, record.key(), record.value()));
                                for (int copy = 1; copy < OUTPUTS_PER_INPUT; copy++) {
                                    producer.send(
                                            new ProducerRecord<>(output, copy + "/" + record.key(), record.value()));
                                }
                                offsets.put(
                                        new TopicPartition(record.topic(), record.partition()),
                                        new OffsetAndMetadata(record.offset() + 1));
                            }
                            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                            producer.commitTransaction();
                        }
                    }
                },
                "bench-transactional-copy");
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
