package org.crossdesk.intake.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.crossdesk.events.Topics;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.intake.directory.DirectoryView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the lifecycle, responses, breaches and directory topics from the beginning into the
 * {@link CaseBook} and {@link DirectoryView}, then keeps tailing them.
 *
 * <p>Why a consumer-built in-memory view rather than a Kafka Streams table: the view joins four topics
 * with different keys and partition counts, is small (a few hundred bytes per referral, no personal data),
 * and every instance needs all of it (any instance may answer any HTTP read or receive any outbox
 * partition after a rebalance). A plain consumer with manual assignment of every partition, no consumer
 * group and no local state store gives exactly that, and rebuilding is just reading from offset zero.
 *
 * <p>Other threads wait for the view with {@link #caughtUp()}: it completes once the view has read every
 * record that was committed to those topics when it was called. The outbox consumer waits on it whenever
 * it is assigned partitions, so de-duplication never runs on a stale view, at start or after a rebalance.
 */
public final class CaseFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CaseFeed.class);
    private static final List<String> TOPICS = List.of(
            Topics.REFERRALS_LIFECYCLE, Topics.REFERRALS_RESPONSES, Topics.DEADLINES_BREACHES, Topics.DIRECTORY_DESKS);

    private final Supplier<Consumer<String, Object>> consumers;
    private final CaseBook cases;
    private final DirectoryView directory;
    private final Queue<CompletableFuture<Void>> requests = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final CompletableFuture<Void> initialReplay = new CompletableFuture<>();
    private volatile Thread thread;
    private volatile Consumer<String, Object> consumer;

    /**
     * @param consumers makes the consumer (read_committed, String keys, Avro specific values); group id is
     *                  not used, partitions are assigned manually
     */
    public CaseFeed(Supplier<Consumer<String, Object>> consumers, CaseBook cases, DirectoryView directory) {
        this.consumers = consumers;
        this.cases = cases;
        this.directory = directory;
    }

    /** Starts replaying and tailing on a thread of its own. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        requests.add(initialReplay);
        thread = new Thread(this::run, "intake-case-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the initial replay has finished. */
    public boolean isReady() {
        return initialReplay.isDone() && !initialReplay.isCompletedExceptionally();
    }

    /** Completes when the view has read everything committed to its topics at the time of this call. */
    public CompletableFuture<Void> caughtUp() {
        CompletableFuture<Void> request = new CompletableFuture<>();
        if (!running.get()) {
            request.completeExceptionally(new IllegalStateException("the case feed is not running"));
            return request;
        }
        requests.add(request);
        Consumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        return request;
    }

    private void run() {
        Map<CompletableFuture<Void>, Map<TopicPartition, Long>> waiting = new HashMap<>();
        try (Consumer<String, Object> c = consumers.get()) {
            consumer = c;
            List<TopicPartition> partitions = partitions(c);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            while (running.get()) {
                try {
                    // Targets are taken after the requests were made, and a request leaves the queue only once it has
                    // them: a wakeup (or any failure) during endOffsets leaves it queued for the next round.
                    List<CompletableFuture<Void>> batch = new ArrayList<>(requests);
                    if (!batch.isEmpty()) {
                        Map<TopicPartition, Long> targets = c.endOffsets(partitions);
                        for (CompletableFuture<Void> request : batch) {
                            requests.remove(request);
                            waiting.put(request, targets);
                        }
                    }
                    ConsumerRecords<String, Object> records = c.poll(Duration.ofMillis(waiting.isEmpty() ? 500 : 50));
                    for (ConsumerRecord<String, Object> record : records) {
                        apply(record);
                    }
                    waiting.entrySet()
                            .removeIf(
                                    w -> reached(c, w.getValue()) && w.getKey().complete(null));
                } catch (WakeupException wakeup) {
                    // a new catch-up request, or close(): the loop decides
                } catch (RecordDeserializationException unreadable) {
                    // The owning service dead-letters what it cannot read; the view skips it and goes on.
                    log.warn(
                            "Skipping unreadable record {}@{}: {}",
                            unreadable.topicPartition(),
                            unreadable.offset(),
                            unreadable.getMessage());
                    c.seek(unreadable.topicPartition(), unreadable.offset() + 1);
                }
            }
        } catch (RuntimeException e) {
            log.error("The case feed stopped", e);
            failAll(e);
        } finally {
            consumer = null;
            IllegalStateException stopped = new IllegalStateException("the case feed stopped");
            waiting.keySet().forEach(w -> w.completeExceptionally(stopped));
        }
    }

    private void apply(ConsumerRecord<String, Object> record) {
        try {
            if (Topics.DIRECTORY_DESKS.equals(record.topic())) {
                directory.apply(record.key(), (DeskProfile) record.value());
            } else if (record.value() != null) {
                cases.applyAny(record.value());
            }
        } catch (RuntimeException e) {
            // One odd record must not stop the view of every other referral.
            log.warn(
                    "Could not apply {}-{}@{} to the case view: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }

    private static boolean reached(Consumer<String, Object> c, Map<TopicPartition, Long> targets) {
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            if (c.position(target.getKey()) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every partition of the four topics. They are created at start-up (by this service or another); if Kafka
     * was not reachable then, wait for them rather than give up: the outbox consumer waits for the view anyway.
     */
    private List<TopicPartition> partitions(Consumer<String, Object> c) {
        boolean logged = false;
        while (running.get()) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos;
                try {
                    infos = c.partitionsFor(topic, Duration.ofSeconds(30));
                } catch (org.apache.kafka.common.errors.TimeoutException | WakeupException notNow) {
                    infos = List.of();
                }
                if (infos == null || infos.isEmpty()) {
                    missing.add(topic);
                } else {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            if (missing.isEmpty()) {
                return partitions;
            }
            if (!logged) {
                log.warn("Waiting for topics {} to exist before building the case view", missing);
                logged = true;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the case feed was stopped before its topics existed");
    }

    private void failAll(RuntimeException cause) {
        running.set(false);
        initialReplay.completeExceptionally(cause);
        CompletableFuture<Void> request;
        while ((request = requests.poll()) != null) {
            request.completeExceptionally(cause);
        }
    }

    @Override
    public void close() {
        running.set(false);
        Consumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failAll(new IllegalStateException("the case feed was closed"));
    }
}
