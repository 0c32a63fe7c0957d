package org.crossdesk.notifications.webhook;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.observation.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.platform.kafka.Outages;
import org.crossdesk.platform.kafka.TopicProvisioner;
import org.crossdesk.platform.kafka.follow.AvroDecoder;
import org.crossdesk.platform.kafka.follow.ConsumerSessions;
import org.crossdesk.platform.telemetry.ClientMetrics;
import org.crossdesk.platform.telemetry.RecordObservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * The Kafka side of webhook delivery: reads every desk's inbox (pattern subscription, consumer group
 * shared by the service's instances), hands each message to the {@link WebhookDispatcher} and returns to
 * polling at once. It never waits for HTTP.
 *
 * <p>Offsets are committed by hand, per partition, only up to the first message whose deliveries are not
 * finished ({@link PartitionProgress}), at most once per commit interval (and at once on revocation and
 * shutdown): a restart or rebalance therefore resumes from the oldest unfinished message (at least once, never
 * lost). A partition with too many unfinished messages (its
 * desk's receiver is slow or down) is paused until they drain, which bounds memory and affects only that
 * desk. On revocation its deliveries are cancelled and its finished prefix committed, so the next owner
 * picks up exactly the rest. An unreadable record goes to the inbox's dead-letter topic and is skipped.
 * An unexpected failure ends only the consumer session: a new one resumes from the committed offsets.
 */
public final class InboxDeliveryLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboxDeliveryLoop.class);

    /** The Kafka client id of the loop's consumer: its metrics carry it. */
    public static final String CLIENT_ID = "notifications-inbox-webhooks";

    private record Completion(TopicPartition partition, PartitionProgress progress, long offset) {}

    private final Map<String, Object> consumerConfig;
    private final AvroDecoder decoder;
    private final ConsumerRecordRecoverer deadLetters;
    private final TopicProvisioner deskTopics;
    private final WebhookDispatcher dispatcher;
    private final int maxInProgressPerPartition;
    private final long commitIntervalNanos;
    private long lastCommit = System.nanoTime();
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    private final Set<TopicPartition> paused = new HashSet<>();
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    private final ConsumerSessions sessions;
    private final RecordObservations observations;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Set<TopicPartition> assigned = Set.of();

    /**
     * @param consumerConfig group consumer settings (group id, bootstrap, read_committed, earliest)
     */
    public InboxDeliveryLoop(
            Map<String, Object> consumerConfig,
            AvroDecoder decoder,
            ConsumerRecordRecoverer deadLetters,
            TopicProvisioner deskTopics,
            WebhookDispatcher dispatcher,
            int maxInProgressPerPartition,
            Duration commitInterval,
            RecordObservations observations) {
        this.commitIntervalNanos = commitInterval.toNanos();
        this.observations = observations;
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.decoder = decoder;
        this.deadLetters = deadLetters;
        this.deskTopics = deskTopics;
        this.dispatcher = dispatcher;
        this.maxInProgressPerPartition = maxInProgressPerPartition;
        this.sessions = ConsumerSessions.of("inbox-webhooks");
    }

    public void start() {
        sessions.start(() -> running, this::session);
    }

    private void session() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig);
                KafkaClientMetrics metrics = ClientMetrics.bind(kafka)) {
            consumer = kafka;
            kafka.subscribe(Pattern.compile(Topics.DESK_INBOX_PATTERN), new Rebalance(kafka));
            while (running) {
                Set<TopicPartition> rewound = new HashSet<>();
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(100))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!rewound.contains(partition) && !handle(kafka, record)) {
                        rewound.add(partition);
                    }
                }
                finishCompleted();
                if (System.nanoTime() - lastCommit >= commitIntervalNanos) {
                    commit(kafka, progress.keySet());
                    lastCommit = System.nanoTime();
                }
                flowControl(kafka);
            }
            dispatcher.cancel(source -> true);
            commit(kafka, progress.keySet());
        } catch (RuntimeException e) {
            // Closing the consumer above committed what was finished; the next session reads the rest again, so
            // nothing started here may go on (a receiver would get it twice with no delivery recorded in between).
            dispatcher.cancel(source -> true);
            progress.clear();
            paused.clear();
            completions.clear();
            assigned = Set.of();
            throw e;
        }
    }

    /** Hands a record over; false if its partition was rewound to it (the rest of the batch is read again). */
    private boolean handle(KafkaConsumer<String, byte[]> kafka, ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionProgress partitionProgress = progress.get(partition);
        if (partitionProgress == null) {
            return true; // not ours any more
        }
        InboxMessage message;
        try {
            message = (InboxMessage) decoder.decode(record.topic(), record.headers(), record.value());
            if (message == null) {
                throw new IllegalArgumentException("An inbox record has no value");
            }
        } catch (RuntimeException e) {
            if (Outages.isOutage(e)) {
                // Readable once the registry answers again: end the session (health DOWN, back-off), resume from the
                // committed offsets; never a dead letter.
                throw new IllegalStateException(
                        "inbox record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                                + " cannot be read now: " + e.getMessage(),
                        e);
            }
            return deadLetter(kafka, record, e);
        }
        long offset = record.offset();
        partitionProgress.started(offset);
        SourceRecord source = new SourceRecord(
                record.topic(),
                record.partition(),
                offset,
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
                record.value());
        // The record's hop of its referral's trace: current while the deliveries start (each delivery's span is its
        // child), ended when every delivery of the record is finished.
        Observation hop = observations.of(record).start();
        CompletableFuture<Boolean> dispatched;
        try (Observation.Scope scope = hop.openScope()) {
            dispatched = dispatcher.dispatch(Topics.deskIdOf(record.topic()), message, source);
        }
        dispatched.whenComplete((finished, error) -> {
            if (error != null) {
                hop.error(error);
            }
            hop.stop();
            if (error != null) {
                log.error(
                        "Delivery of {} failed unexpectedly; it will be delivered again after a restart",
                        source,
                        error);
            } else if (finished) {
                completions.add(new Completion(partition, partitionProgress, offset));
            }
        });
        return true;
    }

    private boolean deadLetter(
            KafkaConsumer<String, byte[]> kafka, ConsumerRecord<String, byte[]> record, RuntimeException cause) {
        log.warn(
                "Dead-lettering unreadable inbox record {}-{}@{}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                cause.getMessage());
        try {
            deskTopics.ensureDeskTopics(Topics.deskIdOf(record.topic()));
            deadLetters.accept(record, cause);
            return true;
        } catch (RuntimeException e) {
            // Never skipped without its dead letter: read it again from here.
            log.warn(
                    "Could not dead-letter {}-{}@{}; reading it again",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e);
            kafka.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
            return false;
        }
    }

    private void finishCompleted() {
        Completion completion;
        while ((completion = completions.poll()) != null) {
            // A completion from before a revocation belongs to a discarded progress object and is ignored.
            if (progress.get(completion.partition()) == completion.progress()) {
                completion.progress().finished(completion.offset());
            }
        }
    }

    private void commit(KafkaConsumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress partitionProgress = progress.get(partition);
            OptionalLong committable = partitionProgress.committable(kafka.position(partition));
            if (committable.isPresent()) {
                offsets.put(partition, new OffsetAndMetadata(committable.getAsLong()));
            }
        }
        if (!offsets.isEmpty()) {
            kafka.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    log.warn(
                            "Commit of {} failed; it is retried with the next progress: {}",
                            committed,
                            error.toString());
                    return;
                }
                committed.forEach((partition, offset) -> {
                    PartitionProgress partitionProgress = progress.get(partition);
                    if (partitionProgress != null) {
                        partitionProgress.committed(offset.offset());
                    }
                });
            });
        }
    }

    private void flowControl(KafkaConsumer<String, byte[]> kafka) {
        progress.forEach((partition, partitionProgress) -> {
            int inProgress = partitionProgress.inProgress();
            if (inProgress >= maxInProgressPerPartition && paused.add(partition)) {
                log.info("Pausing {}: {} messages still being delivered", partition, inProgress);
                kafka.pause(Set.of(partition));
            } else if (inProgress <= maxInProgressPerPartition / 2 && paused.remove(partition)) {
                log.info("Resuming {}", partition);
                kafka.resume(Set.of(partition));
            }
        });
    }

    /** Whether delivery is running or restarting after a failure, for health reports. */
    public ConsumerSessions sessions() {
        return sessions;
    }

    /** The inbox partitions this instance delivers now. */
    Set<TopicPartition> assignment() {
        return assigned;
    }

    /** Messages handed to the dispatcher and not finished, on every partition of this instance. */
    int inProgress() {
        return progress.values().stream()
                .mapToInt(PartitionProgress::inProgress)
                .sum();
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> kafka;

        Rebalance(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Set<TopicPartition> revoked = Set.copyOf(partitions);
            dispatcher.cancel(source -> revoked.contains(new TopicPartition(source.topic(), source.partition())));
            finishCompleted();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition partition : revoked) {
                PartitionProgress partitionProgress = progress.get(partition);
                if (partitionProgress != null) {
                    partitionProgress
                            .committable(kafka.position(partition))
                            .ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset)));
                }
            }
            try {
                if (!offsets.isEmpty()) {
                    kafka.commitSync(offsets);
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Could not commit revoked partitions {}; their unfinished tail is delivered again", revoked, e);
            }
            forget(revoked);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            Set<TopicPartition> lost = Set.copyOf(partitions);
            dispatcher.cancel(source -> lost.contains(new TopicPartition(source.topic(), source.partition())));
            forget(lost);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> progress.put(partition, new PartitionProgress()));
            assigned = Set.copyOf(progress.keySet());
            if (!partitions.isEmpty()) {
                log.info("Delivering webhooks for {}", partitions);
            }
        }

        private void forget(Set<TopicPartition> partitions) {
            partitions.forEach(progress::remove);
            assigned = Set.copyOf(progress.keySet());
            paused.removeAll(partitions);
        }
    }

    @Override
    public void close() {
        running = false;
        boolean stopped = sessions.awaitStop(Duration.ofSeconds(15));
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (!stopped && kafka != null) {
            kafka.wakeup();
        }
    }
}
