package org.crossdesk.intake.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.crossdesk.events.Topics;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.intake.referralid.OutboxPosition;
import org.crossdesk.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The gateway's outbox writes, on the platform's idempotent acks=all producer. The answer waits for the
 * acknowledgement: a 202 is never given for a write Kafka might still lose.
 */
public final class KafkaOutboxWriter implements OutboxWriter {

    private final KafkaOperations<String, Object> kafka;
    private final Consumer<String> deskTopics;
    private final Duration timeout;

    public KafkaOutboxWriter(KafkaOperations<String, Object> kafka, Consumer<String> deskTopics, Duration timeout) {
        this.kafka = kafka;
        this.deskTopics = deskTopics;
        this.timeout = timeout;
    }

    @Override
    public OutboxPosition write(String desk, String key, Integer partition, OutboxMessage message) {
        deskTopics.accept(desk);
        String topic = Topics.deskOutboxName(desk);
        try {
            RecordMetadata metadata = kafka.send(new ProducerRecord<>(topic, partition, key, message))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
            return new OutboxPosition(
                    metadata.topic(),
                    metadata.partition(),
                    metadata.offset(),
                    Instant.ofEpochMilli(metadata.timestamp()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private ProblemException unavailable() {
        return new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Kafka did not acknowledge the write within " + timeout.toSeconds()
                        + " s, so it may or may not be stored."
                        + " Retry with the same desk reference: a resubmission is recognised, never doubled.",
                List.of());
    }
}
