package org.crossdesk.intake.outbox;

import java.util.Objects;

/**
 * One record intake must write.
 *
 * @param topic topic name (from the catalogue)
 * @param key   record key
 * @param value Avro value
 * @param <V>   value type
 */
public record Emission<V>(String topic, String key, V value) {

    public Emission {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
