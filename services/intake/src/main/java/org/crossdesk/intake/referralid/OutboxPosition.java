package org.crossdesk.intake.referralid;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.crossdesk.events.Topics;

/**
 * Where an outbox record sits in Kafka: topic, partition, offset, and the timestamp the log stores with it.
 * The outbox consumer reads these from the {@code ConsumerRecord}; the HTTP gateway gets the very same
 * values from the producer's {@code RecordMetadata} once the write is acknowledged. Everything intake
 * derives from a record (its referral id, the ids of the events it causes) is a function of this
 * position, so processing a record twice, on any instance, yields the same ids.
 *
 * @param topic     the desk outbox topic
 * @param partition partition of the record
 * @param offset    offset of the record
 * @param timestamp the record's timestamp (CreateTime, or LogAppendTime if the topic uses it)
 */
public record OutboxPosition(String topic, int partition, long offset, Instant timestamp) {

    public OutboxPosition {
        if (!Topics.isDeskOutbox(topic)) {
            throw new IllegalArgumentException("'" + topic + "' is not a desk outbox topic");
        }
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("Invalid position " + partition + "@" + offset + " of " + topic);
        }
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The desk that wrote the record: the outbox topic's desk, whatever the record claims. */
    public String desk() {
        return Topics.deskIdOf(topic);
    }

    /**
     * Id of the event of kind {@code role} that intake emits because of this record: a name-based UUID of
     * the position, so a record reprocessed after a crash causes events with the same ids and consumers
     * can drop the copies.
     */
    public String eventId(String role) {
        return UUID.nameUUIDFromBytes(("crossdesk-intake:" + topic + ":" + partition + ":" + offset + ":" + role)
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
