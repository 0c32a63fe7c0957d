package org.crossdesk.intake.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.referral.ReferralAmended;
import org.crossdesk.events.referral.ReferralClosed;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.referral.WithheldCandidate;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.AlertDelivered;
import org.crossdesk.events.response.DeliveryFailed;
import org.crossdesk.events.response.ResponseEvent;

/**
 * Intake's whole state: every referral's lifecycle and recipients' progress, and the index of accepted
 * submissions by (issuing desk, desk reference) that de-duplicates resubmissions. It is a pure function of
 * the lifecycle, responses and breaches topics: rebuilt by replaying them from the beginning on start, kept
 * current by tailing them, and written through by the outbox processor right after each of its own events
 * is acknowledged (so the next record already sees it).
 *
 * <p>Applying is idempotent by event id: an event the processor wrote through and later reads back from
 * the topic is applied once. The topics are read concurrently, so a response may arrive before the
 * submission it belongs to; cases are therefore created on first mention and only count as known once
 * their {@code ReferralSubmitted} has been applied.
 *
 * <p>Thread-safe: one lock, held only for map updates and snapshots.
 */
public final class CaseBook {

    private final Map<String, Case> cases = new HashMap<>();
    private final Map<DeskReference, String> idsByReference = new HashMap<>();

    /** Applies a lifecycle event. */
    public synchronized void apply(ReferralEvent event) {
        Object body = event.getEvent();
        String referralId = referralIdOf(body);
        if (referralId == null) {
            return; // ReferralRejected of a new submission: the reference stays free, nothing to remember.
        }
        Case c = cases.computeIfAbsent(referralId, Case::new);
        if (!c.eventIds.add(event.getMetadata().getEventId())) {
            return;
        }
        Instant at = event.getMetadata().getOccurredAt();
        if (body instanceof ReferralSubmitted submitted) {
            c.submitted(submitted, at);
            DeskReference reference = new DeskReference(c.issuingDesk, c.deskReference);
            idsByReference.putIfAbsent(reference, referralId); // the first accepted submission owns the reference
        } else if (body instanceof ReferralRouted routed) {
            c.routed(routed, at);
        } else if (body instanceof ReferralAmended amended) {
            c.amended(amended);
        } else if (body instanceof ReferralWithdrawn) {
            c.ended(ReferralStatus.WITHDRAWN, at);
        } else if (body instanceof ReferralClosed) {
            c.ended(ReferralStatus.CLOSED, at);
        }
    }

    /** Applies a delivery or response event. */
    public synchronized void apply(ResponseEvent event) {
        Object body = event.getEvent();
        String referralId = referralIdOf(body);
        if (referralId == null) {
            return;
        }
        Case c = cases.computeIfAbsent(referralId, Case::new);
        if (!c.eventIds.add(event.getMetadata().getEventId())) {
            return;
        }
        if (body instanceof AlertDelivered delivered) {
            c.recipient(delivered.getRecipientDesk()).delivered(delivered.getDeliveredAt());
        } else if (body instanceof DeliveryFailed failed) {
            c.recipient(failed.getRecipientDesk()).deliveryFailed = true;
        } else if (body instanceof AlertAcknowledged acknowledged) {
            Recipient r = c.recipient(acknowledged.getRecipientDesk());
            if (r.acknowledgedAt == null) {
                r.acknowledgedAt = acknowledged.getAcknowledgedAt();
            }
        } else if (body instanceof AlertActioned actioned) {
            Recipient r = c.recipient(actioned.getRecipientDesk());
            if (r.actionedAt == null || !actioned.getActionedAt().isBefore(r.actionedAt)) {
                r.actionedAt = actioned.getActionedAt();
                r.outcome = actioned.getOutcome().name();
            }
        }
    }

    /** Applies a missed deadline. */
    public synchronized void apply(DeadlineBreached breach) {
        Case c = cases.computeIfAbsent(breach.getReferralId(), Case::new);
        if (c.eventIds.add(breach.getMetadata().getEventId())) {
            c.recipient(breach.getRecipientDesk()).breaches.add(breach.getKind());
        }
    }

    /** Applies any event of the three topics; other values are ignored. */
    public void applyAny(Object event) {
        if (event instanceof ReferralEvent e) {
            apply(e);
        } else if (event instanceof ResponseEvent e) {
            apply(e);
        } else if (event instanceof DeadlineBreached e) {
            apply(e);
        }
    }

    /** The accepted submission that owns {@code deskReference} at {@code desk}, if any. */
    public synchronized Optional<AcceptedReference> byReference(String desk, String deskReference) {
        String referralId = idsByReference.get(new DeskReference(desk, deskReference));
        if (referralId == null) {
            return Optional.empty();
        }
        return Optional.of(new AcceptedReference(referralId, Set.copyOf(cases.get(referralId).fingerprints)));
    }

    /** Whether the event with id {@code eventId} has been applied to referral {@code referralId}. */
    public synchronized boolean hasEvent(String referralId, String eventId) {
        Case c = cases.get(referralId);
        return c != null && c.eventIds.contains(eventId);
    }

    /** The status of a known (submitted) referral. */
    public synchronized Optional<CaseStatus> status(String referralId) {
        Case c = referralId == null ? null : cases.get(referralId);
        return c == null || c.status == null ? Optional.empty() : Optional.of(c.snapshot());
    }

    /** Number of known (submitted) referrals. */
    public synchronized int size() {
        return (int) cases.values().stream().filter(c -> c.status != null).count();
    }

