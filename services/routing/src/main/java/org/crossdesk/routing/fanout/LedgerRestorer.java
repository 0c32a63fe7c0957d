package org.crossdesk.routing.fanout;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.crossdesk.events.Topics;
import org.crossdesk.events.referral.ReferralEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the {@link RecipientLedger} for lifecycle partitions this instance is given: reads each from the
 * beginning to its last stable offset (read_committed), so the ledger holds every committed decision of
 * those partitions before the fan-out reads on from its committed offsets. Runs on assignment, not only at
 * start-up, because a partition that moved from another instance carries decisions this one never saw.
 */
public final class LedgerRestorer {

    private static final Logger log = LoggerFactory.getLogger(LedgerRestorer.class);

    private final Map<String, Object> consumerConfig;
    private final RecipientLedger ledger;

    /**
     * @param consumerConfig plain read_committed consumer settings with the Avro value deserializer; the
     *                       group id is dropped, partitions are assigned
     * @param ledger         the ledger to fill
     */
    public LedgerRestorer(Map<String, Object> consumerConfig, RecipientLedger ledger) {
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.ledger = ledger;
    }

    /** Replays the lifecycle partitions among {@code assigned} into the ledger; returns the records read. */
    public long restore(Collection<TopicPartition> assigned) {
        List<TopicPartition> partitions = assigned.stream()
                .filter(partition -> partition.topic().equals(Topics.REFERRALS_LIFECYCLE))
                .toList();
        if (partitions.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        long count = 0;
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!caughtUp(consumer, end)) {
                try {
                    for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                        count++;
                        if (record.value() instanceof ReferralEvent event) {
                            ledger.replay(event);
                        }
                    }
                } catch (RecordDeserializationException e) {
                    // The fan-out dead-letters this record when it reaches it; the ledger has nothing to learn from it.
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        }
        log.info(
                "Ledger restored from {} lifecycle records of {} in {} ms ({} referrals known)",
                count,
                partitions,
                (System.nanoTime() - started) / 1_000_000,
                ledger.size());
        return count;
    }

    private static boolean caughtUp(KafkaConsumer<String, Object> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
