package org.crossdesk.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
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
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("broker.session.timeout.ms", "60000");
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
