package org.crossdesk.intake.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;

/**
 * Submissions this instance wrote to an outbox and answered with a referral id, until the case view has
 * them (milliseconds, normally). They let a client that retries at once, or amends or reads right after
 * its 202, get the same answer before the outbox consumer has processed the submission. Entries expire
 * after a while even if never seen (a submission the consumer rejected after all, e.g. because the
 * directory changed in between).
 */
final class PendingSubmissions {

    private final Map<String, Pending> byReference = new ConcurrentHashMap<>();
    private final Map<String, Pending> byId = new ConcurrentHashMap<>();
    private final Queue<Pending> inOrder = new ConcurrentLinkedQueue<>();
    private final Clock clock;
    private final Duration keep;

    PendingSubmissions(Clock clock, Duration keep) {
        this.clock = clock;
        this.keep = keep;
    }

    record Pending(
            String referralId,
            String desk,
            String deskReference,
            ReferralType type,
            Priority priority,
            String fingerprint,
            Instant at) {}

    /**
     * Remembers {@code pending}, first forgetting the oldest entries that are stale or that {@code known}
     * says the case view has by now (the queue is in submission order, so this stays cheap).
     */
    void add(Pending pending, Predicate<Pending> known) {
        Pending head;
        while ((head = inOrder.peek()) != null && (!fresh(head) || known.test(head))) {
            if (inOrder.remove(head)) {
                forget(head);
            }
        }
        byReference.put(key(pending.desk(), pending.deskReference()), pending);
        byId.put(pending.referralId(), pending);
        inOrder.add(pending);
    }

    int size() {
        return byId.size();
    }

    Optional<Pending> byReference(String desk, String deskReference) {
        return Optional.ofNullable(byReference.get(key(desk, deskReference))).filter(this::fresh);
    }

    Optional<Pending> byId(String referralId) {
        return Optional.ofNullable(referralId == null ? null : byId.get(referralId))
                .filter(this::fresh);
    }

    private void forget(Pending pending) {
        byId.remove(pending.referralId(), pending);
        byReference.remove(key(pending.desk(), pending.deskReference()), pending);
    }

    private boolean fresh(Pending pending) {
        return pending.at().plus(keep).isAfter(clock.instant());
    }

    private static String key(String desk, String deskReference) {
        return desk + "/" + deskReference;
    }
}
