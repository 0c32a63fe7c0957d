package org.crossdesk.broker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings every Crossdesk broker runs with: the launcher's ({@code launcher} ServerProperties), the one the tests
 * start ({@code libs/test-support} KafkaFixture) and, as {@code KAFKA_*} variables, docker-compose.yml's (checked by
 * {@code ComposeBrokerTest}). One place, so that the tests run on the broker users run.
 *
 * <pre>{@code
 * Map<String, String> server = new LinkedHashMap<>(BrokerDefaults.singleNode());
 * server.put("listeners", ...); // the caller adds what is its own: listeners, security, log directories
 * }</pre>
 */
public final class BrokerDefaults {

    private BrokerDefaults() {}

    /** What any Crossdesk broker sets, whatever the size of its cluster. */
    public static Map<String, String> tuning() {
        Map<String, String> p = new LinkedHashMap<>();
        // 50 partitions (the default) make the first join of every consumer group retry for seconds while they are
        // created; a handful still spreads coordinator work over the coordinator threads.
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.num.partitions", "4");
        // Services start together and each group has one member per service instance: waiting 3 s for more members
        // to join only delays every start.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The group coordinator holds each write (a transaction's offsets, their commit marker) up to 5 ms to batch
        // it with others. Every exactly-once hop (routing's fan-out) waits for two such writes, and there is little
        // to batch: 0 took Kafka's own exactly-once loop here from p50 18 to 14 ms and routing's p99 from 60 to
        // 40-53 ms (RoutingBench, docs/routing.md).
        p.put("group.coordinator.append.linger.ms", "0");
        // The controller fences a broker that misses heartbeats for this long (default 9 s). On a starved machine
        // (measured: load 30 on 2 cores, while services create ~250 desk topics) the node's own heartbeat waited that
        // long, and every produce failed with NOT_LEADER_OR_FOLLOWER until it was unfenced.
        p.put("broker.session.timeout.ms", "60000");
        // Topics come from the catalogue (libs/events Topics) with their partitions and retention; a typo in a topic
        // name must fail rather than silently create a one-partition topic.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "3");
        return p;
    }

    /** {@link #tuning()} for a broker that is the whole cluster: every internal topic has its single replica. */
    public static Map<String, String> singleNode() {
        Map<String, String> p = tuning();
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        return p;
    }
}
