package org.crossdesk.notifications.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads whole topics into memory and follows them: every partition from the beginning, then live, with
 * no consumer group and no committed offsets, so every instance and every restart rebuilds the same
 * state (the compacted subscriptions and directory tables, and the delivery ids on the responses topic).
 * {@link #caughtUp()} completes once every partition has been read up to its end as of start-up.
 *
 * <p>Unreadable records are logged and skipped here, not dead-lettered: this reader replays from the
 * beginning at every start, so it would dead-letter the same record again and again. The service's
 * group consumers dead-letter them once.
 */
public final class TableFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TableFollower.class);

    /** Receives the records of one topic, in offset order per partition, on the follower's thread. */
    public interface Handler {
        /** A record; {@code value} is null for a tombstone. */
        void record(String key, Object value, int partition, long offset);

        /** Everything before {@code position} of {@code partition} has been handed over. */
        default void position(int partition, long position) {}
    }

    private final Map<String, Object> consumerConfig;
    private final AvroDecoder decoder;
    private final Map<String, Handler> handlers;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private final ConsumerSessions sessions;
    // Follower thread only: the next offset of each partition the handlers have not seen.
    private final Map<TopicPartition, Long> reached = new HashMap<>();

    /**
     * @param consumerConfig plain consumer settings (bootstrap, isolation); group settings are removed
     * @param handlers       topic name → handler
     */
    public TableFollower(
            String name, Map<String, Object> consumerConfig, AvroDecoder decoder, Map<String, Handler> handlers) {
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.decoder = decoder;
        this.handlers = Map.copyOf(handlers);
        this.sessions = ConsumerSessions.of(name);
    }

    /** Starts following on a thread of its own. */
    public void start() {
        sessions.start(() -> running, this::session);
    }

    /** Completes when the state as of start-up has been read. */
    public CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    private void session() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafka;
            List<TopicPartition> partitions = partitions(kafka);
            if (!running) {
                return;
            }
            kafka.assign(partitions);
            // After a failed session, go on from where the handlers are: they already hold everything before it.
            for (TopicPartition partition : partitions) {
                Long at = reached.get(partition);
                if (at == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, at);
                }
            }
            Map<TopicPartition, Long> ends =
                    caughtUp.isDone() ? new HashMap<>() : new HashMap<>(kafka.endOffsets(partitions));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                    Object value;
                    try {
                        value = decoder.decode(record.topic(), record.headers(), record.value());
                    } catch (RuntimeException e) {
                        log.warn(
                                "Skipping unreadable record {}-{}@{}: {}",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                e.getMessage());
                        continue;
                    }
                    handlers.get(record.topic()).record(record.key(), value, record.partition(), record.offset());
                    reached.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
                for (TopicPartition partition : partitions) {
                    long position = kafka.position(partition);
                    reached.put(partition, position);
                    handlers.get(partition.topic()).position(partition.partition(), position);
                    if (!caughtUp.isDone() && position >= ends.getOrDefault(partition, 0L)) {
                        ends.remove(partition);
                    }
                }
                if (!caughtUp.isDone() && ends.isEmpty()) {
                    log.info("{} caught up with {}", sessions.name(), handlers.keySet());
                    caughtUp.complete(null);
                }
            }
        }
    }

    /** Whether following is running or restarting after a failure, for health reports. */
    public ConsumerSessions sessions() {
        return sessions;
    }

    /** The partitions of every topic, waiting for topics that are still being created. */
    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : handlers.keySet()) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic);
            while (running && (infos == null || infos.isEmpty())) {
                log.info("Waiting for topic {} to exist", topic);
                sleepQuietly();
                infos = kafka.partitionsFor(topic);
            }
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        sessions.awaitStop(Duration.ofSeconds(10));
    }
}
