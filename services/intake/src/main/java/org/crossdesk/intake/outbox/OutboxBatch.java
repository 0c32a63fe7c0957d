package org.crossdesk.intake.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.crossdesk.events.outbox.ActionReport;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.outbox.ReferralAmendment;
import org.crossdesk.events.outbox.ReferralWithdrawal;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.intake.cases.CaseBook;
import org.crossdesk.intake.referralid.OutboxPosition;
import org.crossdesk.intake.referralid.ReferralIds;
import org.crossdesk.intake.validation.ReasonCode;

/**
 * The outbox records of one poll, processed in order with their writes in flight together: one
 * acknowledgement round trip for a run of unrelated records instead of two per record.
 *
 * <p>The guarantees of one-record-at-a-time processing hold:
 * <ul>
 *   <li>The case book learns an event only once Kafka has acknowledged it; a record about the same desk
 *       reference or referral as a record whose event is still in flight first waits for that event
 *       ({@link #flush()}), so it is decided on a case book that holds it (a resubmission is a duplicate,
 *       an amendment finds its referral).</li>
 *   <li>A receipt is written only after its record's event is acknowledged: a receipt never announces
 *       what is not durable.</li>
 *   <li>{@link #finish()} returns once every event and receipt is acknowledged; only then may the offsets
 *       be committed. If a write fails, {@link WriteFailedException#index()} names the first record not
 *       finished: everything before it is complete, everything from it on is read again, and records whose
 *       events did reach Kafka are recognised then by their position-derived ids and only answered.</li>
 * </ul>
 */
final class OutboxBatch {

    /** Writes one record to Kafka; the future completes when Kafka acknowledged it. */
    @FunctionalInterface
    interface Writer {
        CompletableFuture<?> write(Emission<?> emission);
    }

    /** A write of record {@link #index()} of the batch failed; the records before it are complete. */
    static final class WriteFailedException extends RuntimeException {
        private final int index;

        WriteFailedException(int index, Throwable cause) {
            super(
                    "Kafka did not acknowledge a write for record " + index + " of the batch: " + cause.getMessage(),
                    cause);
            this.index = index;
        }

        int index() {
            return index;
        }
    }

    private record InFlight(int index, Emission<?> event, CompletableFuture<?> written, Emission<?> receipt) {}

    private record Written(int index, CompletableFuture<?> written) {}

    private record Failure(int index, Throwable cause) {}

    private final OutboxProcessor processor;
    private final CaseBook cases;
    private final Writer writer;
    private final Duration timeout;
    private final Runnable awaitView;
    private final Consumer<String> deskTopics;

    private final List<InFlight> inFlight = new ArrayList<>();
    private final Set<String> subjectsInFlight = new HashSet<>();
    private final List<Written> receipts = new ArrayList<>();

    /**
     * @param awaitView  waits until the case view holds what other services wrote so far (issuers, recipients)
     * @param deskTopics makes sure a desk's topics exist before its receipt is written
     */
    OutboxBatch(
            OutboxProcessor processor,
            CaseBook cases,
            Writer writer,
            Duration timeout,
            Runnable awaitView,
            Consumer<String> deskTopics) {
        this.processor = processor;
        this.cases = cases;
        this.writer = writer;
        this.timeout = timeout;
        this.awaitView = awaitView;
        this.deskTopics = deskTopics;
    }

    /**
     * Decides record {@code index} and starts its writes.
     *
     * @throws IllegalArgumentException if the record cannot be processed at all (the caller dead-letters it,
     *                                  after {@link #finish()} completed the records before it)
     * @throws WriteFailedException     if waiting for an earlier record's write failed
     */
    Decision add(int index, OutboxPosition position, OutboxMessage message) {
        Set<String> subjects = subjects(position, message);
        if (subjects.stream().anyMatch(subjectsInFlight::contains)) {
            flush();
        }
        Decision decision = processor.process(position, message);
        if (dependsOnOtherWriters(decision)) {
            // Who issued or received a referral comes from events other services write (routing's ReferralRouted);
            // a desk system answering an alert within milliseconds may be ahead of our view. Refuse only on a view
            // that has caught up, and that holds this batch's own events.
            flush();
            awaitView.run();
            decision = processor.process(position, message);
        }
        deskTopics.accept(position.desk());
        if (decision.event().isPresent()) {
            Emission<?> event = decision.event().get();
            inFlight.add(new InFlight(index, event, writer.write(event), decision.receipt()));
            subjectsInFlight.addAll(subjects);
        } else if (!inFlight.isEmpty()) {
            // Keeps the desk's receipts in the order of its records.
            inFlight.add(new InFlight(index, null, CompletableFuture.completedFuture(null), decision.receipt()));
        } else {
            receipts.add(new Written(index, writer.write(decision.receipt())));
        }
        return decision;
    }

