package org.crossdesk.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads every record of a topic, from the beginning of each partition up to its end at the time of
 * the read, with a fresh consumer that joins no group and commits nothing; and waits until the
 * records a test expects have appeared.
 *
 * <pre>{@code
 * TopicProbe<String, String> inbox = TopicProbe.of(Topics.inbox("DE-BKA"),
 *     StringDeserializer::new, StringDeserializer::new).readCommitted();
 * List<ConsumerRecord<String, String>> records = inbox.awaitCount(2);
 * ConsumerRecord<String, String> alert = inbox.awaitRecord(r -> r.key().equals(referralId));
 * }</pre>
 *
 * <p>Deserializers are given as suppliers because every read uses a new consumer, which closes its
 * deserializers. A probe is immutable; {@link #readCommitted()}, {@link #within(Duration)} and
 * {@link #on(String)} return adjusted copies.
 */
public final class TopicProbe<K, V> {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    private final String topic;
    private final Supplier<? extends Deserializer<K>> keys;
    private final Supplier<? extends Deserializer<V>> values;
    private final IsolationLevel isolation;
    private final Duration timeout;
    private final String bootstrapServers;

    private TopicProbe(
            String topic,
            Supplier<? extends Deserializer<K>> keys,
            Supplier<? extends Deserializer<V>> values,
            IsolationLevel isolation,
            Duration timeout,
            String bootstrapServers) {
        this.topic = topic;
        this.keys = keys;
        this.values = values;
        this.isolation = isolation;
        this.timeout = timeout;
        this.bootstrapServers = bootstrapServers;
    }

    /** A probe of raw bytes on the shared broker. */
    public static TopicProbe<byte[], byte[]> of(String topic) {
        return of(topic, ByteArrayDeserializer::new, ByteArrayDeserializer::new);
    }

    /** A probe on the shared broker that deserializes keys and values. */
    public static <K, V> TopicProbe<K, V> of(
            String topic, Supplier<? extends Deserializer<K>> keys, Supplier<? extends Deserializer<V>> values) {
        return new TopicProbe<>(topic, keys, values, IsolationLevel.READ_UNCOMMITTED, DEFAULT_TIMEOUT, null);
    }

    /** Only records of committed transactions (and non-transactional ones), as read_committed consumers see. */
    public TopicProbe<K, V> readCommitted() {
        return new TopicProbe<>(topic, keys, values, IsolationLevel.READ_COMMITTED, timeout, bootstrapServers);
    }

    /** How long the {@code await} methods wait (default 30 s). */
    public TopicProbe<K, V> within(Duration waitAtMost) {
        return new TopicProbe<>(topic, keys, values, isolation, waitAtMost, bootstrapServers);
    }

    /** Another cluster than {@link KafkaFixture}'s. */
    public TopicProbe<K, V> on(String otherBootstrapServers) {
        return new TopicProbe<>(topic, keys, values, isolation, timeout, otherBootstrapServers);
    }

    /** Everything on the topic now, partition by partition in offset order; empty if it does not exist. */
    public List<ConsumerRecord<K, V>> readAll() {
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config(), keys.get(), values.get())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // For read_committed these are the last stable offsets: open transactions are not waited for.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    /** Waits until the records on the topic satisfy {@code condition}, and returns them. */
    public List<ConsumerRecord<K, V>> awaitRecords(Predicate<List<ConsumerRecord<K, V>>> condition) {
        AtomicReference<List<ConsumerRecord<K, V>>> last = new AtomicReference<>(List.of());
        await("records on " + topic)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last.set(readAll());
                    return condition.test(last.get());
                });
        return last.get();
    }

    /** Waits until at least {@code count} records are on the topic, and returns all of them. */
    public List<ConsumerRecord<K, V>> awaitCount(int count) {
        return awaitRecords(records -> records.size() >= count);
    }

    /** Waits until a record matching {@code matching} is on the topic, and returns the first such record. */
    public ConsumerRecord<K, V> awaitRecord(Predicate<ConsumerRecord<K, V>> matching) {
        return awaitRecords(records -> records.stream().anyMatch(matching)).stream()
                .filter(matching)
                .findFirst()
                .orElseThrow();
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers != null ? bootstrapServers : KafkaFixture.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-probe-" + CLIENT_IDS.incrementAndGet());
        return config;
    }
}
