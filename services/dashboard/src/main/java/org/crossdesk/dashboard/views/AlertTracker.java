package org.crossdesk.dashboard.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.crossdesk.events.common.Priority;

/**
 * Follows every alert from routing to action, to know which alerts are open where, and to time
 * delivery and acknowledgement.
 *
 * <p>Lifecycle and response events come from different topics, so during a replay a response may be
 * read before the {@code ReferralRouted} it answers: a track is created by whichever arrives first
 * and a duration is recorded once both ends are known. Responses of one referral share a partition,
 * so they arrive in order: nothing follows an alert's {@code AlertActioned}. A referral whose
 * recipients have all actioned is therefore complete and forgotten at once; routing is exactly-once,
 * so no second {@code ReferralRouted} can resurrect it. Withdrawn and closed referrals, and responses
 * that never met their routing, are forgotten by {@link #sweep} after a grace period of event time.
 */
final class AlertTracker {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final Map<String, ReferralTrack> referrals = new HashMap<>();
    private final Map<String, long[]> deliveryFailures = new HashMap<>();
    private final ResponseTimes times;
    private long watermark = UNKNOWN;

    AlertTracker(ResponseTimes times) {
        this.times = times;
    }

    /** The referral was routed at {@code routedAt} to {@code recipientDesks}. */
    void routed(String referralId, Priority priority, List<String> recipientDesks, long routedAt) {
        ReferralTrack track = track(referralId, routedAt);
        if (track.routedAt != UNKNOWN) {
            return;
        }
        track.priority = priority;
        track.routedAt = routedAt;
        for (String desk : recipientDesks) {
            AlertTrack alert = track.alert(desk);
            alert.recipient = true;
            recordDurations(track, alert);
        }
        forgetIfComplete(referralId, track);
    }

    void delivered(String referralId, String desk, long deliveredAt, long eventAt) {
        ReferralTrack track = track(referralId, eventAt);
        AlertTrack alert = track.alert(desk);
        if (alert.deliveredAt == UNKNOWN) {
            // Several channels may deliver one alert; the first delivery is when the desk had it.
            alert.deliveredAt = deliveredAt;
            recordDurations(track, alert);
        }
    }

    void deliveryFailed(String desk) {
        deliveryFailures.computeIfAbsent(desk, d -> new long[1])[0]++;
    }

    void acknowledged(String referralId, String desk, long acknowledgedAt, long eventAt) {
        ReferralTrack track = track(referralId, eventAt);
        AlertTrack alert = track.alert(desk);
        if (alert.acknowledgedAt == UNKNOWN) {
            alert.acknowledgedAt = acknowledgedAt;
            recordDurations(track, alert);
        }
    }

    void actioned(String referralId, String desk, long eventAt) {
        ReferralTrack track = track(referralId, eventAt);
        track.alert(desk).actioned = true;
        forgetIfComplete(referralId, track);
    }

    /** The issuer withdrew or closed the referral: none of its alerts waits any more. */
    void ended(String referralId, long eventAt) {
        track(referralId, eventAt).ended = true;
    }

    /**
     * Forgets ended referrals, and responses whose routing never came, last touched more than
     * {@code graceMillis} of event time before the newest event seen. Call it only once caught up: during
     * a replay one topic may run far ahead of another.
     *
     * @return how many referrals were forgotten
     */
    int sweep(long graceMillis) {
        if (watermark == UNKNOWN) {
            return 0;
        }
        long before = watermark - graceMillis;
        int forgotten = 0;
        for (Iterator<ReferralTrack> it = referrals.values().iterator(); it.hasNext(); ) {
            ReferralTrack track = it.next();
            if ((track.ended || track.routedAt == UNKNOWN) && track.touchedAt < before) {
                it.remove();
                forgotten++;
            }
        }
        return forgotten;
    }

    /** Referrals currently tracked (for memory monitoring). */
    int tracked() {
        return referrals.size();
    }

