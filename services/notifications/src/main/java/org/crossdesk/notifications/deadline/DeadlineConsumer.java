package org.crossdesk.notifications.deadline;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.platform.kafka.Outages;
import org.crossdesk.platform.kafka.follow.AvroDecoder;
import org.crossdesk.platform.kafka.follow.ConsumerSessions;
import org.crossdesk.platform.telemetry.ClientMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Feeds the {@link DeadlineTracker} from the lifecycle, responses and breaches topics. Its consumer group
 * only decides which instance owns which partitions: the range assignor gives one instance partition
 * {@code p} of all three topics together (they are co-partitioned by referral id). On every assignment
 * the partitions are replayed from the beginning, so the tracker's state never depends on anything but
 * the topics; the tracker reports breaches of a partition once the replay has reached the end offsets
 * taken at assignment.
 *
 * <p>Positions are committed only to remember how far records were checked: an unreadable record is
 * dead-lettered the first time it is met beyond the committed offset, not at every replay.
 */
public final class DeadlineConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineConsumer.class);
    static final List<String> TOPICS =
            List.of(Topics.REFERRALS_LIFECYCLE, Topics.REFERRALS_RESPONSES, Topics.DEADLINES_BREACHES);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);

    private final Map<String, Object> consumerConfig;
    private final AvroDecoder decoder;
    private final ConsumerRecordRecoverer deadLetters;
    private final DeadlineTracker tracker;
    private final ConsumerSessions sessions;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    // Consumer thread only.
    private final Map<TopicPartition, Long> catchUpTo = new HashMap<>();
    private final Map<TopicPartition, Long> checkedUpTo = new HashMap<>();
    private long lastCommit;

    public DeadlineConsumer(
            Map<String, Object> consumerConfig,
            AvroDecoder decoder,
            ConsumerRecordRecoverer deadLetters,
            DeadlineTracker tracker) {
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.decoder = decoder;
        this.deadLetters = deadLetters;
        this.tracker = tracker;
        this.sessions = ConsumerSessions.of("deadlines");
    }

    /**
     * Starts consuming on a thread of its own.
     *
     * @throws IllegalStateException if the three topics are not co-partitioned (then deadlines could not be
     *                               tracked correctly, so the service must not start)
     */
    public void start() {
        KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig);
        try {
            requireCoPartitioned(kafka);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        consumer = kafka;
        sessions.start(() -> running, this::session);
    }

    private void session() {
        KafkaConsumer<String, byte[]> first = consumer;
        try (KafkaConsumer<String, byte[]> kafka = first != null ? first : new KafkaConsumer<>(consumerConfig);
                KafkaClientMetrics metrics = ClientMetrics.bind(kafka)) {
            consumer = kafka;
            kafka.subscribe(TOPICS, new Rebalance(kafka));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                markCaughtUp(kafka);
                if (System.currentTimeMillis() - lastCommit > COMMIT_INTERVAL.toMillis()) {
                    commit(kafka, kafka.assignment());
                }
            }
        } catch (RuntimeException e) {
            // The next session is assigned partitions afresh and replays them: until then this instance tracks
            // nothing, so no breach can fire from a book that another instance may own by now.
            consumer = null;
            tracker.revokeAll();
            catchUpTo.clear();
            checkedUpTo.clear();
            throw e;
        }
    }

    /** Whether deadline tracking is running or restarting after a failure, for health reports. */
    public ConsumerSessions sessions() {
        return sessions;
    }

    private void requireCoPartitioned(KafkaConsumer<String, byte[]> kafka) {
        Set<Integer> counts =
                TOPICS.stream().map(topic -> kafka.partitionsFor(topic).size()).collect(Collectors.toSet());
        if (counts.size() != 1) {
            throw new IllegalStateException(
                    "Deadline tracking needs " + TOPICS + " to have the same number of partitions"
                            + " (they are co-partitioned by referral id); found " + counts);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Object value;
        try {
            value = decoder.decode(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (Outages.isOutage(e)) {
                // Not unreadable, only not readable now: the session ends (health DOWN) and resumes after a back-off.
                throw new IllegalStateException(
                        "record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                                + " cannot be read now: " + e.getMessage(),
                        e);
            }
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() >= checkedUpTo.getOrDefault(partition, 0L)) {
                log.warn("Dead-lettering unreadable record {}@{}: {}", partition, record.offset(), e.getMessage());
                try {
                    deadLetters.accept(record, e);
                } catch (RuntimeException notWritten) {
                    // It stays on its own topic (kept forever) and is met again at the next replay.
                    log.error("Could not dead-letter {}@{}", partition, record.offset(), notWritten);
                }
            }
            return;
        }
        tracker.apply(record.partition(), value);
    }

    private void markCaughtUp(KafkaConsumer<String, byte[]> kafka) {
        if (catchUpTo.isEmpty()) {
            return;
        }
        catchUpTo.entrySet().removeIf(target -> kafka.position(target.getKey()) >= target.getValue());
        Set<Integer> stillReplaying =
                catchUpTo.keySet().stream().map(TopicPartition::partition).collect(Collectors.toSet());
        kafka.assignment().stream()
                .map(TopicPartition::partition)
                .distinct()
                .filter(partition -> !stillReplaying.contains(partition))
                .forEach(tracker::caughtUp);
    }

    private void commit(KafkaConsumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        lastCommit = System.currentTimeMillis();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long position = kafka.position(partition);
            if (position > checkedUpTo.getOrDefault(partition, 0L)) {
                offsets.put(partition, new OffsetAndMetadata(position));
            }
        }
        if (!offsets.isEmpty()) {
            kafka.commitAsync(offsets, (committed, error) -> {
                if (error == null) {
                    committed.forEach((partition, offset) -> checkedUpTo.merge(partition, offset.offset(), Math::max));
                }
            });
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> kafka;

        Rebalance(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            tracker.revoked(numbers(partitions));
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                partitions.forEach(
                        partition -> offsets.put(partition, new OffsetAndMetadata(kafka.position(partition))));
                if (!offsets.isEmpty()) {
                    kafka.commitSync(offsets);
                }
            } catch (RuntimeException e) {
                log.debug("Could not commit revoked deadline partitions: {}", e.toString());
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            tracker.revoked(numbers(partitions));
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            tracker.assigned(numbers(partitions));
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(Set.copyOf(partitions));
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    checkedUpTo.put(partition, offset.offset());
                }
            });
            catchUpTo.putAll(kafka.endOffsets(partitions));
            kafka.seekToBeginning(partitions);
            log.info("Tracking deadlines of partitions {}; replaying from the beginning", numbers(partitions));
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> {
                catchUpTo.remove(partition);
                checkedUpTo.remove(partition);
            });
        }
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void close() {
        running = false;
        boolean stopped = sessions.awaitStop(Duration.ofSeconds(10));
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (!stopped && kafka != null) {
            kafka.wakeup();
        }
    }
}
