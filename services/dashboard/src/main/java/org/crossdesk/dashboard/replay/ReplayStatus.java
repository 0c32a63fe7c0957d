package org.crossdesk.dashboard.replay;

import java.time.Instant;
import java.util.List;

/**
 * How far the dashboard has read its topics: during the catch-up replay, how many of the records that
 * were there when it started it has consumed; afterwards, how far behind the newest records it is.
 *
 * @param state {@code WAITING_FOR_TOPICS}, {@code CATCHING_UP}, {@code LIVE} or {@code STOPPED}
 * @param consumed offsets consumed since the start, all partitions (records plus transaction markers)
 * @param catchUpTarget offsets to consume to catch up: end minus beginning offsets when the replay started
 * @param lag offsets not yet consumed now, all partitions (live: the consumer's own lag)
 * @param startedAt when the replay started reading
 * @param caughtUpAt when it had read everything that existed at its start (null before)
 * @param catchUpRecordsPerSecond records applied per second of catch-up (0 before it ends)
 * @param catchUpCpuMicrosPerRecord CPU time of the replay thread per record during the catch-up (0 before it
 *     ends): what a record costs, whatever else the machine is doing
 * @param applied events applied to the views
 * @param unusable records that could not be decoded or applied (skipped, counted, logged)
 * @param recentProblems the latest such problems (topic-partition@offset: cause), newest first
 * @param topics the same per topic
 */
public record ReplayStatus(
        String state,
        long consumed,
        long catchUpTarget,
        long lag,
        Instant startedAt,
        Instant caughtUpAt,
        double catchUpRecordsPerSecond,
        double catchUpCpuMicrosPerRecord,
        long applied,
        long unusable,
        List<String> recentProblems,
        List<TopicStatus> topics) {

    /** Whether everything that existed at start-up has been read. */
    public boolean caughtUp() {
        return caughtUpAt != null;
    }

    /**
     * @param topic topic name
     * @param partitions partitions read
     * @param consumed offsets consumed since the start
     * @param catchUpTarget offsets to consume to catch up
     * @param endOffset sum of the partitions' end offsets as last known
     */
    public record TopicStatus(String topic, int partitions, long consumed, long catchUpTarget, long endOffset) {}
}
