package org.crossdesk.routing.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fan-out's ledger changes apply after Kafka committed the batch, and never when it aborted: with the
 * transaction manager the fan-out's container uses, over a producer that records what happened when.
 */
class LedgerFollowsCommitTest {

    private final List<String> events = new ArrayList<>();
    private final MockProducer<String, Object> producer =
            new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]) {
                @Override
                public void commitTransaction() {
                    events.add("kafka commit");
                    super.commitTransaction();
                }

                @Override
                public void abortTransaction() {
                    events.add("kafka abort");
                    super.abortTransaction();
                }
            };
    private final MockProducerFactory<String, Object> producers =
            new MockProducerFactory<>((transactional, prefix) -> producer, "routing-tx-");
    private final KafkaTransactionManager<String, Object> transactions = FanOutListener.transactionManager(producers);
    private final KafkaTemplate<String, Object> kafka = new KafkaTemplate<>(producers);

    @Test
    void theLedgerChangeRunsAfterTheKafkaCommit() {
        producer.initTransactions();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            kafka.send("desk.DE-BKA.inbox.v1", "CD-1", "alert");
            FanOutListener.afterCommit(kafka, () -> events.add("ledger"));
            events.add("listener returned");
        });

        assertThat(events).containsExactly("listener returned", "kafka commit", "ledger");
    }

    @Test
    void anAbortedBatchLeavesTheLedgerAlone() {
        producer.initTransactions();

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    kafka.send("desk.DE-BKA.inbox.v1", "CD-1", "alert");
                    FanOutListener.afterCommit(kafka, () -> events.add("ledger"));
                    throw new IllegalStateException("broker gone");
                }))
                .hasMessage("broker gone");

        assertThat(events).containsExactly("kafka abort");
    }

    @Test
    void aTransactionWithoutSynchronizationIsRefusedRatherThanLettingTheLedgerRunAhead() {
        producer.initTransactions();
        KafkaTransactionManager<String, Object> springDefault = new KafkaTransactionManager<>(producers);

        assertThatThrownBy(() -> new TransactionTemplate(springDefault)
                        .executeWithoutResult(status -> FanOutListener.afterCommit(kafka, () -> events.add("ledger"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without transaction synchronization");
        assertThat(events).doesNotContain("ledger");
    }
}
