package org.crossdesk.platform.kafka;

import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.OutboxMessage;

/** Outbox records for the platform's listener tests. */
final class OutboxExamples {

    private OutboxExamples() {}

    /** The example acknowledgement, by {@code officer}: each test tells its records apart by officer. */
    static OutboxMessage acknowledgementBy(String officer) {
        OutboxMessage example = ExampleEvents.outboxMessages().stream()
                .filter(m -> m.getMessage() instanceof AlertAcknowledgement)
                .findFirst()
                .orElseThrow();
        AlertAcknowledgement ack = AlertAcknowledgement.newBuilder((AlertAcknowledgement) example.getMessage())
                .setAcknowledgedBy(officer)
                .build();
        return OutboxMessage.newBuilder(example).setMessage(ack).build();
    }
}