    OpenAlertsView view(Instant now) {
        long nowMillis = now.toEpochMilli();
        Map<String, DeskTally> desks = new HashMap<>();
        long open = 0;
        long unacknowledged = 0;
        for (ReferralTrack track : referrals.values()) {
            if (track.routedAt == UNKNOWN || track.ended) {
                continue;
            }
            for (int i = 0; i < track.size; i++) {
                AlertTrack alert = track.alerts[i];
                if (!alert.recipient || alert.actioned) {
                    continue;
                }
                DeskTally tally = desks.computeIfAbsent(alert.desk, d -> new DeskTally());
                open++;
                tally.open++;
                tally.oldestOpen = Math.min(tally.oldestOpen, track.routedAt);
                if (alert.acknowledgedAt == UNKNOWN) {
                    unacknowledged++;
                    tally.unacknowledged++;
                    tally.oldestUnacknowledged = Math.min(tally.oldestUnacknowledged, track.routedAt);
                }
            }
        }
        deliveryFailures.keySet().forEach(desk -> desks.computeIfAbsent(desk, d -> new DeskTally()));
        List<OpenAlertsView.DeskAlerts> rows = new ArrayList<>(desks.size());
        desks.forEach((desk, tally) -> {
            long[] failures = deliveryFailures.get(desk);
            rows.add(new OpenAlertsView.DeskAlerts(
                    desk,
                    DeskCountry.of(desk),
                    tally.open,
                    tally.unacknowledged,
                    tally.open == 0 ? null : Instant.ofEpochMilli(tally.oldestOpen),
                    ageSeconds(nowMillis, tally.oldestOpen),
                    ageSeconds(nowMillis, tally.oldestUnacknowledged),
                    failures == null ? 0 : failures[0]));
        });
        rows.sort(Comparator.comparingLong(OpenAlertsView.DeskAlerts::oldestOpenAgeSeconds)
                .reversed()
                .thenComparing(Comparator.comparingLong(OpenAlertsView.DeskAlerts::open)
                        .reversed())
                .thenComparing(OpenAlertsView.DeskAlerts::deskId));
        return new OpenAlertsView(open, unacknowledged, rows);
    }

    private static long ageSeconds(long nowMillis, long since) {
        return since == Long.MAX_VALUE ? 0 : Math.max(0, (nowMillis - since) / 1000);
    }

    private ReferralTrack track(String referralId, long eventAt) {
        if (eventAt > watermark) {
            watermark = eventAt;
        }
        ReferralTrack track = referrals.computeIfAbsent(referralId, id -> new ReferralTrack());
        track.touchedAt = Math.max(track.touchedAt, eventAt);
        return track;
    }

    private void recordDurations(ReferralTrack track, AlertTrack alert) {
        if (track.routedAt == UNKNOWN || !alert.recipient) {
            return;
        }
        if (alert.deliveredAt != UNKNOWN && !alert.deliveryTimed) {
            alert.deliveryTimed = true;
            times.delivered(track.priority, alert.deliveredAt - track.routedAt);
        }
        if (alert.acknowledgedAt != UNKNOWN && !alert.acknowledgementTimed) {
            alert.acknowledgementTimed = true;
            times.acknowledged(track.priority, alert.acknowledgedAt - track.routedAt);
        }
    }

    private void forgetIfComplete(String referralId, ReferralTrack track) {
        if (track.routedAt == UNKNOWN) {
            return;
        }
        for (int i = 0; i < track.size; i++) {
            AlertTrack alert = track.alerts[i];
            if (alert.recipient && !alert.actioned) {
                return;
            }
        }
        referrals.remove(referralId);
    }

    private static final class DeskTally {
        long open;
        long unacknowledged;
        long oldestOpen = Long.MAX_VALUE;
        long oldestUnacknowledged = Long.MAX_VALUE;
    }

    /** One referral: when it was routed, and its alerts. Kept small: the replay holds many of these. */
    private static final class ReferralTrack {
        Priority priority;
        long routedAt = UNKNOWN;
        long touchedAt = UNKNOWN;
        boolean ended;
        AlertTrack[] alerts = new AlertTrack[2];
        int size;

        AlertTrack alert(String desk) {
            for (int i = 0; i < size; i++) {
                if (alerts[i].desk.equals(desk)) {
                    return alerts[i];
                }
            }
            if (size == alerts.length) {
                alerts = Arrays.copyOf(alerts, size * 2);
            }
            AlertTrack alert = new AlertTrack(desk);
            alerts[size++] = alert;
            return alert;
        }
    }

    /** One alert: a referral at one recipient desk. */
    private static final class AlertTrack {
        final String desk;
        long deliveredAt = UNKNOWN;
        long acknowledgedAt = UNKNOWN;
        boolean recipient;
        boolean actioned;
        boolean deliveryTimed;
        boolean acknowledgementTimed;

        AlertTrack(String desk) {
            this.desk = desk;
        }
    }
}
