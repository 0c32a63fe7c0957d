package org.crossdesk.routing.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.crossdesk.events.Topics;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory as the compacted topics hold it, kept in memory: a thread reads {@code directory.desks.v1}
 * and {@code directory.agreements.v1} from the beginning and follows them, so every instance and every
 * restart sees the same directory, and an administrator's change reaches the policy within milliseconds.
 * Not a consumer group member: each instance reads both tables whole.
 */
public final class DirectoryStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DirectoryStore.class);
    static final TopicPartition DESKS = new TopicPartition(Topics.DIRECTORY_DESKS, 0);
    static final TopicPartition AGREEMENTS = new TopicPartition(Topics.DIRECTORY_AGREEMENTS, 0);

    private final Map<String, Object> consumerConfig;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile Directory directory = Directory.empty();
    private volatile boolean running;
    private volatile Map<TopicPartition, Long> endAtStart = Map.of();
    private volatile Thread thread;
    private volatile KafkaConsumer<String, Object> consumer;

    /**
     * @param consumerConfig plain consumer settings (bootstrap servers, registry serde, read_committed); the
     *                       group id is dropped, partitions are assigned
     */
    public DirectoryStore(Map<String, Object> consumerConfig) {
        this.consumerConfig = Map.copyOf(consumerConfig);
    }

    /** The current directory. */
    public Directory snapshot() {
        return directory;
    }

    /** Starts following the topics. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        consumer = new KafkaConsumer<>(consumerConfig);
        consumer.assign(List.of(DESKS, AGREEMENTS));
        consumer.seekToBeginning(List.of(DESKS, AGREEMENTS));
        endAtStart = Map.copyOf(consumer.endOffsets(List.of(DESKS, AGREEMENTS)));
        thread = new Thread(this::run, "routing-directory");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until everything the topics held at {@link #start()} is loaded. */
    public void awaitLoaded(Duration timeout) throws InterruptedException, TimeoutException {
        if (!loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("The directory topics were not read within " + timeout);
        }
    }

    /** Whether the topics held nothing at all when the store started (a fresh installation). */
    public boolean wasEmptyAtStart() {
        return endAtStart.values().stream().allMatch(end -> end == 0L);
    }

    /** Waits until the record at {@code offset} of the desks or agreements partition has been applied. */
    public void awaitApplied(TopicPartition partition, long offset, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (positions) {
            while (positions.getOrDefault(partition, 0L) <= offset) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new TimeoutException(
                            "Directory change at " + partition + "@" + offset + " not applied within " + timeout);
                }
                positions.wait(left);
            }
        }
    }

    private void run() {
        try {
            checkLoaded();
            while (running) {
                ConsumerRecords<String, Object> records;
                try {
                    records = consumer.poll(Duration.ofMillis(500));
                } catch (RecordDeserializationException e) {
                    // Only routing writes these topics, so this is a bug or tampering: keep the directory as it is.
                    log.error("Skipping unreadable directory record {}@{}", e.topicPartition(), e.offset(), e);
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    continue;
                }
                Directory next = directory;
                for (ConsumerRecord<String, Object> record : records) {
                    next = apply(next, record);
                }
                directory = next;
                synchronized (positions) {
                    for (TopicPartition partition : List.of(DESKS, AGREEMENTS)) {
                        positions.put(partition, consumer.position(partition));
                    }
                    positions.notifyAll();
                }
                checkLoaded();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Directory reader stopped: routing keeps the directory it has", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void checkLoaded() {
        if (loaded.getCount() > 0
                && endAtStart.entrySet().stream()
                        .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
            log.info("Directory loaded: {}", directory.sizes());
            loaded.countDown();
        }
    }

    static Directory apply(Directory directory, ConsumerRecord<String, Object> record) {
        Object value = record.value();
        boolean desks = record.topic().equals(Topics.DIRECTORY_DESKS);
        if (value == null) {
            // A tombstone removes the entry (compaction then forgets it).
            return desks ? directory.withoutDesk(record.key()) : directory.withoutAgreement(record.key());
        }
        if (desks && value instanceof DeskProfile desk) {
            return directory.with(desk);
        }
        if (!desks && value instanceof CooperationAgreement agreement) {
            return directory.with(agreement);
        }
        log.error(
                "Ignoring {}@{}:{}: a {} does not belong on this topic",
                record.topic(),
                record.partition(),
                record.offset(),
                value.getClass().getName());
        return directory;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread reader = thread;
        if (reader != null) {
            reader.join(5_000);
        }
    }
}