    /** Waits until every event and receipt of the batch is acknowledged. */
    void finish() {
        Failure failure = flushEvents();
        Failure receiptFailure = awaitReceipts();
        if (receiptFailure != null && (failure == null || receiptFailure.index() < failure.index())) {
            failure = receiptFailure;
        }
        if (failure != null) {
            throw new WriteFailedException(failure.index(), failure.cause());
        }
    }

    private void flush() {
        Failure failure = flushEvents();
        if (failure != null) {
            Failure receiptFailure = awaitReceipts();
            throw new WriteFailedException(
                    receiptFailure != null && receiptFailure.index() < failure.index()
                            ? receiptFailure.index()
                            : failure.index(),
                    failure.cause());
        }
    }

    /** Waits for the events in flight, lets the case book learn them, then starts their receipts. */
    private Failure flushEvents() {
        Failure failure = null;
        for (InFlight record : inFlight) {
            try {
                await(record.written());
                if (record.event() != null) {
                    // Also after an earlier failure: a record read again then finds its event and is only answered.
                    cases.applyAny(record.event().value());
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new Failure(record.index(), e);
                }
            }
        }
        for (InFlight record : inFlight) {
            if (failure != null && record.index() >= failure.index()) {
                break;
            }
            receipts.add(new Written(record.index(), writer.write(record.receipt())));
        }
        inFlight.clear();
        subjectsInFlight.clear();
        return failure;
    }

    private Failure awaitReceipts() {
        Failure failure = null;
        for (Written receipt : receipts) {
            try {
                await(receipt.written());
            } catch (RuntimeException e) {
                if (failure == null || receipt.index() < failure.index()) {
                    failure = new Failure(receipt.index(), e);
                }
            }
        }
        receipts.clear();
        return failure;
    }

    private void await(CompletableFuture<?> write) {
        try {
            write.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no acknowledgement within " + timeout, e);
        }
    }

    /** What a record's decision depends on besides the record itself: its desk reference or its referral. */
    private static Set<String> subjects(OutboxPosition position, OutboxMessage message) {
        Object body = message.getMessage();
        if (body instanceof ReferralSubmission submission) {
            return Set.of(
                    "reference:" + position.desk() + "/" + submission.getDeskReference(),
                    "referral:" + ReferralIds.of(position));
        } else if (body instanceof ReferralAmendment amendment) {
            return amendment.getSubmission() == null
                    ? Set.of("referral:" + amendment.getReferralId())
                    : Set.of(
                            "referral:" + amendment.getReferralId(),
                            "reference:" + position.desk() + "/"
                                    + amendment.getSubmission().getDeskReference());
        } else if (body instanceof ReferralWithdrawal withdrawal) {
            return Set.of("referral:" + withdrawal.getReferralId());
        } else if (body instanceof AlertAcknowledgement acknowledgement) {
            return Set.of("referral:" + acknowledgement.getReferralId());
        } else if (body instanceof ActionReport report) {
            return Set.of("referral:" + report.getReferralId());
        }
        return Set.of("unknown:" + position.offset());
    }

    private static boolean dependsOnOtherWriters(Decision decision) {
        return decision.reasons().stream()
                .anyMatch(v -> v.code() == ReasonCode.UNKNOWN_REFERRAL
                        || v.code() == ReasonCode.NOT_RECIPIENT
                        || v.code() == ReasonCode.NOT_ISSUER);
    }
}
