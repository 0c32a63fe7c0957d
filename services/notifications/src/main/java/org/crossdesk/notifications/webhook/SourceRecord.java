package org.crossdesk.notifications.webhook;

/**
 * Where an inbox message came from, with its original bytes, so a message whose delivery is given up can
 * go to the dead-letter topic exactly as it was written.
 *
 * @param topic     the desk's inbox topic
 * @param partition its partition
 * @param offset    its offset
 * @param key       original key bytes (the referral id), may be null
 * @param value     original value bytes (Confluent wire format)
 */
public record SourceRecord(String topic, int partition, long offset, byte[] key, byte[] value) {

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
