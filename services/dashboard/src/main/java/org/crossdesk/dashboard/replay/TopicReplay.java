package org.crossdesk.dashboard.replay;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.dashboard.views.OperationalPicture;
import org.crossdesk.platform.kafka.follow.ConsumerSessions;
import org.crossdesk.platform.kafka.follow.TopicFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the operational picture by reading every partition of its source topics from the beginning, then
 * follows them live, with the platform's {@link TopicFollower}, and reports how far it has got.
 *
 * <p>No consumer group: the views live in memory and are rebuilt at every start, so there is nothing to commit
 * and no rebalance to wait for; each dashboard instance builds its own complete picture. (Kafka Streams would add
 * changelog and repartition topics to aggregate by type, country and desk, and write them all while replaying:
 * more work per event for a read model that fits in memory.) Values arrive as bytes and are decoded record by
 * record (a projection of only the fields the views use), so one unreadable record is counted, logged and
 * skipped instead of stopping the replay; the record stays in its topic, and the writers' own consumers send it
 * to the dead-letter topic.
 */
public final class TopicReplay {

    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);
    private static final int RECENT_PROBLEMS = 20;

    private final TopicFollower follower;
    private final OperationalPicture picture;
    private final List<String> topics;
    private final Clock clock;
    private final Duration progressEvery;
    private final Duration sweepEvery;
    private final Duration sweepGrace;

    private final Deque<String> problems = new ArrayDeque<>();
    private volatile ReplayStatus status;
    private volatile boolean stopped;

    // The follower's thread only.
    private Instant startedAt;
    private Instant caughtUpAt;
    private long appliedAtStart;
    private double catchUpRate;
    private long cpuAtStart;
    private double catchUpCpuPerRecord;
    private Instant nextProgress;
    private Instant nextSweep;
    private boolean targetLogged;

    /**
     * @param followers makes the follower of {@code topics} (values decoded by the projecting deserializer) that
     *     hands its records to this replay
     * @param topics the topics to read, all from their beginning
     */
    public TopicReplay(
            Function<TopicFollower.Handler, TopicFollower> followers,
            OperationalPicture picture,
            List<String> topics,
            Clock clock,
            Duration progressEvery,
            Duration sweepEvery,
            Duration sweepGrace) {
        this.picture = picture;
        this.topics = List.copyOf(topics);
        this.clock = clock;
        this.progressEvery = progressEvery;
        this.sweepEvery = sweepEvery;
        this.sweepGrace = sweepGrace;
        this.status = new ReplayStatus("WAITING_FOR_TOPICS", 0, 0, 0, null, null, 0, 0, 0, 0, List.of(), List.of());
        this.follower = followers.apply(new TopicFollower.Handler() {
            @Override
            public void record(ConsumerRecord<String, byte[]> record, Object value) {
                picture.apply(record.topic(), record.key(), value);
            }

            @Override
            public void assigned(List<TopicPartition> partitions) {
                if (startedAt == null) {
                    startedAt = clock.instant();
                    cpuAtStart = threadCpuNanos();
                    appliedAtStart = picture.applied();
                    nextProgress = startedAt.plus(progressEvery);
                }
            }

            @Override
            public void skipped(ConsumerRecord<String, byte[]> record, String what, RuntimeException cause) {
                problem(record, what, cause);
            }

            @Override
            public void progress(TopicFollower.Progress progress) {
                onProgress(progress);
            }
        });
    }

    /** The replay's thread: running, or restarting after a failure (an outage), for health reports. */
    public ConsumerSessions sessions() {
        return follower.sessions();
    }

    /** Starts replaying on the follower's thread. */
    public void start() {
        follower.start();
    }

    /** The latest status; safe from any thread. */
    public ReplayStatus status() {
        return status;
    }

    /** Stops the replay; the views stay as they are. Safe from any thread. */
    public void stop() {
        stopped = true;
        follower.close();
        status = withState("STOPPED");
    }

    private void onProgress(TopicFollower.Progress progress) {
        Instant now = clock.instant();
        if (!targetLogged && !progress.replayTarget().isEmpty()) {
            targetLogged = true;
            log.info(
                    "Replaying {} partitions of {} from the beginning: {} offsets to catch up",
                    progress.positions().size(),
                    topics,
                    sum(progress.replayTarget()) - sum(progress.beginning()));
        }
        if (progress.replayed() && caughtUpAt == null) {
            caughtUpAt = now;
            double seconds = Math.max(Duration.between(startedAt, now).toNanos(), 1) / 1e9;
            long records = picture.applied() + picture.unusableCount() - appliedAtStart;
            catchUpRate = records / seconds;
            catchUpCpuPerRecord = records == 0 ? 0 : (threadCpuNanos() - cpuAtStart) / 1e3 / records;
            log.info(
                    "Replay caught up: {} records in {} ms ({} records/s, {} µs of CPU per record); {} unusable;"
                            + " now live",
                    records,
                    Duration.between(startedAt, caughtUpAt).toMillis(),
                    Math.round(catchUpRate),
                    String.format("%.2f", catchUpCpuPerRecord),
                    picture.unusableCount());
            nextSweep = now;
        }
        ReplayStatus next = snapshot(caughtUpAt == null ? "CATCHING_UP" : "LIVE", progress);
        if (!stopped) {
            status = next;
        }
        if (caughtUpAt == null && !now.isBefore(nextProgress)) {
            log.info(
                    "Replay catching up: {} / {} offsets ({}%), {} records applied, {} unusable",
                    next.consumed(),
                    next.catchUpTarget(),
                    next.catchUpTarget() == 0 ? 100 : next.consumed() * 100 / next.catchUpTarget(),
                    next.applied(),
                    next.unusable());
            nextProgress = now.plus(progressEvery);
        }
        if (nextSweep != null && !now.isBefore(nextSweep)) {
            int forgotten = picture.sweep(sweepGrace);
            log.debug("Swept {} finished referrals; {} still tracked", forgotten, picture.trackedReferrals());
            nextSweep = now.plus(sweepEvery);
        }
    }

    private void problem(ConsumerRecord<String, byte[]> record, String what, RuntimeException e) {
        picture.unusable();
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
        synchronized (problems) {
            problems.addFirst(where + ": " + what + ": " + cause);
            while (problems.size() > RECENT_PROBLEMS) {
                problems.removeLast();
            }
        }
    }

    private ReplayStatus snapshot(String state, TopicFollower.Progress progress) {
        Map<String, long[]> byTopic = new LinkedHashMap<>();
        topics.forEach(t -> byTopic.put(t, new long[4]));
        long consumed = 0;
        long toRead = 0;
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> entry : progress.positions().entrySet()) {
            TopicPartition partition = entry.getKey();
            long first = progress.beginning().getOrDefault(partition, 0L);
            long read = entry.getValue() - first;
            long wanted = progress.replayTarget().getOrDefault(partition, 0L) - first;
            long lag = progress.lag().getOrDefault(partition, 0L);
            long[] t = byTopic.get(partition.topic());
            t[0]++;
            t[1] += read;
            t[2] += wanted;
            t[3] += entry.getValue() + lag;
            consumed += read;
            toRead += wanted;
            behind += lag;
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

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** CPU time of this thread; the classic consumer does its network work in the polling thread too. */
    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
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
