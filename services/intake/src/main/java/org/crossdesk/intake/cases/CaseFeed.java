package org.crossdesk.intake.cases;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crossdesk.events.Topics;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.intake.directory.DirectoryProjection;
import org.crossdesk.platform.kafka.follow.ConsumerSessions;
import org.crossdesk.platform.kafka.follow.TopicFollower;

/**
 * Replays the lifecycle, responses, breaches and directory topics from the beginning into the {@link CaseBook}
 * and {@link DirectoryProjection}, then keeps tailing them, with the platform's {@link TopicFollower}.
 *
 * <p>Why a consumer-built in-memory view rather than a Kafka Streams table: the view joins four topics with
 * different keys and partition counts, is small (a few hundred bytes per referral, no personal data), and every
 * instance needs all of it (any instance may answer any HTTP read or receive any outbox partition after a
 * rebalance). Reading every partition outside any consumer group gives exactly that, and rebuilding is just
 * reading from offset zero.
 *
 * <p>Other threads wait for the view with {@link #caughtUp()}: it completes once the view has read every record
 * that was committed to those topics when it was called. The outbox consumer waits on it whenever it is assigned
 * partitions, so de-duplication never runs on a stale view, at start or after a rebalance.
 */
public final class CaseFeed implements AutoCloseable {

    /** The topics the view is built from. */
    public static final List<String> TOPICS = List.of(
            Topics.REFERRALS_LIFECYCLE, Topics.REFERRALS_RESPONSES, Topics.DEADLINES_BREACHES, Topics.DIRECTORY_DESKS);

    private final TopicFollower follower;

    /** @param followers makes the follower of {@link #TOPICS} that hands its records to the view */
    public CaseFeed(
            Function<TopicFollower.Handler, TopicFollower> followers, CaseBook cases, DirectoryProjection directory) {
        this.follower = followers.apply((ConsumerRecord<String, byte[]> record, Object value) -> {
            if (Topics.DIRECTORY_DESKS.equals(record.topic())) {
                directory.apply(record.key(), (DeskProfile) value);
            } else if (value != null) {
                cases.applyAny(value);
            }
        });
    }

    /** Starts replaying and tailing on a thread of its own. */
    public void start() {
        follower.start();
    }

    /** Whether the initial replay has finished and the reader is not restarting after a failure. */
    public boolean isReady() {
        return follower.isReplayed() && follower.sessions().state() != ConsumerSessions.State.RESTARTING;
    }

    /** Completes when the view has read everything committed to its topics at the time of this call. */
    public CompletableFuture<Void> caughtUp() {
        return follower.caughtUp();
    }

    /** The reader's thread, for health reports. */
    public ConsumerSessions sessions() {
        return follower.sessions();
    }

    @Override
    public void close() {
        follower.close();
    }
}
