package org.crossdesk.routing.fanout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.AlertAmended;
import org.crossdesk.events.inbox.AlertWithdrawn;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.ReceiptStatus;
import org.crossdesk.events.inbox.RecipientResponse;
import org.crossdesk.events.inbox.ResponseKind;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.OutboxMessageKind;
import org.crossdesk.events.referral.ReferralAmended;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.referral.RejectionReason;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.referral.WithheldCandidate;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.routing.directory.Directory;
import org.crossdesk.routing.policy.RoutingDecision;
import org.crossdesk.routing.policy.RoutingPolicy;
import org.crossdesk.routing.policy.RoutingRequest;

/**
 * What the fan-out writes for each event it reads (docs/design/architecture.md §3, flows 2 and 4). Plain Java: the
 * Kafka listener hands it one event at a time with the batch's view of the {@link RecipientLedger} and
 * sends what it returns in the batch's transaction.
 *
 * <ul>
 *   <li>{@code ReferralSubmitted}: the policy decides; an {@code Alert} to each recipient's inbox,
 *       {@code ReferralRouted} to the lifecycle, a {@code SubmissionReceipt} (ROUTED, recipients and
 *       withheld) to the issuer's inbox. A referral already routed is not routed again.</li>
 *   <li>{@code ReferralAmended} / {@code ReferralWithdrawn}: {@code AlertAmended} / {@code AlertWithdrawn}
 *       to exactly the desks that received the alert, and a receipt naming them to the issuer.</li>
 *   <li>{@code AlertAcknowledged} / {@code AlertActioned}: a {@code RecipientResponse} to the issuer.</li>
 * </ul>
 *
 * Events it cannot act on (an amendment of an unknown referral, a response from a desk that never
 * received the alert) raise {@link UnroutableEventException}: they go to the dead-letter topic.
 */
public final class FanOut {

    /** Producer name in {@code EventMetadata}. */
    public static final String PRODUCER = "routing";

    private final RoutingPolicy policy;
    private final Supplier<Directory> directory;
    private final Clock clock;

    public FanOut(RoutingPolicy policy, Supplier<Directory> directory, Clock clock) {
        this.policy = policy;
        this.directory = directory;
        this.clock = clock;
    }

    /** The records to write for a lifecycle event. */
    public List<Outgoing> onLifecycle(ReferralEvent event, RecipientLedger.Batch ledger) {
        Object payload = event.getEvent();
        if (payload instanceof ReferralSubmitted submitted) {
            return route(event.getMetadata(), submitted, ledger);
        } else if (payload instanceof ReferralAmended amended) {
            return amend(event.getMetadata(), amended, ledger);
        } else if (payload instanceof ReferralWithdrawn withdrawn) {
            return withdraw(event.getMetadata(), withdrawn, ledger);
        } else if (payload instanceof ReferralRouted routed) {
            // Our own decision read back (or one written before a restart): the ledger already has it, or
            // learns it now. Nothing to write.
            Optional<RoutedReferral> known = ledger.get(routed.getReferralId());
            if (known.isEmpty() || !known.get().isRouted()) {
                ledger.put(known.orElse(RoutedReferral.submitted(
                                routed.getReferralId(), routed.getIssuingDesk(), routed.getReferralId()))
                        .withRouted(routed));
            }
            return List.of();
        }
        // Rejected and closed referrals concern intake, notifications and the dashboard.
        return List.of();
    }

    /** The records to write for a response event. */
    public List<Outgoing> onResponse(ResponseEvent event, RecipientLedger.Batch ledger) {
        Object payload = event.getEvent();
        if (payload instanceof AlertAcknowledged acknowledged) {
            RoutedReferral referral =
                    recipientOf(acknowledged.getReferralId(), acknowledged.getRecipientDesk(), ledger);
            return List.of(inbox(
                    referral.issuingDesk(),
                    referral.referralId(),
                    event.getMetadata(),
                    "response",
                    RecipientResponse.newBuilder()
                            .setReferralId(referral.referralId())
                            .setRespondingDesk(acknowledged.getRecipientDesk())
                            .setKind(ResponseKind.ACKNOWLEDGED)
                            .setOutcome(null)
                            .setDetails(acknowledged.getNote())
                            .setRespondedAt(acknowledged.getAcknowledgedAt())
                            .build()));
        } else if (payload instanceof AlertActioned actioned) {
            RoutedReferral referral = recipientOf(actioned.getReferralId(), actioned.getRecipientDesk(), ledger);
            return List.of(inbox(
                    referral.issuingDesk(),
                    referral.referralId(),
                    event.getMetadata(),
                    "response",
                    RecipientResponse.newBuilder()
                            .setReferralId(referral.referralId())
                            .setRespondingDesk(actioned.getRecipientDesk())
                            .setKind(ResponseKind.ACTIONED)
                            .setOutcome(actioned.getOutcome())
                            .setDetails(actioned.getDetails())
                            .setRespondedAt(actioned.getActionedAt())
                            .build()));
        }
        // Delivery reports are for notifications and the dashboard; the issuer learns of acknowledgements.
        return List.of();
    }

