package org.crossdesk.events.examples;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.DeskId;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.outbox.ActionOutcome;
import org.crossdesk.events.referral.ClosureOutcome;
import org.crossdesk.events.referral.ReferralClosed;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRejected;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.referral.WithheldCandidate;
import org.crossdesk.events.referral.WithholdReason;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.AlertDelivered;
import org.crossdesk.events.response.DeliveryChannel;
import org.crossdesk.events.response.DeliveryFailed;
import org.crossdesk.events.response.ResponseEvent;

/**
 * Builds the consistent, fully populated topic values of one referral's life, for tests and load
 * generators that need many distinct referrals: same referral id, issuer, type and priority in every
 * event, alert ids from {@link AlertIds}, event ids stable per (referral, step), each event's
 * {@code occurredAt} at a chosen instant. The submission content (persons, warrants, route ...) is the
 * matching {@link ExampleEvents} submission of the chosen type, so every optional field is set.
 *
 * <pre>{@code
 * ReferralStory story = ReferralStory.of("CD-2026-000001", "FR-BNRF", ReferralType.FUGITIVE, Priority.URGENT, t0);
 * ReferralEvent submitted = story.submitted();
 * ReferralEvent routed = story.routed(t0.plusSeconds(1), List.of("DE-BKA", "ES-CNP"), List.of("PT"));
 * ResponseEvent delivered = story.delivered("DE-BKA", t0.plusSeconds(3));
 * }</pre>
 *
 * <p>Immutable; every event call builds fresh objects, so callers may modify what they get.
 */
public final class ReferralStory {

    private final String referralId;
    private final String issuingDesk;
    private final ReferralType type;
    private final Priority priority;
    private final Instant submittedAt;
    private final Duration ackWindow;
    private final Duration responseWindow;

    private ReferralStory(
            String referralId,
            String issuingDesk,
            ReferralType type,
            Priority priority,
            Instant submittedAt,
            Duration ackWindow,
            Duration responseWindow) {
        this.referralId = referralId;
        this.issuingDesk = DeskId.requireValid(issuingDesk);
        this.type = type;
        this.priority = priority;
        this.submittedAt = submittedAt;
        this.ackWindow = ackWindow;
        this.responseWindow = responseWindow;
    }

    /**
     * A referral {@code referralId} issued by {@code issuingDesk} at {@code submittedAt}, with the default
     * deadlines of its priority (docs/design/architecture.md §4).
     */
    public static ReferralStory of(
            String referralId, String issuingDesk, ReferralType type, Priority priority, Instant submittedAt) {
        return new ReferralStory(
                referralId,
                issuingDesk,
                type,
                priority,
                submittedAt,
                defaultAckWindow(priority),
                defaultResponseWindow(priority));
    }

    /** The example fugitive referral of {@link ExampleEvents}, as a story. */
    public static ReferralStory example() {
        return of(
                ExampleEvents.REFERRAL_ID,
                ExampleEvents.ISSUER,
                ReferralType.FUGITIVE,
                Priority.URGENT,
                ExampleEvents.SUBMITTED_AT);
    }

    public String referralId() {
        return referralId;
    }

    public String issuingDesk() {
        return issuingDesk;
    }

    public ReferralType type() {
        return type;
    }

