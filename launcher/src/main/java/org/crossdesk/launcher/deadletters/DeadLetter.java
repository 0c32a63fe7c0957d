package org.crossdesk.launcher.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.crossdesk.events.DeadLetterHeaders;
import org.crossdesk.events.Topics;

/**
 * One record of a dead-letter topic, as the platform's recoverer wrote it: the original key and value, where it came
 * from and why it failed in headers ({@link DeadLetterHeaders}); and what writing it back makes of it.
 *
 * @param topic     the dead-letter topic
 * @param timestamp the dead letter's own record time
 */
record DeadLetter(
        String topic, int partition, long offset, Instant timestamp, byte[] key, byte[] value, List<Header> headers) {

    DeadLetter {
        headers = List.copyOf(headers);
    }

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key(),
                record.value(),
                List.of(record.headers().toArray()));
    }

    /** {@code <topic>-<partition>@<offset>}, Kafka's own way of naming a record. */
    String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }

    /** The value's size in bytes; -1 for a tombstone. */
    int valueSize() {
        return value == null ? -1 : value.length;
    }

    /** The last header of that name, as text. */
    Optional<String> text(String name) {
        return bytes(name).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Where it is written back: the topic it was read from, else the dead-letter topic's name without the suffix. */
    String originalTopic() {
        return text(DeadLetterHeaders.ORIGINAL_TOPIC)
                .filter(name -> !name.isBlank())
                .orElse(topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length()));
    }

    OptionalInt originalPartition() {
        return bytes(DeadLetterHeaders.ORIGINAL_PARTITION)
                .filter(bytes -> bytes.length == Integer.BYTES)
                .map(bytes -> OptionalInt.of(ByteBuffer.wrap(bytes).getInt()))
                .orElse(OptionalInt.empty());
    }

    OptionalLong originalOffset() {
        return longHeader(DeadLetterHeaders.ORIGINAL_OFFSET);
    }

    Optional<Instant> originalTimestamp() {
        OptionalLong millis = longHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP);
        return millis.isPresent() && millis.getAsLong() >= 0
                ? Optional.of(Instant.ofEpochMilli(millis.getAsLong()))
                : Optional.empty();
    }

    /**
     * The record's time when written back: its original time, so that the redrive changes nothing a consumer reads
     * from it (an acknowledgement's time) and the source's retention still runs from when it was first written.
     */
    Instant redriveTimestamp() {
        return originalTimestamp().orElse(timestamp);
    }

    /**
     * The headers when written back: the record's own (a trace's {@code traceparent} among them), without those that
     * describe this failure, and with {@link DeadLetterHeaders#REDRIVEN_FROM} naming this dead letter (replacing an
     * earlier redrive's).
     */
    List<Header> redriveHeaders() {
        List<Header> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!DeadLetterHeaders.describesTheFailure(header.key())
                    && !header.key().equals(DeadLetterHeaders.REDRIVEN_FROM)) {
                kept.add(header);
            }
        }
        kept.add(new RecordHeader(DeadLetterHeaders.REDRIVEN_FROM, coordinates().getBytes(StandardCharsets.UTF_8)));
        return kept;
    }

    private Optional<byte[]> bytes(String name) {
        byte[] found = null;
        for (Header header : headers) {
            if (header.key().equals(name)) {
                found = header.value();
            }
        }
        return Optional.ofNullable(found);
    }

    private OptionalLong longHeader(String name) {
        return bytes(name)
                .filter(bytes -> bytes.length == Long.BYTES)
                .map(bytes -> OptionalLong.of(ByteBuffer.wrap(bytes).getLong()))
                .orElse(OptionalLong.empty());
    }
}
