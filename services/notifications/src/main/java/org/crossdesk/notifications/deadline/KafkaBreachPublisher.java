package org.crossdesk.notifications.deadline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crossdesk.events.Topics;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.inbox.DeadlineNotice;
import org.crossdesk.platform.kafka.TopicProvisioner;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Writes a breach's three records. With a transactional producer they are written atomically. Without,
 * the two notices are written first and the breach last: the breach on the topic is what marks the
 * deadline as reported after a restart, so a crash in between re-sends a notice (at least once) rather
 * than losing one.
 */
public final class KafkaBreachPublisher implements BreachPublisher {

    private static final long TIMEOUT_SECONDS = 30;

    private final KafkaOperations<String, Object> kafka;
    private final TopicProvisioner deskTopics;

    public KafkaBreachPublisher(KafkaOperations<String, Object> kafka, TopicProvisioner deskTopics) {
        this.kafka = kafka;
        this.deskTopics = deskTopics;
    }

    @Override
    public void publish(BreachEvents events) {
        DeadlineBreached breached = events.breached();
        String referralId = breached.getReferralId();
        String issuerInbox = inboxOf(breached.getIssuingDesk());
        String recipientInbox =
                inboxOf(((DeadlineNotice) events.escalationNotice().getMessage()).getRecipientDesk());
        if (kafka.isTransactional()) {
            kafka.executeInTransaction(operations -> {
                operations.send(issuerInbox, referralId, events.issuerNotice());
                operations.send(recipientInbox, referralId, events.escalationNotice());
                operations.send(Topics.DEADLINES_BREACHES, referralId, breached);
                return null;
            });
            return;
        }
        await(kafka.send(issuerInbox, referralId, events.issuerNotice()));
        await(kafka.send(recipientInbox, referralId, events.escalationNotice()));
        await(kafka.send(Topics.DEADLINES_BREACHES, referralId, breached));
    }

    private String inboxOf(String deskId) {
        deskTopics.ensureDeskTopics(deskId);
        return Topics.deskInboxName(deskId);
    }

    private static void await(CompletableFuture<?> sent) {
        try {
            sent.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a breach", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write a breach record", e);
        }
    }
}
