package org.crossdesk.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.launcher.FreePorts;
import org.crossdesk.launcher.process.Supervisor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real broker, started from the jars the build copied into target/kafka-lib. */
class KafkaBrokerIT {

    private static final Path KAFKA_LIB = Path.of("target", "kafka-lib");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path state;

    @Test
    void recordsProducedBeforeARestartAreReadAfterItAndNoProcessIsLeftBehind() throws Exception {
        BrokerSettings settings = BrokerSettings.local(FreePorts.next(), FreePorts.next(), state.resolve("data"));
        Supervisor supervisor = new Supervisor(state.resolve("run"), state.resolve("logs"));
        String topic = "launcher-it-" + UUID.randomUUID();

        KafkaBroker first = KafkaBroker.start(settings, KAFKA_LIB, state.resolve("run"), supervisor, START_TIMEOUT);
        List<ProcessHandle> firstTree = tree(first.process().handle());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        produce(first.bootstrapServers(), topic, "FR-OCRTIS/2026-0001", "synthetic referral");
        first.close();
        assertThat(firstTree).noneMatch(ProcessHandle::isAlive);
        assertThat(state.resolve("run").resolve("kafka.pid")).doesNotExist();

        KafkaBroker second = KafkaBroker.start(settings, KAFKA_LIB, state.resolve("run"), supervisor, START_TIMEOUT);
        List<ProcessHandle> secondTree = tree(second.process().handle());
        try {
            List<ConsumerRecord<String, String>> records = consumeAll(second.bootstrapServers(), topic, 1);
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("FR-OCRTIS/2026-0001");
                assertThat(record.value()).isEqualTo("synthetic referral");
            });
            assertThat(second.process().output())
                    .contains(KafkaBroker.READY_LINE)
                    .as("the second start reuses the formatted storage")
                    .doesNotContain("Formatting");
        } finally {
            second.close();
        }
        assertThat(secondTree).noneMatch(ProcessHandle::isAlive);
    }

    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        return all;
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "launcher-it",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
