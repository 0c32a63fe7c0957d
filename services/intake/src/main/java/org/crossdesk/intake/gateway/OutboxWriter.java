package org.crossdesk.intake.gateway;

import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.intake.referralid.OutboxPosition;

/** Writes a message to a desk's outbox on that desk's behalf and returns once Kafka has acknowledged it. */
public interface OutboxWriter {

    /**
     * @param desk      the desk (its outbox is the topic)
     * @param key       record key: the desk reference of a new submission, else the referral id
     * @param partition the partition to write to, or null to let the key decide
     * @param message   the message
     * @return where the message now is: the position the outbox consumer will see
     */
    OutboxPosition write(String desk, String key, Integer partition, OutboxMessage message);
}
