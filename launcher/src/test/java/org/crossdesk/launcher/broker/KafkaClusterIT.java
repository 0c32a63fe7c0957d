package org.crossdesk.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.access.CatalogueTopics;
import org.crossdesk.events.Topic;
import org.crossdesk.launcher.FreePorts;
import org.crossdesk.launcher.process.Supervisor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's three-broker cluster ({@code --brokers 3}): a topic created as the services create theirs gets three
 * replicas and needs two in sync, so an acknowledged record survives a broker killed without warning, writes go on
 * while one is down, none is acknowledged while two are, and the cluster takes writes again once they are back.
 */
class KafkaClusterIT {

    private static final Path KAFKA_LIB = Path.of("target", "kafka-lib");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path state;

    private final List<KafkaBroker> running = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        running.forEach(KafkaBroker::close);
    }

    @Test
    void aRecordAcknowledgedByTheClusterSurvivesAKilledBrokerAndNoneIsAcknowledgedWithoutTwoReplicas()
            throws Exception {
        List<BrokerSettings.Ports> ports = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            ports.add(new BrokerSettings.Ports(FreePorts.next(), FreePorts.next()));
        }
        List<BrokerSettings> nodes =
                BrokerSettings.cluster(ports, node -> state.resolve("data").resolve("kafka-" + node));
        Supervisor supervisor = new Supervisor(state.resolve("run"), state.resolve("logs"));
        running.addAll(KafkaBroker.startCluster(nodes, KAFKA_LIB, state.resolve("run"), supervisor, START_TIMEOUT));
        String bootstrap = String.join(
                ",", running.stream().map(KafkaBroker::bootstrapServers).toList());
        // A topic as the catalogue makes one, with the replication factor the services use by default.
        Topic<String, byte[]> catalogued = new Topic<>(
                "cluster-it-" + UUID.randomUUID(), String.class, byte[].class, 3, Topic.CleanupPolicy.DELETE, null);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
            admin.createTopics(
                            List.of(CatalogueTopics.newTopic(catalogued, CatalogueTopics.CLUSTER_DEFAULT_REPLICATION)))
                    .all()
                    .get();
            // Created once the controller has it; each broker learns of it a moment later.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                TopicDescription description = admin.describeTopics(List.of(catalogued.name()))
                        .allTopicNames()
                        .get()
                        .get(catalogued.name());
                assertThat(description.partitions())
                        .hasSize(3)
                        .allSatisfy(
                                partition -> assertThat(partition.replicas()).hasSize(3));
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, catalogued.name());
                assertThat(admin.describeConfigs(List.of(resource))
                                .all()
                                .get()
                                .get(resource)
                                .get("min.insync.replicas")
                                .value())
                        .isEqualTo("2");
            });
        }

        List<String> acknowledged = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            send(producer, catalogued.name(), "before", acknowledged);

            // The leader of partition 0 dies without warning: the others elect a new one, nothing acknowledged is lost.
            KafkaBroker leader = leaderOfPartitionZero(bootstrap, catalogued.name());
            leader.process().handle().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> !leader.process().isAlive());
            send(producer, catalogued.name(), "one-down", acknowledged);

            // A second one dies: no write can have two replicas, none is acknowledged.
            KafkaBroker second = running.stream()
                    .filter(broker -> broker != leader && broker.process().isAlive())
                    .findFirst()
                    .orElseThrow();
            second.process().handle().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> !second.process().isAlive());
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(catalogued.name(), "two-down", "two-down"))
                            .get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);

            // Both come back with their storage, rejoin, and the cluster takes writes again.
            for (KafkaBroker dead : List.of(leader, second)) {
                running.remove(dead);
                running.addAll(KafkaBroker.startCluster(
                        List.of(dead.settings()), KAFKA_LIB, state.resolve("run"), supervisor, START_TIMEOUT));
            }
            send(producer, catalogued.name(), "after", acknowledged);
        }

        // The refused write may be there or not: its leader kept it while waiting for replicas it could not have, as
        // Kafka does with any write that times out ("may or may not be stored"); the guarantee is about the
        // acknowledged ones.
        assertThat(readAll(bootstrap, catalogued.name(), acknowledged.size()))
                .as("every acknowledged record")
                .containsAll(acknowledged);
    }

    private KafkaBroker leaderOfPartitionZero(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicPartitionInfo partition = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .get(0);
            return running.stream()
                    .filter(broker ->
                            broker.settings().nodeId() == partition.leader().id())
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String value, List<String> acked)
            throws Exception {
        // A few records over every partition, each acknowledged by the in-sync replicas.
        for (int i = 0; i < 6; i++) {
            String record = value + "-" + i;
            producer.send(new ProducerRecord<>(topic, record, record)).get(90, TimeUnit.SECONDS);
            acked.add(record);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        // Long enough for a leader election; the refused write fails within it too.
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        30_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        10_000),
                new StringSerializer(),
                new StringSerializer());
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "cluster-it",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= expected;
            });
        }
        return values;
    }
}
