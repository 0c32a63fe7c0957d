package org.crossdesk.platform.kafka.follow;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.platform.kafka.KafkaClientSettings.Values;
import org.crossdesk.platform.kafka.Outages;
import org.crossdesk.platform.telemetry.ClientMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crossdesk's one way to keep a whole topic in memory: read every partition of some topics from the beginning,
 * then follow them, with no consumer group and no committed offsets, so that every instance and every restart
 * rebuilds the same state (a directory, a case view, webhook subscriptions).
 *
 * <ul>
 *   <li>It waits for topics that do not exist yet (another service may still be creating them).
 *   <li>Values are read as bytes and decoded here: an unreadable record is logged and skipped, never a stop. (A record
 *       that cannot be read <em>now</em>, because the schema registry does not answer, is an outage, not an unreadable
 *       record: see the last point.) Such a
 *       reader replays from the beginning at every start, so it must not dead-letter; the topic's group consumers
 *       dead-letter the record once. A handler that throws on one record is logged the same way: one odd record
 *       must not stop the view of every other.
 *   <li>{@link #caughtUp()} completes once everything committed when it was called has been handed over: at start
 *       this is the initial replay; later, a read-your-writes barrier.
 *   <li>Any other failure (the broker unreachable beyond the client's timeouts, the registry unreachable while a
 *       record needs a schema not yet cached ({@link Outages}), a lost authorization) ends the
 *       session, and {@link ConsumerSessions} starts another after a back-off, from where the handler is: nothing
 *       is handed over twice or skipped. Health shows the restart ({@link #sessions()}).
 * </ul>
 *
 * <p>The handler runs on the follower's thread only.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration WAITED_POLL = Duration.ofMillis(50);
    private static final Duration TOPIC_WAIT = Duration.ofSeconds(1);
    // A poisoned topic must not drown the log: every skipped record up to this many, then one line in LOG_EVERY.
    private static final long LOG_ALL_UP_TO = 100;
    private static final long LOG_EVERY = 10_000;

    /** Decodes a record's value: a generated Avro class (or a projection of one), null for a tombstone. */
    @FunctionalInterface
    public interface Decoder {
        /** @throws RuntimeException if the bytes cannot be read */
        Object decode(String topic, Headers headers, byte[] value);
    }

    /** What the follower hands over. */
    public interface Handler {
        /**
         * A record in offset order per partition; {@code value} is the decoded value, null for a tombstone.
         */
        void record(ConsumerRecord<String, byte[]> record, Object value);

        /**
         * After each poll: everything before each partition's position has been handed over. A good place to
         * publish what {@link #record} built up, and to report progress.
         */
        default void progress(Progress progress) {}

        /** A session has assigned these partitions and is about to read them (at start, and after a restart). */
        default void assigned(List<TopicPartition> partitions) {}

        /** A record that could not be decoded ({@code what} = "cannot decode") or applied ("cannot apply"). */
        default void skipped(ConsumerRecord<String, byte[]> record, String what, RuntimeException cause) {}
    }

    /**
     * Where the follower is, per partition: the first offset it had, what the initial replay must reach (with
     * read_committed, the last stable offsets at start), how far it has handed over, and how far behind it is.
     */
    public record Progress(
            Map<TopicPartition, Long> beginning,
            Map<TopicPartition, Long> replayTarget,
            Map<TopicPartition, Long> positions,
            Map<TopicPartition, Long> lag,
            boolean replayed) {}

    private final String name;
    private final List<String> topics;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Decoder decoder;
    private final Handler handler;
    private final ConsumerSessions sessions;
    private final Queue<CompletableFuture<Void>> requests = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> initialReplay = new CompletableFuture<>();
    private volatile boolean running;
    private volatile boolean emptyAtStart;
    private volatile Consumer<String, byte[]> consumer;
    // Follower thread only: the next offset of each partition the handler has not seen, across sessions.
    private final Map<TopicPartition, Long> reached = new HashMap<>();
    // Follower thread only: each partition's first offset at the first session; what the initial replay waits for.
    private Map<TopicPartition, Long> beginning;
    private Map<TopicPartition, Long> replayTarget = Map.of();
    private long skipped;
    // Barrier requests with the end offsets they wait for, across sessions; close() fails what is left.
    private final Map<CompletableFuture<Void>, Map<TopicPartition, Long>> waiting = new ConcurrentHashMap<>();

    /**
     * @param name      the thread's and the health detail's name
     * @param consumers makes a consumer outside any group with byte values ({@link KafkaClientSettings#reader})
     * @param decoder   decodes values (a generated Avro class, or null for a tombstone)
     */
    public TopicFollower(
            String name,
            Collection<String> topics,
            Supplier<Consumer<String, byte[]>> consumers,
            Decoder decoder,
            Handler handler,
            ConsumerSessions sessions) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.consumers = consumers;
        this.decoder = decoder;
        this.handler = handler;
        this.sessions = sessions;
    }

    /** A follower with the platform's reader settings, named {@code name}, restarting after 1 s doubling to 30 s. */
    public static TopicFollower of(
            String name, Collection<String> topics, KafkaClientSettings settings, Decoder decoder, Handler handler) {
        return withSettings(name, topics, settings.reader(name, Values.BYTES), decoder, handler);
    }

    /** As {@link #of}, with the replay settings' bigger polls and fetches: for topics with a long history. */
    public static TopicFollower replaying(
            String name, Collection<String> topics, KafkaClientSettings settings, Decoder decoder, Handler handler) {
        return withSettings(name, topics, settings.replay(name, Values.BYTES), decoder, handler);
    }

    private static TopicFollower withSettings(
            String name, Collection<String> topics, Map<String, Object> config, Decoder decoder, Handler handler) {
        return new TopicFollower(
                name, topics, () -> new KafkaConsumer<>(config), decoder, handler, ConsumerSessions.of(name));
    }

    /**
     * Reads {@code partitions} from the beginning up to their end as of this call, once, on the caller's thread, and
     * hands every record over as a follower does (unreadable ones skipped): for state rebuilt on demand, such as
     * routing's ledger when a rebalance gives it lifecycle partitions. The caller owns and closes {@code kafka}.
     *
     * @return the records read
     */
    public static long readToEnd(
            String name,
            Consumer<String, byte[]> kafka,
            Collection<TopicPartition> partitions,
            Decoder decoder,
            Handler handler) {
        TopicFollower once =
                new TopicFollower(name, List.of(), () -> kafka, decoder, handler, ConsumerSessions.of(name));
        List<TopicPartition> assigned = List.copyOf(partitions);
        kafka.assign(assigned);
        kafka.seekToBeginning(assigned);
        Map<TopicPartition, Long> ends = kafka.endOffsets(assigned);
        long read = 0;
        while (ends.entrySet().stream().anyMatch(end -> kafka.position(end.getKey()) < end.getValue())) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(WAITED_POLL)) {
                once.hand(record);
                read++;
            }
        }
        return read;
    }

    /** Starts replaying, then following, on a thread of its own. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        requests.add(initialReplay);
        sessions.start(() -> running, this::session);
    }

    /**
     * Completes when everything committed to the topics at the time of this call has been handed over; fails if the
     * follower is closed first.
     */
    public CompletableFuture<Void> caughtUp() {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException(name + " is not running"));
        }
        CompletableFuture<Void> request = new CompletableFuture<>();
        requests.add(request);
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        return request;
    }

    /** Whether the initial replay is done: what the topics held at start has been handed over. */
    public boolean isReplayed() {
        return initialReplay.isDone() && !initialReplay.isCompletedExceptionally();
    }

    /** The initial replay, for start-up code that waits for it. */
    public CompletableFuture<Void> replayed() {
        return initialReplay;
    }

    /** Whether every topic was empty when the initial replay began (a fresh installation). */
    public boolean wasEmptyAtStart() {
        return isReplayed() && emptyAtStart;
    }

    /** The follower's thread: running, restarting after a failure, or stopped; for health reports. */
    public ConsumerSessions sessions() {
        return sessions;
    }

    private void session() {
        try (Consumer<String, byte[]> kafka = consumers.get();
                KafkaClientMetrics metrics = ClientMetrics.bind(kafka)) {
            consumer = kafka;
            List<TopicPartition> partitions = partitions(kafka);
            if (!running) {
                return;
            }
            kafka.assign(partitions);
            if (beginning == null) {
                beginning = Map.copyOf(kafka.beginningOffsets(partitions));
            }
            for (TopicPartition partition : partitions) {
                Long at = reached.get(partition);
                if (at == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, at);
                }
            }
            handler.assigned(partitions);
            while (running) {
                try {
                    follow(kafka, partitions);
                } catch (WakeupException wakeup) {
                    // a new barrier request, or close(): the loop decides
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void follow(Consumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        // A request leaves the queue only once it has its targets, taken after it was made: a wakeup or a failure
        // during endOffsets leaves it queued for the next round (or session).
        List<CompletableFuture<Void>> batch = new ArrayList<>(requests);
        if (!batch.isEmpty()) {
            Map<TopicPartition, Long> targets = Map.copyOf(kafka.endOffsets(partitions));
            for (CompletableFuture<Void> request : batch) {
                if (request == initialReplay) {
                    emptyAtStart = targets.values().stream().allMatch(end -> end == 0L);
                    replayTarget = targets;
                }
                requests.remove(request);
                waiting.put(request, targets);
            }
        }
        for (ConsumerRecord<String, byte[]> record : kafka.poll(waiting.isEmpty() ? IDLE_POLL : WAITED_POLL)) {
            hand(record);
            reached.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        Map<TopicPartition, Long> lag = new HashMap<>();
        for (TopicPartition partition : partitions) {
            // position() is local: it also moves past transaction markers, which record offsets do not show.
            long position = kafka.position(partition);
            positions.put(partition, position);
            OptionalLong current = kafka.currentLag(partition);
            long behind = current.isPresent()
                    ? current.getAsLong()
                    : Math.max(0, replayTarget.getOrDefault(partition, 0L) - position);
            lag.put(partition, behind);
        }
        reached.putAll(positions);
        // The handler publishes what it built before any barrier completes: a caller released by caughtUp() sees it.
        Map<TopicPartition, Long> initialTargets = waiting.get(initialReplay);
        boolean replayed = isReplayed() || (initialTargets != null && reached(initialTargets));
        handler.progress(new Progress(beginning, replayTarget, Map.copyOf(positions), Map.copyOf(lag), replayed));
        waiting.entrySet().removeIf(wait -> reached(wait.getValue()) && completed(wait.getKey()));
    }

    private void hand(ConsumerRecord<String, byte[]> record) {
        Object value;
        try {
            value = decoder.decode(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (Outages.isOutage(e)) {
                // The record is fine; the registry (or the cluster) is not there now. Skipping it would leave a hole
                // in the state built here: this session ends instead, health reports the follower RESTARTING (DOWN),
                // and the next session, after its back-off, reads again from this record on.
                throw new IllegalStateException(
                        name + ": record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                                + " cannot be read now (" + e.getMessage() + "); reading it again after a back-off",
                        e);
            }
            skip(record, "cannot decode", e);
            return;
        }
        try {
            handler.record(record, value);
        } catch (RuntimeException e) {
            skip(record, "cannot apply", e);
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, String what, RuntimeException cause) {
        skipped++;
        if (skipped <= LOG_ALL_UP_TO || skipped % LOG_EVERY == 0) {
            log.warn(
                    "{}: skipping record {}-{}@{} ({} skipped so far): {}: {}",
                    name,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    skipped,
                    what,
                    cause.toString());
        }
        handler.skipped(record, what, cause);
    }

    private boolean reached(Map<TopicPartition, Long> targets) {
        return targets.entrySet().stream().allMatch(t -> reached.getOrDefault(t.getKey(), 0L) >= t.getValue());
    }

    private boolean completed(CompletableFuture<Void> request) {
        if (request == initialReplay) {
            log.info("{} replayed {}", name, topics);
        }
        request.complete(null);
        return true;
    }

    /** Every partition of the topics, waiting for topics that do not exist yet. */
    private List<TopicPartition> partitions(Consumer<String, byte[]> kafka) {
        boolean logged = false;
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos;
                try {
                    infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
                } catch (TimeoutException | WakeupException notNow) {
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
                log.warn("{}: waiting for topics {} to exist", name, missing);
                logged = true;
            }
            try {
                Thread.sleep(TOPIC_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
        return List.of();
    }

    /** Stops following; waiting barriers fail. */
    @Override
    public void close() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        sessions.awaitStop(Duration.ofSeconds(10));
        IllegalStateException stopped = new IllegalStateException(name + " was closed");
        CompletableFuture<Void> request;
        while ((request = requests.poll()) != null) {
            request.completeExceptionally(stopped);
        }
        waiting.keySet().forEach(w -> w.completeExceptionally(stopped));
    }
}
