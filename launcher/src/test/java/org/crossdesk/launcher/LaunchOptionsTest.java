package org.crossdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.crossdesk.launcher.broker.BrokerSettings;
import org.crossdesk.launcher.services.Service;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void noArgumentsStartsEverythingWithoutDemoAndKeepsTheData() {
        LaunchOptions options = LaunchOptions.parse();

        assertThat(options.demo()).isFalse();
        assertThat(options.fresh()).isFalse();
        assertThat(options.onlyGiven()).isFalse();
        assertThat(options.kafkaPort()).isEqualTo(9092);
        StackOptions stack = options.toStackOptions(Path.of("/repo"));
        assertThat(stack.startsBroker()).isTrue();
        assertThat(stack.services).containsExactlyInAnyOrder(Service.values());
        assertThat(stack.dataDir()).isEqualTo(Path.of("/repo/.crossdesk/data"));
    }

    @Test
    void demoWithTheDefaultRate() {
        LaunchOptions options = LaunchOptions.parse("--demo", "--fresh");

        assertThat(options.demo()).isTrue();
        assertThat(options.fresh()).isTrue();
        assertThat(options.rate()).isEqualTo(LaunchOptions.DEFAULT_RATE);
    }

    @Test
    void aRateImpliesTheDemoInEitherSpelling() {
        assertThat(LaunchOptions.parse("--rate", "25")).satisfies(o -> {
            assertThat(o.demo()).isTrue();
            assertThat(o.rate()).isEqualTo(25.0);
        });
        assertThat(LaunchOptions.parse("--rate=0.5").rate()).isEqualTo(0.5);
    }

    @Test
    void onlyTheBrokerAndTheRegistry() {
        LaunchOptions options = LaunchOptions.parse("--only", "broker,registry");

        StackOptions stack = options.toStackOptions(Path.of("/repo"));
        assertThat(stack.startsBroker()).isTrue();
        assertThat(stack.services).containsExactly(Service.SCHEMA_REGISTRY);
    }

    @Test
    void onlyServicesWithoutTheBrokerAgainstAnExternalCluster() {
        LaunchOptions options =
                LaunchOptions.parse("--only", "schema-registry, intake", "--bootstrap-servers", "kafka.example:9092");

        StackOptions stack = options.toStackOptions(Path.of("/repo"));
        assertThat(stack.startsBroker()).isFalse();
        assertThat(stack.bootstrapServers()).isEqualTo("kafka.example:9092");
        assertThat(stack.services).containsExactly(Service.SCHEMA_REGISTRY, Service.INTAKE);
    }

    @Test
    void anExternalRegistryReplacesOurs() {
        StackOptions stack = LaunchOptions.parse("--schema-registry-url", "http://confluent:8081")
                .toStackOptions(Path.of("/repo"));

        assertThat(stack.startsRegistry()).isFalse();
        assertThat(stack.schemaRegistryUrl()).isEqualTo("http://confluent:8081");
    }

    @Test
    void anotherKafkaPortMovesTheControllerAlong() {
        StackOptions stack = LaunchOptions.parse("--kafka-port", "19092").toStackOptions(Path.of("/repo"));

        assertThat(stack.kafkaPort).isEqualTo(19092);
        assertThat(stack.controllerPort).isEqualTo(19093);
        assertThat(stack.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void threeBrokersTakeConsecutivePortPairsAndEachTheirOwnDataDirectory() {
        StackOptions stack =
                LaunchOptions.parse("--brokers", "3", "--kafka-port", "19092").toStackOptions(Path.of("/repo"));

        assertThat(stack.bootstrapServers()).isEqualTo("127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096");
        assertThat(stack.brokerPorts())
                .extracting(BrokerSettings.Ports::controllerPort)
                .containsExactly(19093, 19095, 19097);
        assertThat(stack.brokerDataDir(2)).isEqualTo(Path.of("/repo/.crossdesk/data/kafka-2"));
        assertThat(LaunchOptions.parse().toStackOptions(Path.of("/repo")).brokerDataDir(1))
                .as("a broker alone keeps the directory it always had")
                .isEqualTo(Path.of("/repo/.crossdesk/data/kafka"));
    }

    @Test
    void instancesAreOneToThree() {
        assertThat(LaunchOptions.parse("--instances", "2").toStackOptions(Path.of("/repo")).instances)
                .isEqualTo(2);
        for (String refused : List.of("0", "4", "two")) {
            assertThatThrownBy(() -> LaunchOptions.parse("--instances", refused))
                    .isInstanceOf(LaunchOptions.UsageException.class)
                    .hasMessageContaining("--instances");
        }
    }

    @Test
    void aClusterHasOneToFiveBrokers() {
        for (String refused : List.of("0", "6", "three")) {
            assertThatThrownBy(() -> LaunchOptions.parse("--brokers", refused))
                    .isInstanceOf(LaunchOptions.UsageException.class)
                    .hasMessageContaining("--brokers");
        }
    }

    @Test
    void servicesKeepTheirOrderWhenTheirPortsMove() {
        StackOptions defaults = LaunchOptions.parse().toStackOptions(Path.of("/repo"));
        StackOptions moved = LaunchOptions.parse("--http-port-base", "18080").toStackOptions(Path.of("/repo"));

        assertThat(defaults.portOf(Service.SCHEMA_REGISTRY)).isEqualTo(8081);
        assertThat(defaults.portOf(Service.DASHBOARD)).isEqualTo(8085);
        assertThat(moved.portOf(Service.SCHEMA_REGISTRY)).isEqualTo(18081);
        assertThat(moved.portOf(Service.INTAKE)).isEqualTo(18082);
        assertThat(moved.portOf(Service.DASHBOARD)).isEqualTo(18085);
        assertThat(moved.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:18081");
    }

    @Test
    void theStateDirectoryCanMove() {
        StackOptions stack = LaunchOptions.parse("--state-dir", "/tmp/cd").toStackOptions(Path.of("/repo"));

        assertThat(stack.dataDir()).isEqualTo(Path.of("/tmp/cd/data"));
        assertThat(stack.logDir()).isEqualTo(Path.of("/tmp/cd/logs"));
    }

    @Test
    void help() {
        assertThat(LaunchOptions.parse("-h").help()).isTrue();
        assertThat(LaunchOptions.parse("--help").help()).isTrue();
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> LaunchOptions.parse("--demo", "--colour")).hasMessage("unknown option '--colour'");
        assertThatThrownBy(() -> LaunchOptions.parse("--rate")).hasMessage("--rate needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse("--rate", "fast")).hasMessage("--rate: 'fast' is not a number");
        assertThatThrownBy(() -> LaunchOptions.parse("--rate", "0")).hasMessageContaining("--rate must be more than 0");
        assertThatThrownBy(() -> LaunchOptions.parse("--rate", "1e9")).hasMessageContaining("at most 5000");
        assertThatThrownBy(() -> LaunchOptions.parse("--only", "broker,billing"))
                .hasMessageContaining("unknown component 'billing'");
        assertThatThrownBy(() -> LaunchOptions.parse("--only", ",")).hasMessage("--only needs at least one component");
        assertThatThrownBy(() -> LaunchOptions.parse("--kafka-port", "70000"))
                .hasMessageContaining("not a usable port");
        assertThatThrownBy(() -> LaunchOptions.parse("--only", "--demo")).hasMessage("--only needs a value");
    }

    @Test
    void theDemoNeedsTheServicesThatCarryIt() {
        assertThatThrownBy(() -> LaunchOptions.parse("--demo", "--only", "broker,registry,intake"))
                .hasMessage("--demo needs routing, notifications in --only");
    }
}
