package org.crossdesk.intake.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.ReceiptStatus;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.ActionReport;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.outbox.OutboxMessageKind;
import org.crossdesk.events.outbox.ReferralAmendment;
import org.crossdesk.events.outbox.ReferralWithdrawal;
import org.crossdesk.events.referral.ReferralAmended;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRejected;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.intake.cases.CaseBook;
import org.crossdesk.intake.cases.CaseStatus;
import org.crossdesk.intake.cases.ReferralStatus;
import org.crossdesk.intake.cases.SubmissionFingerprint;
import org.crossdesk.intake.referralid.OutboxPosition;
import org.crossdesk.intake.referralid.ReferralIds;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.intake.validation.SubmissionValidator;
import org.crossdesk.intake.validation.Violation;

/**
 * Decides what one outbox record means: plain Java, no Kafka. The Kafka listener is a thin adapter that
 * feeds it records and writes its {@link Decision}s.
 *
 * <p>The decision is a function of the record's position, the record and the case book. Reprocessing a
 * record (after a crash between writing and committing, or a retry) is recognised by the position-derived
 * ids already present in the case book: its event is not written twice, only its receipt again.
 *
 * <p>The writing desk is always the outbox topic's desk: receipts go to that desk's inbox, never to a
 * desk the record claims.
 */
public final class OutboxProcessor {

    /** Role of the lifecycle or response event a record causes, in {@link OutboxPosition#eventId(String)}. */
    static final String EVENT = "event";
    /** Role of the receipt a record causes. */
    static final String RECEIPT = "receipt";

    private final SubmissionValidator validator;
    private final CaseBook cases;
    private final Clock clock;
    private final String producer;

    /**
     * @param validator the content rules (shared with the HTTP gateway)
     * @param cases     the case book (de-duplication, issuers, recipients)
     * @param clock     stamps the events' occurredAt
     * @param producer  the producer name written into event metadata (the service name)
     */
    public OutboxProcessor(SubmissionValidator validator, CaseBook cases, Clock clock, String producer) {
        this.validator = Objects.requireNonNull(validator);
        this.cases = Objects.requireNonNull(cases);
        this.clock = Objects.requireNonNull(clock);
        this.producer = Objects.requireNonNull(producer);
    }

    /** Decides what to do about {@code message}, read at {@code position}. */
    public Decision process(OutboxPosition position, OutboxMessage message) {
        Object body = message.getMessage();
        if (body instanceof ReferralSubmission submission) {
            return submission(position, message.getMetadata(), submission);
        } else if (body instanceof ReferralAmendment amendment) {
            return amendment(position, message.getMetadata(), amendment);
        } else if (body instanceof ReferralWithdrawal withdrawal) {
            return withdrawal(position, message.getMetadata(), withdrawal);
        } else if (body instanceof AlertAcknowledgement acknowledgement) {
            return acknowledgement(position, message.getMetadata(), acknowledgement);
        } else if (body instanceof ActionReport report) {
            return actionReport(position, message.getMetadata(), report);
        }
        throw new IllegalArgumentException("Unknown outbox message kind " + (body == null ? null : body.getClass()));
    }

    // ------------------------------------------------------------------------------------------ submissions

