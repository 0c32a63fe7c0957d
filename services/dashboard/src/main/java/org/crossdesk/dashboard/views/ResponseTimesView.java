package org.crossdesk.dashboard.views;

import java.util.List;

/**
 * How long alerts took to reach their recipients and to be taken by a desk officer, per priority.
 * Both are measured from the moment the referral was routed (the {@code ReferralRouted} event, when
 * every recipient's alert was issued).
 *
 * @param priorities one row per priority, most urgent first
 */
public record ResponseTimesView(List<PriorityTimes> priorities) {

    /**
     * @param priority the referral priority
     * @param toDeliver routed → first {@code AlertDelivered} at the recipient
     * @param toAcknowledge routed → {@code AlertAcknowledged} by the recipient
     */
    public record PriorityTimes(String priority, Distribution toDeliver, Distribution toAcknowledge) {}

    /**
     * A distribution of durations in milliseconds (HdrHistogram, 3 significant digits); all zero when
     * {@code count} is 0.
     */
    public record Distribution(long count, long p50Ms, long p90Ms, long p99Ms, long maxMs, double meanMs) {}
}
