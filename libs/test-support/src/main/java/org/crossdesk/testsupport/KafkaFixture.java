package org.crossdesk.testsupport;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in-process) for the whole test JVM.
 *
 * <pre>{@code
 * String bootstrap = KafkaFixture.bootstrapServers(); // starts the broker on first call
 * }</pre>
 *
 * <p>The broker is tuned for tests as docs/running.md describes: one partition for consumer offsets and
 * transaction state, no initial rebalance delay. It stops when the JVM exits, after the registry and
 * after any Spring contexts still closing (see {@link Fixtures}).
 */
public final class KafkaFixture {

    /** Broker settings that make group joins and transactions fast on a single broker. */
    static final Map<String, String> BROKER_PROPERTIES = Map.of(
            "offsets.topic.num.partitions", "1",
            "group.initial.rebalance.delay.ms", "0",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1");

    private static EmbeddedKafkaKraftBroker broker;

    private KafkaFixture() {}

    /** Bootstrap servers of the shared broker, starting it if needed (takes a few seconds once). */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker starting = new EmbeddedKafkaKraftBroker(1, 1);
            starting.brokerProperties(BROKER_PROPERTIES);
            starting.afterPropertiesSet();
            broker = starting;
            Fixtures.stopAtExit();
        }
        return broker.getBrokersAsString();
    }

    /** Creates a topic (replication factor 1) unless it exists. */
    public static void createTopic(String topic, int partitions, Map<String, String> configs) {
        bootstrapServers();
        broker.doWithAdmin(admin -> {
            try {
                admin.createTopics(Set.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
                        .all()
                        .get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    static synchronized void stop() {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }
}