    private Decision submission(OutboxPosition position, EventMetadata cause, ReferralSubmission submission) {
        String desk = position.desk();
        String referralId = ReferralIds.of(position);
        String reference = submission.getDeskReference();
        String fingerprint = SubmissionFingerprint.of(submission);

        Optional<CaseBook.AcceptedReference> owner = cases.byReference(desk, reference);
        if (owner.isPresent() && owner.get().referralId().equals(referralId)) {
            // This very record was accepted before (we are reprocessing it): its event is durable; answer again.
            return receiptOnly(
                    position,
                    cause,
                    OutboxMessageKind.SUBMISSION,
                    ReceiptStatus.ACCEPTED,
                    referralId,
                    reference,
                    List.of());
        }
        if (owner.isPresent() && owner.get().fingerprints().contains(fingerprint)) {
            return receiptOnly(
                    position,
                    cause,
                    OutboxMessageKind.SUBMISSION,
                    ReceiptStatus.DUPLICATE,
                    owner.get().referralId(),
                    reference,
                    List.of());
        }

        List<Violation> reasons = new ArrayList<>();
        if (!desk.equals(submission.getIssuingDesk())) {
            reasons.add(new Violation(
                    ReasonCode.DESK_MISMATCH,
                    "issuingDesk",
                    "the submission claims issuing desk '" + submission.getIssuingDesk()
                            + "' but was written to the outbox of " + desk));
        }
        reasons.addAll(validator.validate(submission));
        owner.ifPresent(o -> reasons.add(new Violation(
                ReasonCode.DESK_REFERENCE_CONFLICT,
                "deskReference",
                "desk reference " + reference + " is already used by referral " + o.referralId()
                        + " with different content; amend that referral or use a new reference")));
        Optional<CaseStatus> taken = cases.status(referralId);
        if (taken.isPresent()) {
            reasons.add(Violation.of(
                    ReasonCode.REFERRAL_ID_COLLISION,
                    "referral id " + referralId
                            + " is already taken by " + taken.get().issuingDesk() + "/"
                            + taken.get().deskReference()
                            + ": the outbox topic was recreated; an operator must resolve this"));
        }

        if (!reasons.isEmpty()) {
            String key = desk + "/" + reference;
            ReferralRejected rejected = ReferralRejected.newBuilder()
                    .setReferralId(null)
                    .setDeskReference(reference)
                    .setIssuingDesk(desk)
                    .setReasons(
                            reasons.stream().map(Violation::toRejectionReason).toList())
                    .build();
            ReferralEvent event = lifecycle(position, cause, key, rejected);
            return new Decision(
                    Optional.of(new Emission<>(Topics.REFERRALS_LIFECYCLE, key, event)),
                    receipt(
                            position,
                            cause,
                            OutboxMessageKind.SUBMISSION,
                            ReceiptStatus.REJECTED,
                            null,
                            reference,
                            reasons,
                            reference),
                    ReceiptStatus.REJECTED,
                    null,
                    List.copyOf(reasons));
        }

        ReferralSubmitted submitted = ReferralSubmitted.newBuilder()
                .setReferralId(referralId)
                .setSubmission(submission)
                .setReceivedFromTopic(position.topic())
                .build();
        ReferralEvent event = lifecycle(position, cause, referralId, submitted);
        return new Decision(
                Optional.of(new Emission<>(Topics.REFERRALS_LIFECYCLE, referralId, event)),
                receipt(
                        position,
                        cause,
                        OutboxMessageKind.SUBMISSION,
                        ReceiptStatus.ACCEPTED,
                        referralId,
                        reference,
                        List.of(),
                        referralId),
                ReceiptStatus.ACCEPTED,
                referralId,
                List.of());
    }

    // ------------------------------------------------------------------------------- issuer's other messages

    private Decision amendment(OutboxPosition position, EventMetadata cause, ReferralAmendment amendment) {
        String referralId = amendment.getReferralId();
        Optional<CaseStatus> known = cases.status(referralId);
        if (known.isPresent() && cases.hasEvent(referralId, position.eventId(EVENT))) {
            return receiptOnly(
                    position,
                    cause,
                    OutboxMessageKind.AMENDMENT,
                    ReceiptStatus.ACCEPTED,
                    referralId,
                    known.get().deskReference(),
                    List.of());
        }
        List<Violation> reasons = new ArrayList<>(issuerMayChange(position.desk(), referralId, known));
        reasons.addAll(validator.validate(amendment));
        if (reasons.stream()
                .noneMatch(v -> v.code() == ReasonCode.UNKNOWN_REFERRAL || v.code() == ReasonCode.NOT_ISSUER)) {
            reasons.addAll(amendmentKeepsIdentity(position.desk(), known.orElseThrow(), amendment.getSubmission()));
        }
        String reference = known.filter(c -> c.issuingDesk().equals(position.desk()))
                .map(CaseStatus::deskReference)
                .orElse("");
        if (!reasons.isEmpty()) {
            return receiptOnly(
                    position,
                    cause,
                    OutboxMessageKind.AMENDMENT,
                    ReceiptStatus.REJECTED,
                    referralId,
                    reference,
                    reasons);
        }
        ReferralAmended amended = ReferralAmended.newBuilder()
                .setReferralId(referralId)
                .setVersion(known.get().version() + 1)
                .setSubmission(amendment.getSubmission())
                .setReason(amendment.getReason())
                .build();
        return accepted(
                position,
                cause,
                OutboxMessageKind.AMENDMENT,
                referralId,
                reference,
                new Emission<>(
                        Topics.REFERRALS_LIFECYCLE, referralId, lifecycle(position, cause, referralId, amended)));
    }

