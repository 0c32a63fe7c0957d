package org.crossdesk.notifications.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.referral.ReferralClosed;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.notifications.deadline.DeadlineBook.RecipientDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks acknowledgement and response deadlines per (referral, recipient) and reports each missed one
 * exactly once.
 *
 * <p>The lifecycle, responses and breaches topics are all keyed by referral id and have the same number
 * of partitions, so partition {@code p} of each holds the same referrals. This instance tracks the
 * partitions its consumer group assigns it ({@link #assigned}), rebuilding each from the beginning of
 * the three topics; another instance tracks the rest. It reports breaches of a partition only once its
 * replay has caught up ({@link #caughtUp}): by then every breach already on the topic, every response
 * and every withdrawal has been read, so nothing is reported twice and no deadline that passed while the
 * service was down is lost. Checks and rebalances are serialised, so a partition is never checked while
 * it changes hands.
 *
 * <p>Time comes from the injected {@link Clock}; {@link #checkNow()} is called by a scheduler (and by tests).
 */
public final class DeadlineTracker {

    private static final Logger log = LoggerFactory.getLogger(DeadlineTracker.class);

    private final Clock clock;
    private final EscalationDirectory directory;
    private final BreachPublisher publisher;
    private final Duration keepSettled;

    private final Map<Integer, DeadlineBook> books = new HashMap<>();
    private final Set<Integer> caughtUp = new HashSet<>();
    private Instant lastPruned = Instant.MIN;

    public DeadlineTracker(
            Clock clock, EscalationDirectory directory, BreachPublisher publisher, Duration keepSettled) {
        this.clock = clock;
        this.directory = directory;
        this.publisher = publisher;
        this.keepSettled = keepSettled;
    }

    /** This instance now tracks {@code partitions}; their replay starts from the beginning. */
    public synchronized void assigned(Collection<Integer> partitions) {
        for (int partition : partitions) {
            books.put(partition, new DeadlineBook());
            caughtUp.remove(partition);
        }
    }

    /** Another instance tracks {@code partitions} from now on. */
    public synchronized void revoked(Collection<Integer> partitions) {
        for (int partition : partitions) {
            books.remove(partition);
            caughtUp.remove(partition);
        }
    }

    /** This instance tracks nothing until partitions are assigned again (its consumer failed). */
    public synchronized void revokeAll() {
        books.clear();
        caughtUp.clear();
    }

    /** The replay of {@code partition} has reached the end of all three topics as they were when assigned. */
    public synchronized void caughtUp(int partition) {
        if (books.containsKey(partition) && caughtUp.add(partition)) {
            log.info(
                    "Deadlines of partition {} rebuilt: {} open",
                    partition,
                    books.get(partition).open());
        }
    }

    /** Whether every assigned partition has caught up. */
    public synchronized boolean ready() {
        return caughtUp.containsAll(books.keySet());
    }

    /** Applies a record of the lifecycle, responses or breaches topic read from {@code partition}. */
    public synchronized void apply(int partition, Object value) {
        DeadlineBook book = books.get(partition);
        if (book == null) {
            return;
        }
        if (value instanceof ReferralEvent referralEvent) {
            Object event = referralEvent.getEvent();
            if (event instanceof ReferralRouted routed) {
                book.routed(
                        routed.getReferralId(),
                        routed.getIssuingDesk(),
                        routed.getPriority(),
                        routed.getRecipients().stream()
                                .map(r -> new RecipientDeadlines(r.getDeskId(), r.getAckDueAt(), r.getResponseDueAt()))
                                .toList());
            } else if (event instanceof ReferralWithdrawn withdrawn) {
                book.ended(withdrawn.getReferralId());
            } else if (event instanceof ReferralClosed closed) {
                book.ended(closed.getReferralId());
            }
        } else if (value instanceof ResponseEvent responseEvent) {
            Object event = responseEvent.getEvent();
            if (event instanceof AlertAcknowledged acknowledged) {
                book.acknowledged(acknowledged.getReferralId(), acknowledged.getRecipientDesk());
            } else if (event instanceof AlertActioned actioned) {
                book.actioned(actioned.getReferralId(), actioned.getRecipientDesk());
            }
        } else if (value instanceof DeadlineBreached breached) {
            book.breached(breached.getReferralId(), breached.getRecipientDesk(), breached.getKind());
        }
    }

    /**
     * Reports every deadline passed by now in the partitions that have caught up.
     *
     * @return the breaches reported
     */
    public synchronized List<Breach> checkNow() {
        Instant now = clock.instant();
        List<Breach> reported = new ArrayList<>();
        for (int partition : caughtUp) {
            DeadlineBook book = books.get(partition);
            for (Breach breach : book.due(now)) {
                try {
                    publisher.publish(BreachEvents.of(breach, now, directory.contactOf(breach.recipientDesk())));
                } catch (RuntimeException e) {
                    log.error(
                            "Could not report the {} breach of {}; will try again at the next check",
                            breach.kind(),
                            breach.alertId(),
                            e);
                    return reported;
                }
                // Marked at once: the breach record is read back only later.
                book.breached(breach.referralId(), breach.recipientDesk(), breach.kind());
                reported.add(breach);
                log.info(
                        "Deadline breached: {} {} due {} (issuer {})",
                        breach.alertId(),
                        breach.kind(),
                        breach.dueAt(),
                        breach.issuingDesk());
            }
        }
        if (lastPruned.isBefore(now.minus(Duration.ofHours(1)))) {
            lastPruned = now;
            caughtUp.forEach(partition -> books.get(partition).forgetSettled(now, keepSettled));
        }
        return reported;
    }

    /** Open deadlines in the partitions tracked here. */
    public synchronized int openDeadlines() {
        return books.values().stream().mapToInt(DeadlineBook::open).sum();
    }
}
