package org.crossdesk.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServerPropertiesTest {

    private static Properties load(BrokerSettings settings) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(ServerProperties.render(settings)));
        return properties;
    }

    @Test
    void aSingleCombinedNodeListensOnTheGivenPortsAndVotesForItself() throws IOException {
        Properties p = load(BrokerSettings.local(19092, 19093, Path.of("/var/crossdesk/kafka")));

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(p.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(p.getProperty("log.dirs"))
                .isEqualTo(Path.of("/var/crossdesk/kafka").toAbsolutePath().toString());
    }

    @Test
    void everyInternalTopicFitsOnOneNode() throws IOException {
        Properties p = load(BrokerSettings.local(9092, 9093, Path.of("data")));

        assertThat(p)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("broker.session.timeout.ms", "60000");
    }

    @Test
    void eachNodeOfAThreeBrokerClusterVotesWithTheOthersAndEveryTopicGetsThreeReplicasTwoInSync() throws IOException {
        List<BrokerSettings> nodes = BrokerSettings.cluster(
                List.of(
                        new BrokerSettings.Ports(29092, 29093),
                        new BrokerSettings.Ports(29094, 29095),
                        new BrokerSettings.Ports(29096, 29097)),
                node -> Path.of("data", "kafka-" + node));

        for (int node = 1; node <= 3; node++) {
            Properties p = load(nodes.get(node - 1));
            assertThat(p)
                    .containsEntry("node.id", Integer.toString(node))
                    .containsEntry("controller.quorum.voters", "1@127.0.0.1:29093,2@127.0.0.1:29095,3@127.0.0.1:29097")
                    .containsEntry("default.replication.factor", "3")
                    .containsEntry("min.insync.replicas", "2")
                    .containsEntry("offsets.topic.replication.factor", "3")
                    .containsEntry("transaction.state.log.replication.factor", "3")
                    .containsEntry("transaction.state.log.min.isr", "2")
                    // A dead broker's partitions get a new leader after Kafka's own 9 s, not the single node's 60 s.
                    .doesNotContainKey("broker.session.timeout.ms");
            assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:" + (29090 + 2 * node));
            assertThat(Path.of(p.getProperty("log.dirs"))).endsWithRaw(Path.of("data", "kafka-" + node));
            assertThat(nodes.get(node - 1).processName()).isEqualTo("kafka-" + node);
        }
    }

    @Test
    void aTwoBrokerClusterCannotSpareASecondInSyncReplica() throws IOException {
        List<BrokerSettings> nodes = BrokerSettings.cluster(
                List.of(new BrokerSettings.Ports(29092, 29093), new BrokerSettings.Ports(29094, 29095)),
                node -> Path.of("data", "kafka-" + node));

        assertThat(load(nodes.get(0)))
                .containsEntry("default.replication.factor", "2")
                .containsEntry("min.insync.replicas", "1");
    }

    @Test
    void groupCoordinatorWritesAreNotHeldBackForBatching() throws IOException {
        Properties p = load(BrokerSettings.local(9092, 9093, Path.of("data")));

        // Each exactly-once hop waits for two group-coordinator writes; the 5 ms default linger delays both.
        assertThat(p).containsEntry("group.coordinator.append.linger.ms", "0");
    }

    @Test
    void aRelativeLogDirectoryIsMadeAbsoluteBecauseTheBrokerRunsInAnotherWorkingDirectory() throws IOException {
        Properties p = load(BrokerSettings.local(9092, 9093, Path.of(".crossdesk", "data", "kafka")));

        assertThat(Path.of(p.getProperty("log.dirs"))).isAbsolute().endsWithRaw(Path.of(".crossdesk", "data", "kafka"));
    }

    @Test
    void overridesReplaceDefaultsAndAddNewKeys() throws IOException {
        BrokerSettings settings = BrokerSettings.local(9092, 9093, Path.of("data"))
                .withOverrides(Map.of("auto.create.topics.enable", "true", "log.retention.hours", "1"));

        Properties p = load(settings);

        assertThat(p).containsEntry("auto.create.topics.enable", "true").containsEntry("log.retention.hours", "1");
    }

    @Test
    void backslashesInValuesSurviveThePropertiesFormat() {
        assertThat(ServerProperties.escape("C:\\crossdesk\\data")).isEqualTo("C:\\\\crossdesk\\\\data");
    }

    @Test
    void theBrokerAndControllerCannotShareAPort() {
        assertThatThrownBy(() -> BrokerSettings.local(9092, 9092, Path.of("data")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9092");
    }
}