    private Decision withdrawal(OutboxPosition position, EventMetadata cause, ReferralWithdrawal withdrawal) {
        String referralId = withdrawal.getReferralId();
        Optional<CaseStatus> known = cases.status(referralId);
        if (known.isPresent() && cases.hasEvent(referralId, position.eventId(EVENT))) {
            return receiptOnly(
                    position,
                    cause,
                    OutboxMessageKind.WITHDRAWAL,
                    ReceiptStatus.ACCEPTED,
                    referralId,
                    known.get().deskReference(),
                    List.of());
        }
        List<Violation> reasons = new ArrayList<>(issuerMayChange(position.desk(), referralId, known));
        reasons.addAll(validator.validate(withdrawal));
        String reference = known.filter(c -> c.issuingDesk().equals(position.desk()))
                .map(CaseStatus::deskReference)
                .orElse("");
        if (!reasons.isEmpty()) {
            return receiptOnly(
                    position,
                    cause,
                    OutboxMessageKind.WITHDRAWAL,
                    ReceiptStatus.REJECTED,
                    referralId,
                    reference,
                    reasons);
        }
        ReferralWithdrawn withdrawn = ReferralWithdrawn.newBuilder()
                .setReferralId(referralId)
                .setIssuingDesk(position.desk())
                .setReason(withdrawal.getReason())
                .setWithdrawnBy(cause.getProducer())
                .build();
        return accepted(
                position,
                cause,
                OutboxMessageKind.WITHDRAWAL,
                referralId,
                reference,
                new Emission<>(
                        Topics.REFERRALS_LIFECYCLE, referralId, lifecycle(position, cause, referralId, withdrawn)));
    }

    /** Who may amend or withdraw: the issuer, while the referral is open. */
    private static List<Violation> issuerMayChange(String desk, String referralId, Optional<CaseStatus> known) {
        if (known.isEmpty()) {
            return List.of(new Violation(
                    ReasonCode.UNKNOWN_REFERRAL, "referralId", "no referral " + referralId + " is known"));
        }
        CaseStatus status = known.get();
        if (!status.issuingDesk().equals(desk)) {
            return List.of(new Violation(
                    ReasonCode.NOT_ISSUER,
                    "referralId",
                    "only the issuing desk may amend or withdraw referral " + referralId));
        }
        return stillOpen(status);
    }

    private static List<Violation> stillOpen(CaseStatus status) {
        if (status.status() == ReferralStatus.WITHDRAWN) {
            return List.of(new Violation(
                    ReasonCode.REFERRAL_WITHDRAWN, "referralId", "referral " + status.referralId() + " was withdrawn"));
        }
        if (status.status() == ReferralStatus.CLOSED) {
            return List.of(new Violation(
                    ReasonCode.REFERRAL_CLOSED, "referralId", "referral " + status.referralId() + " was closed"));
        }
        return List.of();
    }

