package org.crossdesk.intake.outbox;

import io.micrometer.observation.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.intake.cases.CaseBook;
import org.crossdesk.intake.cases.CaseFeed;
import org.crossdesk.intake.referralid.OutboxPosition;
import org.crossdesk.platform.kafka.Outages;
import org.crossdesk.platform.kafka.UnusableRecordException;
import org.crossdesk.platform.telemetry.RecordObservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The Kafka side of intake: every desk outbox, by pattern (a new desk's outbox is found within the
 * consumer's metadata refresh, 5 s). A thin adapter: each poll's records go through an {@link OutboxBatch},
 * which decides them with the {@link OutboxProcessor} in order and keeps their writes in flight together.
 *
 * <p>Per record, the lifecycle or response event is written first; once Kafka has it, the case book learns
 * it; then the receipt. The offsets are committed after the whole poll is acknowledged. A crash in between
 * makes the records come again; their position-derived ids let the processor recognise them and write only
 * the receipts.
 *
 * <p>Unreadable records (bad bytes, unknown schema id, tombstones) are the platform error handler's: the
 * records before one are finished and committed, it goes to {@code <topic>-dlt} with the cause in headers,
 * and the consumer goes on with the rest.
 */
public class OutboxListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(OutboxListener.class);

    private final OutboxProcessor processor;
    private final CaseBook cases;
    private final CaseFeed feed;
    private final KafkaOperations<String, Object> kafka;
    private final Duration sendTimeout;
    private final Duration catchUpTimeout;
    private final Consumer<String> deskTopics;
    private final RecordObservations observations;

    /**
     * @param deskTopics makes sure a desk's inbox exists before its receipt is written (a Kafka-native desk
     *                   may have been given only its outbox)
     */
    public OutboxListener(
            OutboxProcessor processor,
            CaseBook cases,
            CaseFeed feed,
            KafkaOperations<String, Object> kafka,
            Duration sendTimeout,
            Duration catchUpTimeout,
            Consumer<String> deskTopics,
            RecordObservations observations) {
        this.deskTopics = deskTopics;
        this.observations = observations;
        this.processor = processor;
        this.cases = cases;
        this.feed = feed;
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
        this.catchUpTimeout = catchUpTimeout;
    }

    /**
     * Before reading newly assigned outbox partitions (at start, after a rebalance), the case view must hold
     * every event written so far, also by the instance that owned them before: otherwise a resubmission
     * could pass as new. Blocking here delays the first poll, which is what we want.
     */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (assignments.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        // Processing on a stale view could accept duplicates: better not to consume at all until it caught up.
        awaitView();
        log.info(
                "Case view caught up in {} ms; consuming {} outbox partitions",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                assignments.size());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // nothing held per partition
    }

    // idIsGroup = false: the consumer group is spring.application.name (the platform's consumer factory), not the id.
    // A batch listener: the offsets are committed once the whole poll is processed and acknowledged.
    @KafkaListener(id = "intake-outbox", idIsGroup = false, topicPattern = Topics.DESK_OUTBOX_PATTERN, batch = "true")
    public void onOutboxRecords(List<ConsumerRecord<String, Object>> records) {
        OutboxBatch batch = new OutboxBatch(processor, cases, this::write, sendTimeout, this::awaitView, deskTopics);
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Object> record = records.get(i);
            RuntimeException unusable = null;
            OutboxPosition position = null;
            Decision decision = null;
            try {
                DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(
                        record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
                if (unreadable != null && Outages.isOutage(unreadable)) {
                    // The registry is not answering: the record is fine. Retried from here after the platform's
                    // outage back-off, for as long as it lasts; never dead-lettered.
                    finish(batch, records);
                    throw new BatchListenerFailedException(
                            "Cannot read " + record.topic() + "-" + record.partition() + "@" + record.offset()
                                    + " now: " + unreadable.getMessage(),
                            unreadable,
                            i);
                } else if (unreadable != null) {
                    unusable = new UnusableRecordException(
                            "Cannot read " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                                    + unreadable.getMessage(),
                            unreadable);
                } else if (!(record.value() instanceof OutboxMessage message)) {
                    unusable = new UnusableRecordException("Not an OutboxMessage: "
                            + (record.value() == null
                                    ? "null (tombstone)"
                                    : record.value().getClass().getName()));
                } else {
                    position = new OutboxPosition(
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            Instant.ofEpochMilli(record.timestamp()));
                    // The record's hop of its referral's trace: the event it causes is written while it is current.
                    Observation hop = observations.of(record).start();
                    try (Observation.Scope scope = hop.openScope()) {
                        decision = batch.add(i, position, message);
                    } catch (IllegalArgumentException e) {
                        unusable = new UnusableRecordException("Cannot process " + position + ": " + e.getMessage());
                        hop.error(e);
                    } finally {
                        hop.stop();
                    }
                }
            } catch (OutboxBatch.WriteFailedException e) {
                throw failedAt(e);
            }
            if (unusable != null) {
                // The records before it are finished and committed; the error handler dead-letters this one and the
                // container reads the rest again.
                finish(batch, records);
                throw new BatchListenerFailedException(unusable.getMessage(), unusable, i);
            }
            logDecision(position, decision);
        }
        finish(batch, records);
    }

    private void finish(OutboxBatch batch, List<ConsumerRecord<String, Object>> records) {
        try {
            batch.finish();
        } catch (OutboxBatch.WriteFailedException e) {
            throw failedAt(e);
        }
    }

    private static BatchListenerFailedException failedAt(OutboxBatch.WriteFailedException e) {
        // Retried by the error handler from that record on; the position-derived ids make the retry safe.
        return new BatchListenerFailedException(e.getMessage(), e, e.index());
    }

    private static void logDecision(OutboxPosition position, Decision decision) {
        // A line per rejection for the operator; accepted records only at debug (hundreds per second).
        if (!decision.reasons().isEmpty()) {
            log.info(
                    "{} -> {} {}{}",
                    position,
                    decision.status(),
                    decision.referralId() == null ? "(no referral)" : decision.referralId(),
                    decision.reasons().stream().map(v -> v.code().name()).toList());
        } else if (log.isDebugEnabled()) {
            log.debug("{} -> {} {}", position, decision.status(), decision.referralId());
        }
    }

    private CompletableFuture<?> write(Emission<?> emission) {
        return kafka.send(emission.topic(), emission.key(), emission.value());
    }

    private void awaitView() {
        try {
            feed.caughtUp().get(catchUpTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the case view", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The case view did not catch up within " + catchUpTimeout, e);
        }
    }
}
