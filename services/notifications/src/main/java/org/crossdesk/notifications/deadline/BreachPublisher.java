package org.crossdesk.notifications.deadline;

/** Writes a breach's records to Kafka. */
public interface BreachPublisher {

    /**
     * Writes the breach and both notices, returning once Kafka has acknowledged them all (atomically when
     * the producer is transactional).
     *
     * @throws RuntimeException if they could not be written; the breach is then reported again next check
     */
    void publish(BreachEvents events);
}
