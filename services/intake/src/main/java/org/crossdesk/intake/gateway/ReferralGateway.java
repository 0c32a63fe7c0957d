package org.crossdesk.intake.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.avro.AvroRuntimeException;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.outbox.ActionReport;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.outbox.ReferralAmendment;
import org.crossdesk.events.outbox.ReferralWithdrawal;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.intake.cases.CaseBook;
import org.crossdesk.intake.cases.CaseStatus;
import org.crossdesk.intake.cases.ReferralStatus;
import org.crossdesk.intake.cases.SubmissionFingerprint;
import org.crossdesk.intake.referralid.OutboxPosition;
import org.crossdesk.intake.referralid.ReferralIds;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.intake.validation.SubmissionValidator;
import org.crossdesk.intake.validation.Violation;
import org.crossdesk.platform.web.ProblemException;

/**
 * The HTTP gateway's decisions, in plain Java: who may do what, the synchronous validation (the same
 * {@link SubmissionValidator} the outbox consumer runs), idempotent resubmission, and the write to the
 * desk's outbox. The controllers only map JSON and call these methods; refusals are thrown as the
 * platform's problem+json exceptions.
 *
 * <p>The outbox consumer stays the authority: the gateway writes the very record a Kafka-native desk
 * would write, and the consumer decides it again. The gateway's checks answer the client at once; they
 * agree with the consumer because both use the same rules on the same case view.
 */
public final class ReferralGateway {

    private final SubmissionValidator validator;
    private final CaseBook cases;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final PendingSubmissions pending;
    private final Runnable viewCatchUp;
    // Two requests with the same (desk, reference) on this instance must not both pass as new: the check and
    // the write happen while the request holds the reference here. Only requests for the same reference wait
    // for each other; nothing is locked across the Kafka round trip for unrelated references.
    private final ConcurrentHashMap<String, CompletableFuture<Void>> submitting = new ConcurrentHashMap<>();

    /**
     * @param viewCatchUp    blocks until the case view has read everything written so far; run before refusing
     *                       a request for want of a referral, an issuer or a recipient, since those facts come
     *                       from other services' events the view may not have read yet
     * @param rememberWrites how long to remember own writes the case view has not seen
     */
    public ReferralGateway(
            SubmissionValidator validator,
            CaseBook cases,
            OutboxWriter outbox,
            Clock clock,
            Duration rememberWrites,
            Runnable viewCatchUp) {
        this.viewCatchUp = Objects.requireNonNull(viewCatchUp);
        this.validator = Objects.requireNonNull(validator);
        this.cases = Objects.requireNonNull(cases);
        this.outbox = Objects.requireNonNull(outbox);
        this.clock = Objects.requireNonNull(clock);
        this.pending = new PendingSubmissions(clock, rememberWrites);
    }

    // ---------------------------------------------------------------------------------------------- submit

    /**
     * Submits a referral for {@code desk}.
     *
     * @param shape problems the HTTP layer found before mapping (bean validation, unknown symbols)
     */
    public Answer submit(String desk, String actor, ReferralSubmission submission, List<Violation> shape) {
        String reference = submission.getDeskReference();
        String fingerprint = shape.isEmpty() ? fingerprintOrNull(submission) : null;
        String key = desk + "/" + reference;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> other;
        while ((other = submitting.putIfAbsent(key, mine)) != null) {
            // The same reference is being written right now: its outcome decides this answer (same id, or conflict).
            other.join();
        }
        try {
            Optional<Answer> repeated = fingerprint == null ? Optional.empty() : repeated(desk, reference, fingerprint);
            if (repeated.isPresent()) {
                return repeated.get();
            }
            List<Violation> violations = new ArrayList<>(Refusals.merge(shape, validator.validate(submission)));
            if (violations.isEmpty()) {
                owner(desk, reference)
                        .ifPresent(id -> violations.add(new Violation(
                                ReasonCode.DESK_REFERENCE_CONFLICT,
                                "deskReference",
                                "desk reference " + reference + " is already used by referral " + id
                                        + " with different content; amend that referral or use a new reference")));
            }
            if (!violations.isEmpty()) {
                throw Refusals.of(violations);
            }
            OutboxPosition position = outbox.write(desk, reference, null, message(actor, reference, submission));
            String referralId = ReferralIds.of(position);
            pending.add(
                    new PendingSubmissions.Pending(
                            referralId,
                            desk,
                            reference,
                            submission.getType(),
                            submission.getPriority(),
                            fingerprint,
                            clock.instant()),
                    p -> cases.status(p.referralId()).isPresent());
            return new Answer(referralId, ReferralStatus.ACCEPTED, true);
        } finally {
            submitting.remove(key, mine);
            mine.complete(null);
        }
    }

