package org.crossdesk.schemaregistry;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real in-process KRaft broker for this module's test JVM. (libs/test-support offers the same to
 * every other module, but it depends on this one, so this module cannot use it.)
 */
public final class TestBroker {

    private static EmbeddedKafkaKraftBroker broker;

    private TestBroker() {}

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
            started.brokerProperties(Map.of(
                    "offsets.topic.num.partitions", "1",
                    "group.initial.rebalance.delay.ms", "0",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "test-broker-shutdown"));
            broker = started;
        }
        return broker.getBrokersAsString();
    }

    /** Runs an admin action against the broker (creating odd topics for negative tests). */
    public static <T> T withAdmin(Function<AdminClient, T> action) {
        bootstrapServers();
        return broker.doWithAdminFunction(action);
    }
}
