package org.crossdesk.dashboard.views;

import java.util.List;
import java.util.Map;

/**
 * Missed deadlines ({@code DeadlineBreached}), per recipient desk that missed them.
 *
 * @param total breaches, all desks
 * @param byPriority breaches per referral priority (every priority listed)
 * @param desks one row per desk with breaches, the most breaches first
 */
public record BreachesView(long total, Map<String, Long> byPriority, List<DeskBreaches> desks) {

    /**
     * @param deskId recipient desk that missed the deadline
     * @param country the desk's country
     * @param acknowledgement missed acknowledgement deadlines
     * @param response missed response deadlines
     * @param total all breaches of this desk (including kinds unknown to this version)
     * @param escalated breaches escalated to the desk's escalation contact
     */
    public record DeskBreaches(
            String deskId, String country, long acknowledgement, long response, long total, long escalated) {}
}