    private List<Outgoing> route(EventMetadata cause, ReferralSubmitted submitted, RecipientLedger.Batch ledger) {
        String referralId = submitted.getReferralId();
        ReferralSubmission submission = submitted.getSubmission();
        Optional<RoutedReferral> known = ledger.get(referralId);
        if (known.isPresent() && known.get().isRouted()) {
            // Intake emits each referral once, but a replayed or duplicated submission must not alert twice.
            return List.of();
        }
        RoutingDecision decision = policy.decide(RoutingRequest.of(submission), directory.get());
        ReferralRouted routed = Decisions.toReferralRouted(referralId, decision);

        List<Outgoing> out = new ArrayList<>();
        for (RoutingDecision.Recipient recipient : decision.recipients()) {
            Alert alert = Alert.newBuilder()
                    .setAlertId(AlertIds.of(referralId, recipient.deskId()))
                    .setReferralId(referralId)
                    .setIssuingDesk(decision.issuingDesk())
                    .setRecipientDesk(recipient.deskId())
                    .setType(decision.type())
                    .setPriority(decision.priority())
                    .setHandling(submission.getHandling())
                    .setSubmission(submission)
                    .setRoutingReasons(recipient.reasonsWithLegalBasis())
                    .setAckDueAt(recipient.ackDueAt())
                    .setResponseDueAt(recipient.responseDueAt())
                    .setOnwardForwardingAllowed(decision.onwardForwardingAllowed())
                    .setEvidentialUseAllowed(decision.evidentialUseAllowed())
                    .build();
            out.add(inbox(recipient.deskId(), referralId, cause, "alert", alert));
        }
        out.add(new Outgoing(
                Topics.REFERRALS_LIFECYCLE,
                referralId,
                ReferralEvent.newBuilder()
                        .setMetadata(metadata(cause, referralId, "routed", referralId))
                        .setEvent(routed)
                        .build()));
        out.add(inbox(
                decision.issuingDesk(),
                referralId,
                cause,
                "receipt",
                receipt(
                        submission.getDeskReference(),
                        referralId,
                        OutboxMessageKind.SUBMISSION,
                        routed.getRecipients(),
                        routed.getWithheld())));

        ledger.put(RoutedReferral.submitted(referralId, decision.issuingDesk(), submission.getDeskReference())
                .withRouted(routed));
        return out;
    }

    private List<Outgoing> amend(EventMetadata cause, ReferralAmended amended, RecipientLedger.Batch ledger) {
        RoutedReferral referral = routedReferral(amended.getReferralId(), "amendment", ledger);
        if (!referral.issuingDesk().equals(amended.getSubmission().getIssuingDesk())) {
            throw new UnroutableEventException("Amendment of referral " + referral.referralId() + " claims issuer "
                    + amended.getSubmission().getIssuingDesk() + " but it was issued by " + referral.issuingDesk());
        }
        if (referral.withdrawn()) {
            throw new UnroutableEventException("Referral " + referral.referralId()
                    + " was withdrawn; its amendment (version " + amended.getVersion() + ") is not forwarded");
        }
        if (amended.getVersion() <= referral.version()) {
            // Version already forwarded: a duplicate, which must not reach the recipients twice.
            return List.of();
        }
        List<Outgoing> out = toRecipientsWithReceipt(
                referral,
                cause,
                "amended",
                OutboxMessageKind.AMENDMENT,
                deskId -> AlertAmended.newBuilder()
                        .setAlertId(AlertIds.of(referral.referralId(), deskId))
                        .setReferralId(referral.referralId())
                        .setVersion(amended.getVersion())
                        .setSubmission(amended.getSubmission())
                        .setReason(amended.getReason())
                        .build());
        ledger.put(referral.withVersion(amended.getVersion()));
        return out;
    }

