package org.crossdesk.testsupport;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.crossdesk.broker.BrokerDefaults;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in-process) for the whole test JVM.
 *
 * <pre>{@code
 * String bootstrap = KafkaFixture.bootstrapServers(); // starts the broker on first call
 * }</pre>
 *
 * <p>The broker runs with the settings of the launcher's broker ({@code libs/broker} BrokerDefaults): topics are not
 * created on first use, so a test creates its topics as the services do (through the catalogue) or with
 * {@link #createTopic}. It stops when the JVM exits, after the registry and
 * after any Spring contexts still closing (see {@link Fixtures}).
 */
public final class KafkaFixture {

    private static EmbeddedKafkaKraftBroker broker;

    private KafkaFixture() {}

    /** Bootstrap servers of the shared broker, starting it if needed (takes a few seconds once). */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker starting = new EmbeddedKafkaKraftBroker(1, 1);
            starting.brokerProperties(BrokerDefaults.singleNode());
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

    /** Runs an admin action against the shared broker (describing topics, creating odd ones for negative tests). */
    public static <T> T withAdmin(Function<AdminClient, T> action) {
        bootstrapServers();
        return broker.doWithAdminFunction(action);
    }

    static synchronized void stop() {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }
}