    public Priority priority() {
        return priority;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** The alert id of this referral at {@code recipientDesk}. */
    public String alertId(String recipientDesk) {
        return AlertIds.of(referralId, recipientDesk);
    }

    // ---------------------------------------------------------------- lifecycle

    /** The issuer's submission: the {@link ExampleEvents} submission of this type, re-labelled. */
    public ReferralSubmission submission() {
        ReferralSubmission template = switch (type) {
            case DRUG_TRAFFICKING -> ExampleEvents.drugTraffickingSubmission();
            case COUNTER_TERRORISM -> ExampleEvents.counterTerrorismSubmission();
            default -> ExampleEvents.fugitiveSubmission();
        };
        return ReferralSubmission.newBuilder(template)
                .setDeskReference("REF-" + referralId)
                .setIssuingDesk(issuingDesk)
                .setType(type)
                .setPriority(priority)
                .build();
    }

    /** {@code ReferralSubmitted} at the submission instant. */
    public ReferralEvent submitted() {
        return lifecycle(
                "submitted",
                submittedAt,
                ReferralSubmitted.newBuilder()
                        .setReferralId(referralId)
                        .setSubmission(submission())
                        .setReceivedFromTopic(Topics.deskOutboxName(issuingDesk))
                        .build());
    }

    /** {@code ReferralRejected} at {@code at}, with the example rejection reason. */
    public ReferralEvent rejected(Instant at) {
        return lifecycle(
                "rejected",
                at,
                ReferralRejected.newBuilder()
                        .setReferralId(referralId)
                        .setDeskReference("REF-" + referralId)
                        .setIssuingDesk(issuingDesk)
                        .setReasons(List.of(ExampleEvents.rejectionReason()))
                        .build());
    }

    /**
     * {@code ReferralRouted} at {@code at}: an alert to each of {@code recipientDesks} (country from the desk
     * id), and a candidate in each of {@code noAgreementCountries} withheld for want of an agreement.
     */
    public ReferralEvent routed(Instant at, List<String> recipientDesks, List<String> noAgreementCountries) {
        List<WithheldCandidate> withheld = new ArrayList<>();
        for (String country : noAgreementCountries) {
            withheld.add(withheld(country, WithholdReason.NO_AGREEMENT));
        }
        return routedWithheld(at, recipientDesks, withheld);
    }

    /** {@code ReferralRouted} at {@code at} with explicit withheld candidates. */
    public ReferralEvent routedWithheld(Instant at, List<String> recipientDesks, List<WithheldCandidate> withheld) {
        List<RoutedRecipient> recipients = new ArrayList<>();
        for (String desk : recipientDesks) {
            recipients.add(RoutedRecipient.newBuilder()
                    .setDeskId(desk)
                    .setCountry(DeskId.of(desk).country())
                    .setReasons(List.of("REQUESTED"))
                    .setAckDueAt(at.plus(ackWindow))
                    .setResponseDueAt(at.plus(responseWindow))
                    .build());
        }
        return lifecycle(
                "routed",
                at,
                ReferralRouted.newBuilder()
                        .setReferralId(referralId)
                        .setIssuingDesk(issuingDesk)
                        .setType(type)
                        .setPriority(priority)
                        .setRecipients(recipients)
                        .setWithheld(withheld)
                        .build());
    }

    /** The national central desk of {@code country} ({@code <country>-NCB}), withheld for {@code reason}. */
    public static WithheldCandidate withheld(String country, WithholdReason reason) {
        return WithheldCandidate.newBuilder()
                .setDeskId(DeskId.requireValid(country + "-NCB"))
                .setCountry(country)
                .setReason(reason)
                .setDetail("Withheld by the routing policy: " + reason)
                .build();
    }

    /** {@code ReferralWithdrawn} by the issuer at {@code at}. */
    public ReferralEvent withdrawn(Instant at) {
        return lifecycle(
                "withdrawn",
                at,
                ReferralWithdrawn.newBuilder()
                        .setReferralId(referralId)
                        .setIssuingDesk(issuingDesk)
                        .setReason("Subject surrendered to the issuing authorities")
                        .setWithdrawnBy("officer-of-" + issuingDesk)
                        .build());
    }

    /** {@code ReferralClosed} at {@code at}. */
    public ReferralEvent closed(Instant at) {
        return lifecycle(
                "closed",
                at,
                ReferralClosed.newBuilder()
                        .setReferralId(referralId)
                        .setOutcome(ClosureOutcome.SUBJECT_ARRESTED)
                        .setClosedBy("officer-of-" + issuingDesk)
                        .build());
    }

    // ---------------------------------------------------------------- responses

    /** {@code AlertDelivered} to {@code recipientDesk} by webhook at {@code at}. */
    public ResponseEvent delivered(String recipientDesk, Instant at) {
        return response(
                "delivered/" + recipientDesk,
                at,
                AlertDelivered.newBuilder()
                        .setAlertId(alertId(recipientDesk))
                        .setReferralId(referralId)
                        .setRecipientDesk(recipientDesk)
                        .setChannel(DeliveryChannel.WEBHOOK)
                        .setDeliveryId("dlv-" + alertId(recipientDesk))
                        .setDeliveredAt(at)
                        .setAttempts(1)
                        .build());
    }

    /** {@code DeliveryFailed} to {@code recipientDesk} at {@code at}, after 8 attempts. */
    public ResponseEvent deliveryFailed(String recipientDesk, Instant at) {
        return response(
                "failed/" + recipientDesk,
                at,
                DeliveryFailed.newBuilder()
                        .setAlertId(alertId(recipientDesk))
                        .setReferralId(referralId)
                        .setRecipientDesk(recipientDesk)
                        .setChannel(DeliveryChannel.WEBHOOK)
                        .setDeliveryId("dlv-" + alertId(recipientDesk))
                        .setAttempts(8)
                        .setLastError("HTTP 503 Service Unavailable")
                        .build());
    }

    /** {@code AlertAcknowledged} by {@code recipientDesk} at {@code at}. */
    public ResponseEvent acknowledged(String recipientDesk, Instant at) {
        return response(
                "acknowledged/" + recipientDesk,
                at,
                AlertAcknowledged.newBuilder()
                        .setAlertId(alertId(recipientDesk))
                        .setReferralId(referralId)
                        .setRecipientDesk(recipientDesk)
                        .setAcknowledgedBy("duty-officer-of-" + recipientDesk)
                        .setAcknowledgedAt(at)
                        .setNote("Checks under way")
                        .build());
    }

    /** {@code AlertActioned} by {@code recipientDesk} at {@code at}. */
    public ResponseEvent actioned(String recipientDesk, Instant at) {
        return response(
                "actioned/" + recipientDesk,
                at,
                AlertActioned.newBuilder()
                        .setAlertId(alertId(recipientDesk))
                        .setReferralId(referralId)
                        .setRecipientDesk(recipientDesk)
                        .setOutcome(ActionOutcome.FLAGGED)
                        .setDetails("Subject flagged in the national system")
                        .setActionedAt(at)
                        .build());
    }

    // ---------------------------------------------------------------- deadlines

    /** {@code DeadlineBreached}: {@code recipientDesk} missed its {@code kind} deadline, noticed at {@code at}. */
    public DeadlineBreached breached(String recipientDesk, DeadlineKind kind, Instant at) {
        return DeadlineBreached.newBuilder()
                .setMetadata(metadata("breached/" + kind + "/" + recipientDesk, at, "notifications"))
                .setReferralId(referralId)
                .setAlertId(alertId(recipientDesk))
                .setRecipientDesk(recipientDesk)
                .setIssuingDesk(issuingDesk)
                .setKind(kind)
                .setDueAt(at.minusSeconds(1))
                .setBreachedAt(at)
                .setPriority(priority)
                .setEscalatedTo("escalation@" + recipientDesk.toLowerCase() + ".example")
                .build();
    }

    // ---------------------------------------------------------------- plumbing

    /** Metadata of this referral's {@code step}, at {@code at}; the event id is stable per (referral, step). */
    public EventMetadata metadata(String step, Instant at, String producer) {
        return EventMetadata.newBuilder()
                .setEventId(eventId(step))
                .setOccurredAt(at)
                .setProducer(producer)
                .setCorrelationId(referralId)
                .setCausationId(eventId("submitted"))
                .build();
    }

    private String eventId(String step) {
        return UUID.nameUUIDFromBytes((referralId + "#" + step).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private ReferralEvent lifecycle(String step, Instant at, Object event) {
        String producer = event instanceof ReferralRouted ? "routing" : "intake";
        return ReferralEvent.newBuilder()
                .setMetadata(metadata(step, at, producer))
                .setEvent(event)
                .build();
    }

    private ResponseEvent response(String step, Instant at, Object event) {
        String producer =
                event instanceof AlertAcknowledged || event instanceof AlertActioned ? "intake" : "notifications";
        return ResponseEvent.newBuilder()
                .setMetadata(metadata(step, at, producer))
                .setEvent(event)
                .build();
    }

    private static Duration defaultAckWindow(Priority priority) {
        return switch (priority) {
            case IMMEDIATE -> Duration.ofHours(1);
            case URGENT -> Duration.ofHours(4);
            default -> Duration.ofHours(24);
        };
    }

    private static Duration defaultResponseWindow(Priority priority) {
        return switch (priority) {
            case IMMEDIATE -> Duration.ofHours(8);
            case URGENT -> Duration.ofHours(12);
            default -> Duration.ofDays(7);
        };
    }
}