    private List<Outgoing> withdraw(EventMetadata cause, ReferralWithdrawn withdrawn, RecipientLedger.Batch ledger) {
        RoutedReferral referral = routedReferral(withdrawn.getReferralId(), "withdrawal", ledger);
        if (!referral.issuingDesk().equals(withdrawn.getIssuingDesk())) {
            throw new UnroutableEventException("Withdrawal of referral " + referral.referralId() + " claims issuer "
                    + withdrawn.getIssuingDesk() + " but it was issued by " + referral.issuingDesk());
        }
        if (referral.withdrawn()) {
            return List.of();
        }
        List<Outgoing> out = toRecipientsWithReceipt(
                referral,
                cause,
                "withdrawn",
                OutboxMessageKind.WITHDRAWAL,
                deskId -> AlertWithdrawn.newBuilder()
                        .setAlertId(AlertIds.of(referral.referralId(), deskId))
                        .setReferralId(referral.referralId())
                        .setReason(withdrawn.getReason())
                        .build());
        ledger.put(referral.asWithdrawn());
        return out;
    }

    /**
     * A change the issuer made to a routed referral: one alert to each desk the referral went to, then the issuer's
     * receipt naming the same recipients.
     */
    private List<Outgoing> toRecipientsWithReceipt(
            RoutedReferral referral,
            EventMetadata cause,
            String role,
            OutboxMessageKind kind,
            Function<String, SpecificRecord> alertFor) {
        List<Outgoing> out = new ArrayList<>();
        for (RoutedRecipient recipient : referral.recipients()) {
            out.add(inbox(
                    recipient.getDeskId(), referral.referralId(), cause, role, alertFor.apply(recipient.getDeskId())));
        }
        out.add(inbox(
                referral.issuingDesk(),
                referral.referralId(),
                cause,
                "receipt",
                receipt(referral.deskReference(), referral.referralId(), kind, referral.recipients(), List.of())));
        return out;
    }

    private static RoutedReferral routedReferral(String referralId, String what, RecipientLedger.Batch ledger) {
        return ledger.get(referralId)
                .filter(RoutedReferral::isRouted)
                .orElseThrow(() -> new UnroutableEventException(
                        "No routed referral " + referralId + " is known: its " + what + " cannot be forwarded"));
    }

    private static RoutedReferral recipientOf(String referralId, String deskId, RecipientLedger.Batch ledger) {
        RoutedReferral referral = routedReferral(referralId, "response", ledger);
        if (referral.recipient(deskId).isEmpty()) {
            throw new UnroutableEventException(
                    "Desk " + deskId + " did not receive referral " + referralId + ": its response is not forwarded");
        }
        return referral;
    }

    private static SubmissionReceipt receipt(
            String deskReference,
            String referralId,
            OutboxMessageKind subject,
            List<RoutedRecipient> recipients,
            List<WithheldCandidate> withheld) {
        List<RejectionReason> notices = new ArrayList<>();
        for (WithheldCandidate candidate : withheld) {
            notices.add(RejectionReason.newBuilder()
                    .setCode("RECIPIENT_WITHHELD")
                    .setField(null)
                    .setMessage((candidate.getDeskId() == null ? candidate.getCountry() : candidate.getDeskId()) + ": "
                            + candidate.getReason()
                            + (candidate.getDetail() == null ? "" : " - " + candidate.getDetail()))
                    .build());
        }
        if (recipients.isEmpty()) {
            notices.add(RejectionReason.newBuilder()
                    .setCode("NO_RECIPIENT")
                    .setField(null)
                    .setMessage("No desk received this " + subject.name().toLowerCase(Locale.ROOT))
                    .build());
        }
        return SubmissionReceipt.newBuilder()
                .setDeskReference(deskReference)
                .setReferralId(referralId)
                .setStatus(ReceiptStatus.ROUTED)
                .setReasons(notices)
                .setSubjectOfReceipt(subject)
                .setRecipients(recipients)
                .setWithheld(withheld)
                .build();
    }

    private Outgoing inbox(String deskId, String referralId, EventMetadata cause, String kind, SpecificRecord message) {
        return new Outgoing(
                Topics.deskInboxName(deskId),
                referralId,
                InboxMessage.newBuilder()
                        .setMetadata(metadata(cause, referralId, kind, deskId))
                        .setMessage(message)
                        .build());
    }

    /**
     * Metadata of an output caused by {@code cause}. The event id is derived from the cause, the kind and
     * the target, so that processing the same input again yields the same ids.
     */
    private EventMetadata metadata(EventMetadata cause, String referralId, String kind, String target) {
        String seed = cause.getEventId() + "|" + kind + "|" + target;
        return EventMetadata.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .setOccurredAt(clock.instant())
                .setProducer(PRODUCER)
                .setCorrelationId(referralId)
                .setCausationId(cause.getEventId())
                .build();
    }
}
