package org.crossdesk.notifications.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.deadline.DeadlineKind;

/**
 * The deadlines of the referrals of one partition, built from facts read in any order. Replaying three
 * topics interleaves them arbitrarily (an acknowledgement may be read before the routing that set its
 * deadline), so every fact is kept as a flag and a deadline is open only when routing set it and no
 * acknowledgement, action, withdrawal, closure or earlier breach has cleared it.
 *
 * <ul>
 *   <li>The acknowledgement deadline is met by {@code AlertAcknowledged} or {@code AlertActioned} (acting
 *   implies having taken the alert).</li>
 *   <li>The response deadline is met by {@code AlertActioned}.</li>
 *   <li>Withdrawal and closure of the referral end all its deadlines.</li>
 *   <li>A breach already on the breaches topic is never reported again.</li>
 * </ul>
 *
 * Not thread-safe: {@link DeadlineTracker} serialises access.
 */
final class DeadlineBook {

    private final Map<String, ReferralDeadlines> referrals = new HashMap<>();

    /** Routing sent the referral to {@code recipients}, each with its deadlines. */
    void routed(String referralId, String issuingDesk, Priority priority, List<RecipientDeadlines> recipients) {
        ReferralDeadlines referral = referral(referralId);
        referral.issuingDesk = issuingDesk;
        referral.priority = priority;
        for (RecipientDeadlines recipient : recipients) {
            AlertDeadlines alert = referral.alert(recipient.deskId());
            alert.ackDueAt = recipient.ackDueAt();
            alert.responseDueAt = recipient.responseDueAt();
        }
    }

    /** An officer at {@code recipientDesk} acknowledged the alert. */
    void acknowledged(String referralId, String recipientDesk) {
        referral(referralId).alert(recipientDesk).acknowledged = true;
    }

    /** {@code recipientDesk} reported action. */
    void actioned(String referralId, String recipientDesk) {
        referral(referralId).alert(recipientDesk).actioned = true;
    }

    /** The referral was withdrawn or closed: no recipient owes anything any more. */
    void ended(String referralId) {
        referral(referralId).ended = true;
    }

    /** A breach of {@code kind} by {@code recipientDesk} is on record. */
    void breached(String referralId, String recipientDesk, DeadlineKind kind) {
        AlertDeadlines alert = referral(referralId).alert(recipientDesk);
        if (kind == DeadlineKind.ACKNOWLEDGEMENT) {
            alert.ackBreached = true;
        } else if (kind == DeadlineKind.RESPONSE) {
            alert.responseBreached = true;
        }
    }

    /** The deadlines passed at {@code now} and not yet reported, earliest first. */
    List<Breach> due(Instant now) {
        List<Breach> due = new ArrayList<>();
        referrals.forEach((referralId, referral) -> {
            if (referral.ended || referral.issuingDesk == null) {
                return;
            }
            referral.alerts.forEach((desk, alert) -> {
                if (alert.ackOpen() && !alert.ackDueAt.isAfter(now)) {
                    due.add(breach(referralId, desk, referral, DeadlineKind.ACKNOWLEDGEMENT, alert.ackDueAt));
                }
                if (alert.responseOpen() && !alert.responseDueAt.isAfter(now)) {
                    due.add(breach(referralId, desk, referral, DeadlineKind.RESPONSE, alert.responseDueAt));
                }
            });
        });
        due.sort(Comparator.comparing(Breach::dueAt)
                .thenComparing(Breach::alertId)
                .thenComparing(Breach::kind));
        return due;
    }

    /** Deadlines set and neither met, ended nor breached. */
    int open() {
        int open = 0;
        for (ReferralDeadlines referral : referrals.values()) {
            if (!referral.ended && referral.issuingDesk != null) {
                for (AlertDeadlines alert : referral.alerts.values()) {
                    open += (alert.ackOpen() ? 1 : 0) + (alert.responseOpen() ? 1 : 0);
                }
            }
        }
        return open;
    }

    /**
     * Forgets referrals with nothing left open whose last deadline is more than {@code keep} before
     * {@code now}. Only safe once the book has caught up with its topics: a forgotten referral's routing
     * read again would reopen its deadlines. Late facts for a forgotten referral are harmless.
     */
    int forgetSettled(Instant now, Duration keep) {
        Instant horizon = now.minus(keep);
        int before = referrals.size();
        referrals.values().removeIf(referral -> referral.issuingDesk != null && referral.settledBefore(horizon));
        return before - referrals.size();
    }

    /** Referrals known. */
    int size() {
        return referrals.size();
    }

    private ReferralDeadlines referral(String referralId) {
        return referrals.computeIfAbsent(referralId, id -> new ReferralDeadlines());
    }

    private static Breach breach(
            String referralId, String desk, ReferralDeadlines referral, DeadlineKind kind, Instant dueAt) {
        return new Breach(
                referralId, AlertIds.of(referralId, desk), desk, referral.issuingDesk, referral.priority, kind, dueAt);
    }

    /** A recipient of a routed referral and its deadlines. */
    record RecipientDeadlines(String deskId, Instant ackDueAt, Instant responseDueAt) {}

    private static final class ReferralDeadlines {
        final Map<String, AlertDeadlines> alerts = new HashMap<>(4);
        String issuingDesk;
        Priority priority;
        boolean ended;

        AlertDeadlines alert(String desk) {
            return alerts.computeIfAbsent(desk, d -> new AlertDeadlines());
        }

        boolean settledBefore(Instant horizon) {
            if (ended) {
                return alerts.values().stream()
                        .allMatch(alert ->
                                alert.lastDue() == null || alert.lastDue().isBefore(horizon));
            }
            return alerts.values().stream()
                    .allMatch(alert -> !alert.ackOpen()
                            && !alert.responseOpen()
                            && alert.lastDue() != null
                            && alert.lastDue().isBefore(horizon));
        }
    }

    private static final class AlertDeadlines {
        Instant ackDueAt;
        Instant responseDueAt;
        boolean acknowledged;
        boolean actioned;
        boolean ackBreached;
        boolean responseBreached;

        boolean ackOpen() {
            return ackDueAt != null && !acknowledged && !actioned && !ackBreached;
        }

        boolean responseOpen() {
            return responseDueAt != null && !actioned && !responseBreached;
        }

        Instant lastDue() {
            if (ackDueAt == null) {
                return responseDueAt;
            }
            return responseDueAt == null || ackDueAt.isAfter(responseDueAt) ? ackDueAt : responseDueAt;
        }
    }
}
