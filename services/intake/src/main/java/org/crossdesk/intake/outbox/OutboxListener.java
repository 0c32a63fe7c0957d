package org.crossdesk.intake.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.intake.cases.CaseBook;
import org.crossdesk.intake.cases.CaseFeed;
import org.crossdesk.intake.referralid.OutboxPosition;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.platform.kafka.UnusableRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * The Kafka side of intake: every desk outbox, by pattern (a new desk's outbox is found within the
 * consumer's metadata refresh, 5 s). A thin adapter around {@link OutboxProcessor}: it turns each record
 * into a position and a message, writes the decision, and waits for each write to be acknowledged.
 *
 * <p>Order of writes: the lifecycle or response event first; once Kafka has it, the case book learns it
 * (so the next record, possibly a duplicate, already sees it); then the receipt. The offset is committed
 * after the record (AckMode.RECORD). A crash in between makes the record come again; its position-derived
 * ids let the processor recognise it and write only the receipt.
 *
 * <p>Unreadable records (bad bytes, unknown schema id, tombstones) are the platform error handler's:
 * they go to {@code <topic>-dlt} with the cause in headers and the consumer goes on.
 */
public class OutboxListener implements ConsumerSeekAware {

  private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);

  private final OutboxProcessor processor;
  private final CaseBook cases;
  private final CaseFeed feed;
  private final KafkaOperations<String, Object> kafka;
  private final Duration sendTimeout;
  private final Duration catchUpTimeout;
  private final java.util.function.Consumer<String> deskTopics;

  /**
   * @param deskTopics makes sure a desk's inbox exists before its receipt is written (a Kafka-native desk
   *                   may have been given only its outbox)
   */
  public OutboxListener(OutboxProcessor processor, CaseBook cases, CaseFeed feed, KafkaOperations<String, Object> kafka,
                        Duration sendTimeout, Duration catchUpTimeout, java.util.function.Consumer<String> deskTopics) {
    this.deskTopics = deskTopics;
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
    log.info("Case view caught up in {} ms; consuming {} outbox partitions", 
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), assignments.size());
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    // nothing held per partition
  }

  // idIsGroup = false: the consumer group is spring.application.name (the platform's consumer factory), not the id.
  @KafkaListener(id = "intake-outbox", idIsGroup = false, topicPattern = Topics.DESK_OUTBOX_PATTERN)
  public void onOutboxRecord(ConsumerRecord<String, Object> record) {
    if (!(record.value() instanceof OutboxMessage message)) {
      throw new UnusableRecordException("Not an OutboxMessage: "
          + (record.value() == null ? "null (tombstone)" : record.value().getClass().getName()));
    }
    OutboxPosition position = new OutboxPosition(record.topic(), record.partition(), record.offset(),
        Instant.ofEpochMilli(record.timestamp()));
    Decision decision = decide(position, message);
    if (dependsOnOtherWriters(decision)) {
      // Who issued or received a referral comes from events other services write (routing's ReferralRouted);
      // a desk system answering an alert within milliseconds may be ahead of our view. Refuse only on a view
      // that has caught up.
      awaitView();
      decision = decide(position, message);
    }
    deskTopics.accept(position.desk());
    if (decision.event().isPresent()) {
      Emission<?> event = decision.event().get();
      send(event);
      cases.applyAny(event.value());
    }
    send(decision.receipt());
    log.info("{} {} {} -> {}{}", position, message.getMessage().getClass().getSimpleName(),
        decision.status(), decision.referralId() == null ? "(no referral)" : decision.referralId(),
        decision.reasons().isEmpty() ? "" : " " + decision.reasons().stream().map(v -> v.code().name()).toList());
  }

  private Decision decide(OutboxPosition position, OutboxMessage message) {
    try {
      return processor.process(position, message);
    } catch (IllegalArgumentException e) {
      throw new UnusableRecordException("Cannot process " + position + ": " + e.getMessage());
    }
  }

  private static boolean dependsOnOtherWriters(Decision decision) {
    return decision.reasons().stream().anyMatch(v -> v.code() == ReasonCode.UNKNOWN_REFERRAL
        || v.code() == ReasonCode.NOT_RECIPIENT || v.code() == ReasonCode.NOT_ISSUER);
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

  private void send(Emission<?> emission) {
    try {
      kafka.send(emission.topic(), emission.key(), emission.value())
          .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing to " + emission.topic(), e);
    } catch (ExecutionException | TimeoutException e) {
      // Retried by the error handler; the position-derived ids make the retry safe.
      throw new IllegalStateException("Kafka did not acknowledge the write to " + emission.topic(), e);
    }
  }
}
