package org.crossdesk.routing.directory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.platform.kafka.follow.ConsumerSessions;
import org.crossdesk.platform.kafka.follow.TopicFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory as the compacted topics hold it, kept in memory: the platform's {@link TopicFollower} reads
 * {@code directory.desks.v1} and {@code directory.agreements.v1} from the beginning and follows them, so every
 * instance and every restart sees the same directory, and an administrator's change reaches the policy within
 * milliseconds. Not a consumer group member: each instance reads both tables whole.
 */
public final class DirectoryStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DirectoryStore.class);
    static final TopicPartition DESKS = new TopicPartition(Topics.DIRECTORY_DESKS, 0);
    static final TopicPartition AGREEMENTS = new TopicPartition(Topics.DIRECTORY_AGREEMENTS, 0);
    /** The topics the directory is read from. */
    public static final List<String> TOPICS = List.of(Topics.DIRECTORY_DESKS, Topics.DIRECTORY_AGREEMENTS);

    private final TopicFollower follower;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private volatile Directory directory = Directory.empty();
    // The follower's thread only: the directory as the records read so far make it, published after each poll.
    private Directory pending = Directory.empty();

    /** @param followers makes the follower of {@link #TOPICS} that hands its records to this store */
    public DirectoryStore(Function<TopicFollower.Handler, TopicFollower> followers) {
        this.follower = followers.apply(new TopicFollower.Handler() {
            @Override
            public void record(ConsumerRecord<String, byte[]> record, Object value) {
                pending = apply(pending, record.topic(), record.key(), value);
            }

            @Override
            public void progress(TopicFollower.Progress progress) {
                directory = pending;
                synchronized (positions) {
                    positions.putAll(progress.positions());
                    positions.notifyAll();
                }
            }
        });
    }

    /** The current directory. */
    public Directory snapshot() {
        return directory;
    }

    /** Starts following the topics. */
    public void start() {
        follower.start();
    }

    /** Waits until everything the topics held at {@link #start()} is loaded. */
    public void awaitLoaded(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            follower.replayed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Directory loaded: {}", directory.sizes());
        } catch (TimeoutException e) {
            throw new TimeoutException("The directory topics were not read within " + timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The directory could not be read", e.getCause());
        }
    }

    /** Whether the topics held nothing at all when the store started (a fresh installation). */
    public boolean wasEmptyAtStart() {
        return follower.wasEmptyAtStart();
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

    /** The reader's thread, for health reports. */
    public ConsumerSessions sessions() {
        return follower.sessions();
    }

    static Directory apply(Directory directory, String topic, String key, Object value) {
        boolean desks = topic.equals(Topics.DIRECTORY_DESKS);
        if (value == null) {
            // A tombstone removes the entry (compaction then forgets it).
            return desks ? directory.withoutDesk(key) : directory.withoutAgreement(key);
        }
        if (desks && value instanceof DeskProfile desk) {
            return directory.with(desk);
        }
        if (!desks && value instanceof CooperationAgreement agreement) {
            return directory.with(agreement);
        }
        log.error(
                "Ignoring {} of key {}: a {} does not belong on this topic",
                topic,
                key,
                value.getClass().getName());
        return directory;
    }

    @Override
    public void close() {
        follower.close();
    }
}
