package org.crossdesk.routing.fanout;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.platform.kafka.follow.TopicFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the {@link RecipientLedger} for lifecycle partitions this instance is given: reads each from the
 * beginning to its last stable offset (read_committed), so the ledger holds every committed decision of those
 * partitions before the fan-out reads on from its committed offsets. Runs on assignment, not only at start-up,
 * because a partition that moved from another instance carries decisions this one never saw. An unreadable record
 * is skipped here: the fan-out dead-letters it when it reaches it, and the ledger has nothing to learn from it.
 */
public final class LedgerRestorer {

    private static final Logger log = LoggerFactory.getLogger(LedgerRestorer.class);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final TopicFollower.Decoder decoder;
    private final RecipientLedger ledger;

    /**
     * @param consumers makes a consumer outside any group with byte values (the platform's replay settings)
     * @param ledger the ledger to fill
     */
    public LedgerRestorer(
            Supplier<Consumer<String, byte[]>> consumers, TopicFollower.Decoder decoder, RecipientLedger ledger) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.ledger = ledger;
    }

    /** A restorer with these consumer settings (e.g. {@code KafkaClientSettings.replay}). */
    public static LedgerRestorer of(
            Map<String, Object> consumerConfig, TopicFollower.Decoder decoder, RecipientLedger ledger) {
        Map<String, Object> config = Map.copyOf(consumerConfig);
        return new LedgerRestorer(() -> new KafkaConsumer<>(config), decoder, ledger);
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
        long count;
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            count = TopicFollower.readToEnd(
                    "routing-ledger-restore",
                    consumer,
                    partitions,
                    decoder,
                    (ConsumerRecord<String, byte[]> record, Object value) -> {
                        if (value instanceof ReferralEvent event) {
                            ledger.replay(event);
                        }
                    });
        }
        log.info(
                "Ledger restored from {} lifecycle records of {} in {} ms ({} referrals known)",
                count,
                partitions,
                (System.nanoTime() - started) / 1_000_000,
                ledger.size());
        return count;
    }
}
