package org.crossdesk.routing.fanout;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.crossdesk.events.Topics;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.platform.kafka.OutageHealth;
import org.crossdesk.platform.kafka.Outages;
import org.crossdesk.platform.kafka.UnusableRecordException;
import org.crossdesk.platform.telemetry.RecordObservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Kafka side of the fan-out: reads the lifecycle and responses topics in batches, and writes each
 * batch's alerts, decisions, receipts and responses in the Kafka transaction the listener container opened,
 * which also commits the batch's input offsets (exactly-once read-process-write).
 *
 * <p>A record the fan-out cannot use (unreadable bytes, an {@link UnroutableEventException}, or a bug in
 * the plain code) goes to its topic's dead-letter topic and the batch goes on; only a failure to write
 * to Kafka aborts the transaction, and the container then reads the batch again.
 *
 * <p>Each record of the batch is its own hop of its referral's trace ({@link RecordObservations}): what it causes is
 * sent while its observation is current, so every alert carries its referral's trace on.
 */
public class FanOutListener {

    /** Listener container id. */
    public static final String ID = "routing-fanout";

    private static final Logger log = LoggerFactory.getLogger(FanOutListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(FanOutListener.class);

    private final FanOut fanOut;
    private final RecipientLedger ledger;
    private final KafkaOperations<String, Object> kafka;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final RecordObservations observations;
    private final OutageHealth outages;

    public FanOutListener(
            FanOut fanOut,
            RecipientLedger ledger,
            KafkaOperations<String, Object> kafka,
            DeadLetterPublishingRecoverer deadLetters,
            RecordObservations observations,
            OutageHealth outages) {
        this.observations = observations;
        this.outages = outages;
        this.fanOut = fanOut;
        this.ledger = ledger;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(
            id = ID,
            topics = {Topics.REFERRALS_LIFECYCLE, Topics.REFERRALS_RESPONSES},
            containerFactory = "routingFanOutContainerFactory",
            autoStartup = "false",
            batch = "true",
            idIsGroup = false)
    public void onBatch(List<ConsumerRecord<String, Object>> records, Consumer<?, ?> consumer) {
        long started = System.nanoTime();
        RecipientLedger.Batch batch = ledger.begin();
        List<Outgoing> out = new ArrayList<>();
        for (ConsumerRecord<String, Object> record : records) {
            observations.observe(record, () -> {
                // In the same transaction as the rest of the batch; sent while this record's hop is current.
                for (Outgoing outgoing : causedBy(record, batch, consumer)) {
                    kafka.send(new ProducerRecord<>(outgoing.topic(), outgoing.key(), outgoing.value()));
                    out.add(outgoing);
                }
            });
        }
        long sent = System.nanoTime();
        afterCommit(kafka, () -> {
            batch.commit();
            if (log.isDebugEnabled()) {
                long now = System.nanoTime();
                log.debug(
                        "Batch of {} records in, {} out: processed and sent in {} ms, committed {} ms later",
                        records.size(),
                        out.size(),
                        (sent - started) / 1_000_000,
                        (now - sent) / 1_000_000);
            }
        });
    }

    /** What the record causes, or nothing once it is dead-lettered. */
    private List<Outgoing> causedBy(
            ConsumerRecord<String, Object> record, RecipientLedger.Batch batch, Consumer<?, ?> consumer) {
        try {
            return process(record, batch);
        } catch (RuntimeException e) {
            if (Outages.isOutage(e)) {
                // The whole batch is rolled back and read again after the outage back-off; health is DOWN meanwhile.
                outages.outage(record.topic() + "-" + record.partition() + "@" + record.offset(), e);
                throw e;
            }
            // Processing is plain, deterministic code: reading the record again cannot help.
            log.warn(
                    "Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            deadLetters.accept(record, consumer, unusable(e));
            return List.of();
        }
    }

    private List<Outgoing> process(ConsumerRecord<String, Object> record, RecipientLedger.Batch batch) {
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
            if (unreadable != null && Outages.isOutage(unreadable)) {
                // Fine bytes the registry cannot describe now: never a dead letter, read again once it answers.
                throw new IllegalStateException(
                        "Cannot read " + record.topic() + "-" + record.partition() + "@" + record.offset() + " now: "
                                + unreadable.getMessage(),
                        unreadable);
            }
            throw new UnusableRecordException(
                    "Unreadable value on " + record.topic() + ": see the deserializer exception header");
        }
        Object value = record.value();
        if (value instanceof ReferralEvent event) {
            return fanOut.onLifecycle(event, batch);
        }
        if (value instanceof ResponseEvent event) {
            return fanOut.onResponse(event, batch);
        }
        throw new UnusableRecordException("Expected a ReferralEvent or ResponseEvent on " + record.topic() + ", got "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /**
     * The transaction manager for the fan-out's container, over the platform's producers. Spring Kafka's
     * default turns transaction synchronization off; the fan-out needs it on, because its ledger changes apply
     * in {@code afterCommit}, never before Kafka has committed the batch's output.
     */
    public static KafkaTransactionManager<String, Object> transactionManager(
            ProducerFactory<String, Object> producers) {
        KafkaTransactionManager<String, Object> transactions = new KafkaTransactionManager<>(producers);
        transactions.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        return transactions;
    }

    private static UnusableRecordException unusable(RuntimeException e) {
        if (e instanceof UnusableRecordException unusable) {
            return unusable;
        }
        UnusableRecordException wrapped =
                new UnusableRecordException(e.getClass().getSimpleName() + ": " + e.getMessage());
        wrapped.initCause(e);
        return wrapped;
    }

    /**
     * Runs {@code action} once the container's transaction has committed, or at once without a transaction.
     * The ledger must never get ahead of what consumers can read: if a batch's transaction aborts, the batch
     * is read again and must find the ledger as it was.
     */
    static void afterCommit(KafkaOperations<?, ?> kafka, Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else if (kafka.inTransaction()) {
            throw new IllegalStateException(
                    "The fan-out runs in a Kafka transaction without transaction synchronization:"
                            + " its ledger could get ahead of the committed output. Use RoutingConfiguration's transaction manager.");
        } else {
            action.run();
        }
    }
}