    private static String referralIdOf(Object body) {
        if (body instanceof ReferralSubmitted e) {
            return e.getReferralId();
        } else if (body instanceof ReferralRouted e) {
            return e.getReferralId();
        } else if (body instanceof ReferralAmended e) {
            return e.getReferralId();
        } else if (body instanceof ReferralWithdrawn e) {
            return e.getReferralId();
        } else if (body instanceof ReferralClosed e) {
            return e.getReferralId();
        } else if (body instanceof AlertDelivered e) {
            return e.getReferralId();
        } else if (body instanceof DeliveryFailed e) {
            return e.getReferralId();
        } else if (body instanceof AlertAcknowledged e) {
            return e.getReferralId();
        } else if (body instanceof AlertActioned e) {
            return e.getReferralId();
        }
        return null; // ReferralRejected: a rejected new submission has no referral
    }

    /**
     * The referral that owns a desk reference.
     *
     * @param referralId   its id
     * @param fingerprints fingerprints of its original submission and of every amended version: a resubmission
     *                     of any of them is the same referral
     */
    public record AcceptedReference(String referralId, Set<String> fingerprints) {}

    private record DeskReference(String desk, String reference) {}

    private static final class Case {
        final String referralId;
        final Set<String> eventIds = new HashSet<>();
        final Set<String> fingerprints = new HashSet<>();
        final Map<String, Recipient> recipients = new LinkedHashMap<>();
        final List<CaseStatus.Withheld> withheld = new ArrayList<>();
        String issuingDesk;
        String deskReference;
        ReferralType type;
        Priority priority;
        ReferralStatus status;
        int version;
        Instant submittedAt;
        Instant routedAt;
        Instant endedAt;

        Case(String referralId) {
            this.referralId = referralId;
        }

        void submitted(ReferralSubmitted submitted, Instant at) {
            if (status != null) {
                return; // a second submission under the same id: the first one stands
            }
            issuingDesk = submitted.getSubmission().getIssuingDesk();
            deskReference = submitted.getSubmission().getDeskReference();
            type = submitted.getSubmission().getType();
            priority = submitted.getSubmission().getPriority();
            fingerprints.add(SubmissionFingerprint.of(submitted.getSubmission()));
            version = Math.max(version, 1);
            submittedAt = at;
            status = ReferralStatus.SUBMITTED;
        }

        void routed(ReferralRouted routed, Instant at) {
            for (RoutedRecipient r : routed.getRecipients()) {
                Recipient recipient = recipient(r.getDeskId());
                recipient.routed = true;
                recipient.country = r.getCountry();
                recipient.ackDueAt = r.getAckDueAt();
                recipient.responseDueAt = r.getResponseDueAt();
            }
            withheld.clear();
            for (WithheldCandidate w : routed.getWithheld()) {
                withheld.add(new CaseStatus.Withheld(
                        w.getDeskId(), w.getCountry(), w.getReason().name()));
            }
            routedAt = at;
            if (status == null || status == ReferralStatus.SUBMITTED) {
                status = ReferralStatus.ROUTED;
            }
        }

        void amended(ReferralAmended amended) {
            fingerprints.add(SubmissionFingerprint.of(amended.getSubmission()));
            version = Math.max(version, amended.getVersion());
            priority = amended.getSubmission().getPriority();
        }

        void ended(ReferralStatus end, Instant at) {
            if (status != ReferralStatus.WITHDRAWN && status != ReferralStatus.CLOSED) {
                status = end;
                endedAt = at;
            }
        }

        Recipient recipient(String desk) {
            return recipients.computeIfAbsent(desk, Recipient::new);
        }

        CaseStatus snapshot() {
            List<CaseStatus.Recipient> routedRecipients = recipients.values().stream()
                    .filter(r -> r.routed)
                    .map(Recipient::snapshot)
                    .toList();
            return new CaseStatus(
                    referralId,
                    issuingDesk,
                    deskReference,
                    type,
                    priority,
                    status,
                    version,
                    submittedAt,
                    routedAt,
                    endedAt,
                    routedRecipients,
                    List.copyOf(withheld));
        }
    }

    private static final class Recipient {
        final String desk;
        final EnumSet<DeadlineKind> breaches = EnumSet.noneOf(DeadlineKind.class);
        boolean routed;
        String country;
        Instant ackDueAt;
        Instant responseDueAt;
        Instant deliveredAt;
        boolean deliveryFailed;
        Instant acknowledgedAt;
        Instant actionedAt;
        String outcome;

        Recipient(String desk) {
            this.desk = desk;
        }

        void delivered(Instant at) {
            if (deliveredAt == null || at.isBefore(deliveredAt)) {
                deliveredAt = at;
            }
        }

        RecipientState state() {
            if (actionedAt != null) {
                return RecipientState.ACTIONED;
            }
            if (acknowledgedAt != null) {
                return breaches.contains(DeadlineKind.RESPONSE) ? RecipientState.BREACHED : RecipientState.ACKNOWLEDGED;
            }
            if (!breaches.isEmpty()) {
                return RecipientState.BREACHED;
            }
            if (deliveredAt != null) {
                return RecipientState.DELIVERED;
            }
            return deliveryFailed ? RecipientState.DELIVERY_FAILED : RecipientState.ROUTED;
        }

        CaseStatus.Recipient snapshot() {
            List<String> missed = breaches.stream().map(Enum::name).toList();
            return new CaseStatus.Recipient(
                    desk,
                    country,
                    state(),
                    ackDueAt,
                    responseDueAt,
                    deliveredAt,
                    acknowledgedAt,
                    actionedAt,
                    outcome,
                    missed);
        }
    }
}