    /** The answer to a resubmission of content already accepted under this reference, if it is one. */
    private Optional<Answer> repeated(String desk, String reference, String fingerprint) {
        Optional<CaseBook.AcceptedReference> accepted = cases.byReference(desk, reference);
        if (accepted.isPresent()) {
            if (!accepted.get().fingerprints().contains(fingerprint)) {
                return Optional.empty();
            }
            String id = accepted.get().referralId();
            return Optional.of(
                    new Answer(id, cases.status(id).map(CaseStatus::status).orElse(ReferralStatus.SUBMITTED), false));
        }
        return pending.byReference(desk, reference)
                .filter(p -> fingerprint.equals(p.fingerprint()))
                .map(p -> new Answer(p.referralId(), ReferralStatus.ACCEPTED, false));
    }

    private Optional<String> owner(String desk, String reference) {
        return cases.byReference(desk, reference)
                .map(CaseBook.AcceptedReference::referralId)
                .or(() -> pending.byReference(desk, reference).map(PendingSubmissions.Pending::referralId));
    }

    // ------------------------------------------------------------------------------------ amend, withdraw

    /** Amends a referral {@code desk} issued. */
    public Answer amend(
            String desk, String actor, String referralId, ReferralAmendment amendment, List<Violation> shape) {
        Issued issued = onFreshView(() -> issuedBy(desk, referralId));
        ReferralSubmission next = amendment.getSubmission();
        if (next != null && next.getDeskReference() == null) {
            next.put("deskReference", issued.deskReference()); // JSON amendments may leave the reference out
        }
        List<Violation> violations = new ArrayList<>(Refusals.merge(shape, validator.validate(amendment)));
        if (next != null && !issued.deskReference().equals(next.getDeskReference())) {
            violations.add(new Violation(
                    ReasonCode.IMMUTABLE_FIELD,
                    "submission.deskReference",
                    "an amendment keeps the desk reference " + issued.deskReference()));
        }
        if (next != null && next.getType() != null && issued.type() != null && issued.type() != next.getType()) {
            violations.add(new Violation(
                    ReasonCode.IMMUTABLE_FIELD,
                    "submission.type",
                    "an amendment keeps the referral type " + issued.type()
                            + "; withdraw and submit anew to change it"));
        }
        if (!violations.isEmpty()) {
            throw Refusals.of(violations);
        }
        outbox.write(desk, referralId, partitionOf(referralId), message(actor, referralId, amendment));
        return new Answer(referralId, issued.status(), true);
    }

    /** Withdraws a referral {@code desk} issued. */
    public Answer withdraw(
            String desk, String actor, String referralId, ReferralWithdrawal withdrawal, List<Violation> shape) {
        Issued issued = onFreshView(() -> issuedBy(desk, referralId));
        List<Violation> violations = Refusals.merge(shape, validator.validate(withdrawal));
        if (!violations.isEmpty()) {
            throw Refusals.of(violations);
        }
        outbox.write(desk, referralId, partitionOf(referralId), message(actor, referralId, withdrawal));
        return new Answer(referralId, issued.status(), true);
    }

    private record Issued(String deskReference, ReferralType type, ReferralStatus status) {}

    /** The referral, if {@code desk} issued it and it is still open; else the refusal. */
    private Issued issuedBy(String desk, String referralId) {
        Optional<CaseStatus> known = cases.status(referralId);
        if (known.isPresent()) {
            CaseStatus status = known.get();
            if (!status.issuingDesk().equals(desk)) {
                throw Refusals.of(new Violation(
                        ReasonCode.NOT_ISSUER,
                        "referralId",
                        "only the issuing desk may amend or withdraw referral " + referralId));
            }
            stillOpen(status);
            return new Issued(status.deskReference(), status.type(), status.status());
        }
        Optional<PendingSubmissions.Pending> written = pending.byId(referralId);
        if (written.isPresent() && written.get().desk().equals(desk)) {
            return new Issued(written.get().deskReference(), written.get().type(), ReferralStatus.ACCEPTED);
        }
        throw Refusals.of(
                new Violation(ReasonCode.UNKNOWN_REFERRAL, "referralId", "no referral " + referralId + " is known"));
    }

    /**
     * Amendments and withdrawals go to the partition of the submission (it is part of the id), so the outbox
     * consumer reads them after it, even if they are sent the moment the 202 arrives.
     */
    private static Integer partitionOf(String referralId) {
        return ReferralIds.parse(referralId).map(ReferralIds.Parts::partition).orElse(null);
    }

    // ---------------------------------------------------------------------------------------- respond