    /** An amendment replaces the content but not the referral's identity. */
    static List<Violation> amendmentKeepsIdentity(String desk, CaseStatus known, ReferralSubmission next) {
        List<Violation> reasons = new ArrayList<>();
        if (next == null) {
            return reasons;
        }
        if (!desk.equals(next.getIssuingDesk())) {
            reasons.add(new Violation(
                    ReasonCode.DESK_MISMATCH,
                    "submission.issuingDesk",
                    "the amendment claims issuing desk '" + next.getIssuingDesk() + "' but comes from " + desk));
        }
        if (!known.deskReference().equals(next.getDeskReference())) {
            reasons.add(new Violation(
                    ReasonCode.IMMUTABLE_FIELD,
                    "submission.deskReference",
                    "an amendment keeps the desk reference " + known.deskReference()));
        }
        if (known.type() != next.getType()) {
            reasons.add(new Violation(
                    ReasonCode.IMMUTABLE_FIELD,
                    "submission.type",
                    "an amendment keeps the referral type " + known.type()
                            + "; withdraw and submit anew to change it"));
        }
        return reasons;
    }

    // ------------------------------------------------------------------------------------ recipients' answers

    private Decision acknowledgement(OutboxPosition position, EventMetadata cause, AlertAcknowledgement ack) {
        String desk = position.desk();
        String referralId = ack.getReferralId();
        return recipientAnswer(
                position,
                cause,
                OutboxMessageKind.ACKNOWLEDGEMENT,
                referralId,
                () -> validator.validate(ack),
                // An alert is acknowledged once; a second acknowledgement is answered DUPLICATE.
                recipient -> recipient.acknowledgedAt() != null,
                () -> AlertAcknowledged.newBuilder()
                        .setAlertId(AlertIds.of(referralId, desk))
                        .setReferralId(referralId)
                        .setRecipientDesk(desk)
                        .setAcknowledgedBy(ack.getAcknowledgedBy())
                        .setAcknowledgedAt(position.timestamp())
                        .setNote(ack.getNote())
                        .build());
    }

    private Decision actionReport(OutboxPosition position, EventMetadata cause, ActionReport report) {
        String desk = position.desk();
        String referralId = report.getReferralId();
        return recipientAnswer(
                position,
                cause,
                OutboxMessageKind.ACTION_REPORT,
                referralId,
                () -> validator.validate(report),
                // Several reports are legitimate (a trace first, an arrest later); each is a fact of its own.
                recipient -> false,
                () -> AlertActioned.newBuilder()
                        .setAlertId(AlertIds.of(referralId, desk))
                        .setReferralId(referralId)
                        .setRecipientDesk(desk)
                        .setOutcome(report.getOutcome())
                        .setDetails(report.getDetails())
                        .setActionedAt(position.timestamp())
                        .build());
    }

    /**
     * The steps every recipient's answer goes through, whatever it says: a replayed message is answered as before;
     * then who may answer, the answer's own validation, whether this desk already gave it, and finally the event on
     * the responses topic. A rejection that says the referral is unknown or not the desk's names no desk reference,
     * so that the receipt discloses nothing of another desk's referral.
     */
    private Decision recipientAnswer(
            OutboxPosition position,
            EventMetadata cause,
            OutboxMessageKind kind,
            String referralId,
            Supplier<List<Violation>> validation,
            Predicate<CaseStatus.Recipient> alreadyAnswered,
            Supplier<Object> answer) {
        String desk = position.desk();
        Optional<CaseStatus> known = cases.status(referralId);
        if (known.isPresent() && cases.hasEvent(referralId, position.eventId(EVENT))) {
            return receiptOnly(
                    position,
                    cause,
                    kind,
                    ReceiptStatus.ACCEPTED,
                    referralId,
                    known.get().deskReference(),
                    List.of());
        }
        List<Violation> reasons = new ArrayList<>(recipientMayRespond(desk, referralId, known));
        reasons.addAll(validation.get());
        String reference = reasons.stream()
                        .anyMatch(v -> v.code().kind() == ReasonCode.Kind.FORBIDDEN
                                || v.code().kind() == ReasonCode.Kind.NOT_FOUND)
                ? ""
                : known.get().deskReference();
        if (!reasons.isEmpty()) {
            return receiptOnly(position, cause, kind, ReceiptStatus.REJECTED, referralId, reference, reasons);
        }
        boolean already =
                known.get().recipients().stream().anyMatch(r -> r.desk().equals(desk) && alreadyAnswered.test(r));
        if (already) {
            return receiptOnly(position, cause, kind, ReceiptStatus.DUPLICATE, referralId, reference, List.of());
        }
        return accepted(
                position,
                cause,
                kind,
                referralId,
                reference,
                new Emission<>(
                        Topics.REFERRALS_RESPONSES, referralId, response(position, cause, referralId, answer.get())));
    }

