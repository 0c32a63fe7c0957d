package org.crossdesk.routing.fanout;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record the fan-out writes: topic, key (always the referral id) and Avro value. The Kafka adapter
 * sends all of one batch's records in one transaction together with the input offsets.
 *
 * @param topic topic name, from the catalogue
 * @param key   record key
 * @param value Avro value
 */
public record Outgoing(String topic, String key, SpecificRecord value) {
    public Outgoing {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