    /** Acknowledges the alert of {@code referralId} at {@code desk}. A repeat answers 200 without a write. */
    public Answer acknowledge(
            String desk, String actor, String referralId, AlertAcknowledgement ack, List<Violation> shape) {
        CaseStatus status = onFreshView(() -> receivedBy(desk, referralId));
        List<Violation> violations = Refusals.merge(shape, validator.validate(ack));
        if (!violations.isEmpty()) {
            throw Refusals.of(violations);
        }
        boolean already =
                status.recipients().stream().anyMatch(r -> r.desk().equals(desk) && r.acknowledgedAt() != null);
        if (already) {
            return new Answer(referralId, status.status(), false);
        }
        outbox.write(desk, referralId, null, message(actor, referralId, ack));
        return new Answer(referralId, status.status(), true);
    }

    /** Reports action on the alert of {@code referralId} at {@code desk}. Each report is a fact of its own. */
    public Answer reportAction(
            String desk, String actor, String referralId, ActionReport report, List<Violation> shape) {
        CaseStatus status = onFreshView(() -> receivedBy(desk, referralId));
        List<Violation> violations = Refusals.merge(shape, validator.validate(report));
        if (!violations.isEmpty()) {
            throw Refusals.of(violations);
        }
        outbox.write(desk, referralId, null, message(actor, referralId, report));
        return new Answer(referralId, status.status(), true);
    }

    private CaseStatus receivedBy(String desk, String referralId) {
        CaseStatus status = cases.status(referralId)
                .orElseThrow(() -> Refusals.of(new Violation(
                        ReasonCode.UNKNOWN_REFERRAL, "referralId", "no referral " + referralId + " is known")));
        if (status.recipients().stream().noneMatch(r -> r.desk().equals(desk))) {
            throw Refusals.of(new Violation(
                    ReasonCode.NOT_RECIPIENT,
                    "alertId",
                    desk + " did not receive an alert for referral " + referralId));
        }
        stillOpen(status);
        return status;
    }

    private static void stillOpen(CaseStatus status) {
        if (status.status() == ReferralStatus.WITHDRAWN) {
            throw Refusals.of(new Violation(
                    ReasonCode.REFERRAL_WITHDRAWN, "referralId", "referral " + status.referralId() + " was withdrawn"));
        }
        if (status.status() == ReferralStatus.CLOSED) {
            throw Refusals.of(new Violation(
                    ReasonCode.REFERRAL_CLOSED, "referralId", "referral " + status.referralId() + " was closed"));
        }
    }

    // ------------------------------------------------------------------------------------------- read

    /**
     * The status of a referral. Deciding who may read is the caller's (HTTP) business because it must be
     * audited either way; {@code mayRead} only tells whether a missing or refused answer deserves a second
     * look on a caught-up view (a recipient reading right after routing).
     */
    public Optional<CaseStatus> status(String referralId, Predicate<CaseStatus> mayRead) {
        Optional<CaseStatus> known = lookUp(referralId);
        if ((known.isEmpty() || !mayRead.test(known.get())) && ReferralIds.isWellFormed(referralId)) {
            viewCatchUp.run();
            known = lookUp(referralId);
        }
        return known;
    }

    /** Checks that need the views of other services' events: retried once on a caught-up view before refusing. */
    private <T> T onFreshView(Supplier<T> check) {
        try {
            return check.get();
        } catch (ProblemException refused) {
            int status = refused.status().value();
            if (status != 403 && status != 404) {
                throw refused;
            }
            viewCatchUp.run();
            return check.get();
        }
    }

    private Optional<CaseStatus> lookUp(String referralId) {
        Optional<CaseStatus> known = cases.status(referralId);
        if (known.isPresent()) {
            return known;
        }
        return pending.byId(referralId)
                .map(p -> new CaseStatus(
                        p.referralId(),
                        p.desk(),
                        p.deskReference(),
                        p.type(),
                        p.priority(),
                        ReferralStatus.ACCEPTED,
                        1,
                        p.at(),
                        null,
                        null,
                        List.of(),
                        List.of()));
    }

    // ---------------------------------------------------------------------------------------- helpers

    private OutboxMessage message(String actor, String correlation, Object body) {
        return OutboxMessage.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(clock.instant())
                        .setProducer(actor)
                        .setCorrelationId(correlation)
                        .setCausationId(null)
                        .build())
                .setMessage(body)
                .build();
    }

    /** The fingerprint, or null if the content is too incomplete to encode (validation will say why). */
    private static String fingerprintOrNull(ReferralSubmission submission) {
        try {
            return SubmissionFingerprint.of(submission);
        } catch (NullPointerException | AvroRuntimeException | ClassCastException incomplete) {
            return null;
        }
    }
}
