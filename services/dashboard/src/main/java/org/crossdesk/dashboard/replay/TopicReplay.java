package org.crossdesk.dashboard.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.crossdesk.dashboard.views.OperationalPicture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the operational picture by reading every partition of its source topics from the beginning,
 * then follows them live.
 *
 * <p>A plain consumer with {@code assign()}, no consumer group: the views live in memory and are
 * rebuilt at every start, so there is nothing to commit and no rebalance to wait for; each dashboard
 * instance builds its own complete picture. (Kafka Streams would add changelog and repartition topics
 * to aggregate by type, country and desk, and write them all while replaying: more work per event for
 * a read model that fits in memory.) Values arrive as bytes and are decoded here, record by record, so
 * one unreadable record is counted, logged and skipped instead of stopping the poll loop; the record
 * stays in its topic, and the writers' own consumers send it to the dead-letter topic.
 */
public final class TopicReplay implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);
    private static final int RECENT_PROBLEMS = 20;
    // A poisoned topic must not drown the log: every problem up to this many, then one line in LOG_EVERY.
    private static final long LOG_ALL_UP_TO = 100;
    private static final long LOG_EVERY = 10_000;

    private final Consumer<String, byte[]> consumer;
    private final Deserializer<?> values;
    private final OperationalPicture picture;
    private final List<String> topics;
    private final Clock clock;
    private final Duration progressEvery;
    private final Duration sweepEvery;
    private final Duration sweepGrace;

    private final Deque<String> problems = new ArrayDeque<>();
    private long problemCount;
    private volatile ReplayStatus status;
    private volatile boolean running = true;

    // Owned by the polling thread.
    private final Map<TopicPartition, Long> beginning = new HashMap<>();
    private final Map<TopicPartition, Long> target = new HashMap<>();
    private final Map<TopicPartition, Long> position = new HashMap<>();
    private final Map<TopicPartition, Long> lag = new HashMap<>();
    private Instant startedAt;
    private Instant caughtUpAt;
    private long appliedAtStart;
    private double catchUpRate;
    private long cpuAtStart;
    private double catchUpCpuPerRecord;

    /**
     * @param consumer a consumer of String keys and byte[] values, without a group; the replay owns and closes it
     * @param values decodes a value (Confluent wire format) into the topic's value type
     * @param topics the topics to read, all from their beginning
     */
    public TopicReplay(
            Consumer<String, byte[]> consumer,
            Deserializer<?> values,
            OperationalPicture picture,
            List<String> topics,
            Clock clock,
            Duration progressEvery,
            Duration sweepEvery,
            Duration sweepGrace) {
        this.consumer = consumer;
        this.values = values;
        this.picture = picture;
        this.topics = List.copyOf(topics);
        this.clock = clock;
        this.progressEvery = progressEvery;
        this.sweepEvery = sweepEvery;
        this.sweepGrace = sweepGrace;
        this.status = new ReplayStatus("WAITING_FOR_TOPICS", 0, 0, 0, null, null, 0, 0, 0, 0, List.of(), List.of());
    }

    /** The latest status; safe from any thread. */
    public ReplayStatus status() {
        return status;
    }

    /** Makes {@link #run()} return soon; safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            if (partitions == null) {
                return;
            }
            start(partitions);
            Instant nextProgress = clock.instant().plus(progressEvery);
            Instant nextSweep = null;
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    apply(record);
                }
                Instant now = clock.instant();
                boolean wasCaughtUp = caughtUpAt != null;
                updatePositions(partitions, now);
                if (!wasCaughtUp && caughtUpAt != null) {
                    log.info(
                            "Replay caught up: {} records in {} ms ({} records/s, {} µs of CPU per record); {} unusable;"
                                    + " now live",
                            picture.applied() - appliedAtStart,
                            Duration.between(startedAt, caughtUpAt).toMillis(),
                            Math.round(catchUpRate),
                            String.format("%.2f", catchUpCpuPerRecord),
                            picture.unusableCount());
                    nextSweep = now;
                }
                if (caughtUpAt == null && !now.isBefore(nextProgress)) {
                    ReplayStatus s = status;
                    log.info(
                            "Replay catching up: {} / {} offsets ({}%), {} records applied, {} unusable",
                            s.consumed(),
                            s.catchUpTarget(),
                            s.catchUpTarget() == 0 ? 100 : s.consumed() * 100 / s.catchUpTarget(),
                            s.applied(),
                            s.unusable());
                    nextProgress = now.plus(progressEvery);
                }
                if (nextSweep != null && !now.isBefore(nextSweep)) {
                    int forgotten = picture.sweep(sweepGrace);
                    log.debug("Swept {} finished referrals; {} still tracked", forgotten, picture.trackedReferrals());
                    nextSweep = now.plus(sweepEvery);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("Replay stopped by an unexpected error; the views stay as they are", e);
            throw e;
        } finally {
            status = withState("STOPPED");
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> awaitPartitions() {
        Instant nextLog = clock.instant();
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos == null || infos.isEmpty()) {
                    missing.add(topic);
                } else {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            if (missing.isEmpty()) {
                return partitions;
            }
            if (!clock.instant().isBefore(nextLog)) {
                log.info("Waiting for topics {} to exist before replaying", missing);
                nextLog = clock.instant().plus(progressEvery);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private void start(List<TopicPartition> partitions) {
        startedAt = clock.instant();
        cpuAtStart = threadCpuNanos();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        beginning.putAll(consumer.beginningOffsets(partitions));
        // With read_committed these are the last stable offsets: the replay is caught up once it passes them.
        target.putAll(consumer.endOffsets(partitions));
        appliedAtStart = picture.applied();
        for (TopicPartition partition : partitions) {
            position.put(partition, beginning.get(partition));
            lag.put(partition, target.get(partition) - beginning.get(partition));
        }
        long toRead = partitions.stream()
                .mapToLong(p -> target.get(p) - beginning.get(p))
                .sum();
        log.info(
                "Replaying {} partitions of {} from the beginning: {} offsets to catch up",
                partitions.size(),
                topics,
                toRead);
        updatePositions(partitions, startedAt);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Object value;
        try {
            value = record.value() == null
                    ? null
                    : values.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            problem(record, "cannot decode", e);
            return;
        }
        try {
            picture.apply(record.topic(), record.key(), value);
        } catch (RuntimeException e) {
            problem(record, "cannot apply", e);
        }
    }

    private void problem(ConsumerRecord<String, byte[]> record, String what, RuntimeException e) {
        picture.unusable();
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
        problemCount++;
        if (problemCount <= LOG_ALL_UP_TO || problemCount % LOG_EVERY == 0) {
            log.warn("Skipping record {} ({} skipped so far): {}: {}", where, problemCount, what, cause);
        }
        synchronized (problems) {
            problems.addFirst(where + ": " + what + ": " + cause);
            while (problems.size() > RECENT_PROBLEMS) {
                problems.removeLast();
            }
        }
    }

    private void updatePositions(List<TopicPartition> partitions, Instant now) {
        boolean caughtUp = true;
        for (TopicPartition partition : partitions) {
            // position() is local here: it advances past transaction markers, which record offsets do not show.
            long at = consumer.position(partition);
            position.put(partition, at);
            if (at < target.get(partition)) {
                caughtUp = false;
            }
            OptionalLong currentLag = consumer.currentLag(partition);
            lag.put(
                    partition,
                    currentLag.isPresent() ? currentLag.getAsLong() : Math.max(0, target.get(partition) - at));
        }
        if (caughtUp && caughtUpAt == null) {
            caughtUpAt = now;
            double seconds = Math.max(Duration.between(startedAt, now).toNanos(), 1) / 1e9;
            long records = picture.applied() + picture.unusableCount() - appliedAtStart;
            catchUpRate = records / seconds;
            catchUpCpuPerRecord = records == 0 ? 0 : (threadCpuNanos() - cpuAtStart) / 1e3 / records;
        }
        status = snapshot(caughtUpAt == null ? "CATCHING_UP" : "LIVE");
    }

    private ReplayStatus snapshot(String state) {
        Map<String, long[]> byTopic = new LinkedHashMap<>();
        topics.forEach(t -> byTopic.put(t, new long[4]));
        long consumed = 0;
        long toRead = 0;
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> entry : position.entrySet()) {
            TopicPartition partition = entry.getKey();
            long read = entry.getValue() - beginning.get(partition);
            long wanted = target.get(partition) - beginning.get(partition);
            long end = entry.getValue() + lag.get(partition);
            long[] t = byTopic.get(partition.topic());
            t[0]++;
            t[1] += read;
            t[2] += wanted;
            t[3] += end;
            consumed += read;
            toRead += wanted;
            behind += lag.get(partition);
        }
        List<ReplayStatus.TopicStatus> perTopic = new ArrayList<>();
        byTopic.forEach((topic, t) -> perTopic.add(new ReplayStatus.TopicStatus(topic, (int) t[0], t[1], t[2], t[3])));
        List<String> recent;
        synchronized (problems) {
            recent = List.copyOf(problems);
        }
        return new ReplayStatus(
                state,
                consumed,
                toRead,
                behind,
                startedAt,
                caughtUpAt,
                catchUpRate,
                catchUpCpuPerRecord,
                picture.applied(),
                picture.unusableCount(),
                recent,
                perTopic);
    }

    /** CPU time of this thread; the classic consumer does its network work in the polling thread too. */
    private static long threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    private ReplayStatus withState(String state) {
        ReplayStatus s = status;
        return new ReplayStatus(
                state,
                s.consumed(),
                s.catchUpTarget(),
                s.lag(),
                s.startedAt(),
                s.caughtUpAt(),
                s.catchUpRecordsPerSecond(),
                s.catchUpCpuMicrosPerRecord(),
                s.applied(),
                s.unusable(),
                s.recentProblems(),
                s.topics());
    }
}
