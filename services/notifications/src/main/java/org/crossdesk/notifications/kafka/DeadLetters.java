package org.crossdesk.notifications.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.crossdesk.events.Topics;
import org.crossdesk.platform.kafka.CrossdeskKafkaAutoConfiguration;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Writes records that cannot be used to {@code <topic>-dlt}, same partition, with their original key,
 * value and headers, and the cause in the same headers Spring Kafka's dead-letter publisher uses
 * ({@code kafka_dlt-original-topic}, {@code -partition}, {@code -offset}, {@code kafka_dlt-exception-fqcn},
 * {@code -message}), so operators handle every dead letter of the system the same way.
 */
public final class DeadLetters {

    private final Producer<String, byte[]> producer;

    public DeadLetters(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /**
     * Dead-letters the record at {@code topic}/{@code partition}/{@code offset}.
     *
     * @param causeClass   what went wrong, as a class-like name (e.g. an exception class)
     * @param causeMessage why, without secrets
     * @param extra        further headers (UTF-8 text)
     * @return completes when Kafka has acknowledged
     */
    public CompletableFuture<Void> send(
            String topic,
            int partition,
            long offset,
            byte[] key,
            byte[] value,
            Headers original,
            String causeClass,
            String causeMessage,
            Map<String, String> extra) {
        RecordHeaders headers = new RecordHeaders();
        if (original != null) {
            for (Header header : original) {
                headers.add(header);
            }
        }
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, causeClass.getBytes(StandardCharsets.UTF_8));
        headers.add(
                KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                (causeMessage == null ? "" : causeMessage).getBytes(StandardCharsets.UTF_8));
        // The platform's recoverer adds the innermost cause under this name too: one header for operators to read.
        headers.add(
                CrossdeskKafkaAutoConfiguration.ROOT_CAUSE_HEADER,
                (causeClass + ": " + (causeMessage == null ? "" : causeMessage)).getBytes(StandardCharsets.UTF_8));
        extra.forEach((name, text) -> headers.add(name, text.getBytes(StandardCharsets.UTF_8)));
        String keyText = key == null ? null : new String(key, StandardCharsets.UTF_8);
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(
                new ProducerRecord<>(topic + Topics.DEAD_LETTER_SUFFIX, partition, keyText, value, headers),
                (metadata, error) -> {
                    if (error == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(error);
                    }
                });
        return done;
    }
}
