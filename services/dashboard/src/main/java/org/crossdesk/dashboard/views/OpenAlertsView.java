package org.crossdesk.dashboard.views;

import java.time.Instant;
import java.util.List;

/**
 * Alerts waiting at their recipient desks. An alert is open from its routing until the recipient
 * reports action on it, or until the issuer withdraws or closes the referral; it is unacknowledged
 * until a desk officer acknowledges it.
 *
 * @param open open alerts, all desks
 * @param unacknowledged open alerts not yet acknowledged, all desks
 * @param desks one row per recipient desk that has open alerts or failed deliveries, the longest wait first
 */
public record OpenAlertsView(long open, long unacknowledged, List<DeskAlerts> desks) {

    /**
     * @param deskId recipient desk
     * @param country the desk's country
     * @param open alerts open at this desk
     * @param unacknowledged of which not yet acknowledged
     * @param oldestOpenSince when the oldest open alert was routed (null if none open)
     * @param oldestOpenAgeSeconds how long the oldest open alert has waited (0 if none)
     * @param oldestUnacknowledgedAgeSeconds how long the oldest unacknowledged alert has waited (0 if none)
     * @param deliveryFailures deliveries to this desk given up after all retries (all time)
     */
    public record DeskAlerts(
            String deskId,
            String country,
            long open,
            long unacknowledged,
            Instant oldestOpenSince,
            long oldestOpenAgeSeconds,
            long oldestUnacknowledgedAgeSeconds,
            long deliveryFailures) {}
}
