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
        // Topics come from the catalogue (libs/events Topics) with their partitions and retention; a typo in a topic
        // name must fail rather than silently create a one-partition topic.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "3");
        return p;
    }

    /**
     * {@link #tuning()} for a broker that is the whole cluster: every topic, internal or Crossdesk's, has its single
     * replica. The development exception to {@link #cluster(int)}: one lost disk loses everything.
     */
    public static Map<String, String> singleNode() {
        return cluster(1);
    }

    /**
     * {@link #tuning()} with the durability a production cluster needs, for a cluster of {@code brokers} nodes: three
     * replicas of every topic (fewer only when there are fewer brokers) and writes acknowledged by two of them, so
     * that one broker may fail, or be restarted, without losing an acknowledged record or refusing a write. Crossdesk's
     * services create their topics with the cluster's default replication factor (docs/decisions/0013), so these
     * defaults are what every topic gets.
     */
    public static Map<String, String> cluster(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("a cluster has at least one broker, not " + brokers);
        }
        String replicas = Integer.toString(replicationFactor(brokers));
        String minInSync = Integer.toString(minInSyncReplicas(brokers));
        Map<String, String> p = tuning();
        if (brokers == 1) {
            // The controller fences a broker that misses heartbeats for this long (default 9 s). On a starved machine
            // (measured: load 30 on 2 cores, while services create ~250 desk topics) the node's own heartbeat waited
            // that long, and every produce failed with NOT_LEADER_OR_FOLLOWER until it was unfenced. A broker alone
            // has nobody to hand its partitions to, so fencing it only stops the cluster; in a cluster the default
            // stays, since it is how long a dead broker's partitions wait for a new leader.
            p.put("broker.session.timeout.ms", "60000");
        }
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minInSync);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minInSync);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minInSync);
        return p;
    }

    /** Three replicas, the usual production choice, or as many as there are brokers. */
    public static int replicationFactor(int brokers) {
        return Math.min(3, brokers);
    }

    /**
     * Two of three replicas acknowledge each write (acks=all): an acknowledged record survives the loss of any one
     * broker, and writes go on while one is down. With fewer than three replicas, one: a write must not wait for a
     * replica that a two-broker cluster cannot spare.
     */
    public static int minInSyncReplicas(int brokers) {
        return replicationFactor(brokers) >= 3 ? 2 : 1;
    }
}
