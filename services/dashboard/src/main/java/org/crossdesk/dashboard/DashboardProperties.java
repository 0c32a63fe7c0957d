package org.crossdesk.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's own settings, {@code crossdesk.dashboard.*} (environment: {@code CROSSDESK_DASHBOARD_*}).
 *
 * @param feedCapacity recent events the live feed keeps in memory
 * @param feedShown recent events sent to the page with each picture
 * @param pushInterval how often the live stream sends a new picture when something changed
 * @param heartbeatInterval how often an idle live stream sends a comment, so proxies keep it open
 * @param progressLogInterval how often the catch-up replay logs its progress
 * @param sweepInterval how often, once live, finished referrals are forgotten
 * @param sweepGrace how long (event time) a withdrawn or closed referral is remembered for late responses
 */
@ConfigurationProperties("crossdesk.dashboard")
public record DashboardProperties(
        Integer feedCapacity,
        Integer feedShown,
        Duration pushInterval,
        Duration heartbeatInterval,
        Duration progressLogInterval,
        Duration sweepInterval,
        Duration sweepGrace) {

    public DashboardProperties {
        feedCapacity = feedCapacity == null ? 500 : feedCapacity;
        feedShown = feedShown == null ? 50 : feedShown;
        pushInterval = pushInterval == null ? Duration.ofSeconds(1) : pushInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(15) : heartbeatInterval;
        progressLogInterval = progressLogInterval == null ? Duration.ofSeconds(5) : progressLogInterval;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        sweepGrace = sweepGrace == null ? Duration.ofDays(7) : sweepGrace;
        if (feedShown > feedCapacity) {
            throw new IllegalArgumentException("crossdesk.dashboard.feed-shown (" + feedShown
                    + ") cannot exceed crossdesk.dashboard.feed-capacity (" + feedCapacity + ")");
        }
    }
}
