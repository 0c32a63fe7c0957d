package org.crossdesk.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Kafka topic of the Crossdesk catalogue: its name, the Java types of its keys and values, and the
 * settings it is created with. Obtain instances from {@link Topics}; the record is public so that
 * infrastructure (topic creation, serde wiring, dead-letter handling) can work from it generically.
 *
 * @param name          the topic name
 * @param keyType       Java type of record keys
 * @param valueType     Java type of record values (a generated Avro class for every event topic)
 * @param partitions    partition count the topic is created with
 * @param cleanupPolicy delete or compact
 * @param retention     how long records are kept; {@code null} means forever (always the case for
 *                      compacted topics, where the latest value per key is the state)
 */
public record Topic<K, V>(
        String name,
        Class<K> keyType,
        Class<V> valueType,
        int partitions,
        CleanupPolicy cleanupPolicy,
        Duration retention) {

    /** Suffix of every dead-letter topic: {@code <topic>-dlt}. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    // Kafka's own rule for topic names (kafka.common.internals.Topic): legal characters, at most 249.
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Kafka's {@code cleanup.policy}. */
    public enum CleanupPolicy {
        /** Records expire after the retention time (or never, if retention is infinite). */
        DELETE("delete"),
        /** Kafka keeps the latest record per key; a null value (tombstone) removes the key. */
        COMPACT("compact");

        private final String configValue;

        CleanupPolicy(String configValue) {
            this.configValue = configValue;
        }

        /** The value of Kafka's {@code cleanup.policy} topic config. */
        public String configValue() {
            return configValue;
        }
    }

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (!LEGAL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Illegal Kafka topic name '" + name + "': use 1 to 249 of the characters [a-zA-Z0-9._-]");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition, got " + partitions);
        }
        if (cleanupPolicy == CleanupPolicy.COMPACT && retention != null) {
            throw new IllegalArgumentException("Compacted topic " + name + " keeps the latest value per key forever;"
                    + " it takes no retention (got " + retention + ")");
        }
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException(
                    "Retention of " + name + " must be positive or null (forever), got " + retention);
        }
    }

    /** Name of this topic's dead-letter topic, {@code <name>-dlt}. */
    public String deadLetterName() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /**
     * This topic's dead-letter topic: the original key and value bytes of records that could not be
     * read, with the cause in headers. It has as many partitions as the source, because the default
     * dead-letter publisher writes each record to the partition it came from. It keeps records for
     * {@link Topics#DEAD_LETTER_RETENTION}, or for the source's retention if that is shorter: a copy must
     * not outlive its original. A compacted source keeps no time, so its dead letters get the fixed bound.
     */
    public Topic<byte[], byte[]> deadLetter() {
        Duration bound = Topics.DEAD_LETTER_RETENTION;
        Duration kept = retention == null || retention.compareTo(bound) > 0 ? bound : retention;
        return new Topic<>(deadLetterName(), byte[].class, byte[].class, partitions, CleanupPolicy.DELETE, kept);
    }

    /** Schema Registry subject of the values under the TopicNameStrategy: {@code <name>-value}. */
    public String valueSubject() {
        return name + "-value";
    }

    /** The topic-level configs to create the topic with ({@code cleanup.policy}, {@code retention.ms}). */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanupPolicy.configValue());
        if (cleanupPolicy == CleanupPolicy.DELETE) {
            configs.put("retention.ms", retention == null ? "-1" : Long.toString(retention.toMillis()));
        }
        return Map.copyOf(configs);
    }

    @Override
    public String toString() {
        return name;
    }
}