    /** Who may acknowledge or report action: a desk routing sent the alert to, while the referral is open. */
    private static List<Violation> recipientMayRespond(String desk, String referralId, Optional<CaseStatus> known) {
        if (known.isEmpty()) {
            return List.of(new Violation(
                    ReasonCode.UNKNOWN_REFERRAL, "referralId", "no referral " + referralId + " is known"));
        }
        boolean recipient =
                known.get().recipients().stream().anyMatch(r -> r.desk().equals(desk));
        if (!recipient) {
            return List.of(new Violation(
                    ReasonCode.NOT_RECIPIENT,
                    "referralId",
                    desk + " did not receive an alert for referral " + referralId));
        }
        return stillOpen(known.get());
    }

    // ------------------------------------------------------------------------------------------- building

    private Decision accepted(
            OutboxPosition position,
            EventMetadata cause,
            OutboxMessageKind kind,
            String referralId,
            String reference,
            Emission<?> event) {
        return new Decision(
                Optional.of(event),
                receipt(position, cause, kind, ReceiptStatus.ACCEPTED, referralId, reference, List.of(), referralId),
                ReceiptStatus.ACCEPTED,
                referralId,
                List.of());
    }

    private Decision receiptOnly(
            OutboxPosition position,
            EventMetadata cause,
            OutboxMessageKind kind,
            ReceiptStatus status,
            String referralId,
            String reference,
            List<Violation> reasons) {
        String key = referralId == null || referralId.isBlank() ? reference : referralId;
        return new Decision(
                Optional.empty(),
                receipt(position, cause, kind, status, referralId, reference, reasons, key),
                status,
                referralId,
                List.copyOf(reasons));
    }

    private Emission<InboxMessage> receipt(
            OutboxPosition position,
            EventMetadata cause,
            OutboxMessageKind kind,
            ReceiptStatus status,
            String referralId,
            String reference,
            List<Violation> reasons,
            String key) {
        SubmissionReceipt receipt = SubmissionReceipt.newBuilder()
                .setDeskReference(reference == null ? "" : reference)
                .setReferralId(referralId)
                .setStatus(status)
                .setReasons(reasons.stream().map(Violation::toRejectionReason).toList())
                .setSubjectOfReceipt(kind)
                .build();
        String correlation = referralId != null ? referralId : position.desk() + "/" + reference;
        InboxMessage message = InboxMessage.newBuilder()
                .setMetadata(metadata(position, cause, RECEIPT, correlation))
                .setMessage(receipt)
                .build();
        return new Emission<>(Topics.deskInboxName(position.desk()), key == null ? "" : key, message);
    }

    private ReferralEvent lifecycle(OutboxPosition position, EventMetadata cause, String correlation, Object event) {
        return ReferralEvent.newBuilder()
                .setMetadata(metadata(position, cause, EVENT, correlation))
                .setEvent(event)
                .build();
    }

    private ResponseEvent response(OutboxPosition position, EventMetadata cause, String correlation, Object event) {
        return ResponseEvent.newBuilder()
                .setMetadata(metadata(position, cause, EVENT, correlation))
                .setEvent(event)
                .build();
    }

    private EventMetadata metadata(OutboxPosition position, EventMetadata cause, String role, String correlation) {
        return EventMetadata.newBuilder()
                .setEventId(position.eventId(role))
                .setOccurredAt(clock.instant())
                .setProducer(producer)
                .setCorrelationId(correlation)
                .setCausationId(cause == null ? null : cause.getEventId())
                .build();
    }
}
