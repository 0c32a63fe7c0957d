package org.crossdesk.schemaregistry.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.schemaregistry.compatibility.CompatibilityLevel;
import org.crossdesk.schemaregistry.store.SchemaRequest;
import org.crossdesk.schemaregistry.store.SchemaStore;
import org.crossdesk.schemaregistry.store.VersionFilter;
import org.crossdesk.testsupport.KafkaFixture;
import org.junit.jupiter.api.Test;

/** The store on a real broker: the topic it insists on, the records it writes, the records it replays. */
class KafkaStoreTest {

    private static String newTopic() {
        return "_schemas-store-" + UUID.randomUUID();
    }

    private static KafkaStore.Settings settings(String bootstrap, String topic) {
        return new KafkaStore.Settings(
                bootstrap, topic, CompatibilityLevel.BACKWARD, Duration.ofSeconds(30), Duration.ofSeconds(5), Map.of());
    }

    private static KafkaStore start(String topic) throws InterruptedException {
        return KafkaStore.start(settings(KafkaFixture.bootstrapServers(), topic));
    }

    @Test
    void createsAMissingTopicWithOnePartitionAndCompaction() throws Exception {
        String topic = newTopic();
        try (KafkaStore ignored = start(topic)) {
            KafkaFixture.withAdmin(admin -> {
                try {
                    assertThat(admin.describeTopics(List.of(topic))
                                    .allTopicNames()
                                    .get()
                                    .get(topic)
                                    .partitions())
                            .hasSize(1);
                    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                    assertThat(admin.describeConfigs(List.of(resource))
                                    .all()
                                    .get()
                                    .get(resource)
                                    .get("cleanup.policy")
                                    .value())
                            .isEqualTo("compact");
                    return null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void refusesATopicWithMoreThanOnePartition() {
        String topic = newTopic();
        create(new NewTopic(topic, 2, (short) 1).configs(Map.of("cleanup.policy", "compact")));
        assertThatThrownBy(() -> start(topic))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 2 partitions");
    }

    @Test
    void refusesATopicThatIsNotCompacted() {
        String topic = newTopic();
        create(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "delete")));
        assertThatThrownBy(() -> start(topic))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cleanup.policy=delete");
    }

    @Test
    void writesConfluentsRecordLayoutAndAnswersOnlyAfterReadingItBack() throws Exception {
        String topic = newTopic();
        try (KafkaStore kafkaStore = start(topic)) {
            SchemaStore store = kafkaStore.store();
            store.register("cases-value", SchemaRequest.of("{\"type\":\"string\"}"));
            // Answered only after the reader applied it: the index already reflects the record.
            assertThat(store.appliedOffset()).isZero();
            store.updateSubjectLevel("cases-value", "full");
            store.deleteSubject("cases-value", false);
            store.deleteSubject("cases-value", true);
        }
        List<String[]> records = readAll(topic);
        assertThat(records)
                .containsExactly(
                        new String[] {
                            "{\"keytype\":\"SCHEMA\",\"subject\":\"cases-value\",\"version\":1,\"magic\":1}",
                            "{\"subject\":\"cases-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":false}"
                        },
                        new String[] {
                            "{\"keytype\":\"CONFIG\",\"subject\":\"cases-value\",\"magic\":0}",
                            "{\"compatibilityLevel\":\"FULL\",\"subject\":\"cases-value\"}"
                        },
                        new String[] {
                            "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"cases-value\",\"magic\":0}",
                            "{\"subject\":\"cases-value\",\"version\":1}"
                        },
                        new String[] {
                            "{\"keytype\":\"SCHEMA\",\"subject\":\"cases-value\",\"version\":1,\"magic\":1}", null
                        },
                        new String[] {"{\"keytype\":\"CONFIG\",\"subject\":\"cases-value\",\"magic\":0}", null});
    }

    @Test
    void replaysRecordsWrittenByOthersKeepingTheFirstAndSkippingWhatItCannotRead() throws Exception {
        String topic = newTopic();
        create(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")));
        produce(
                topic,
                "{\"keytype\":\"NOOP\",\"magic\":0}",
                null,
                "{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"t-value\",\"version\":1,\"id\":100001,\"md5\":\"x\",\"references\":[],\"schema\":\"\\\"string\\\"\",\"deleted\":false}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"t-value\",\"version\":1,\"id\":100002,\"schema\":\"\\\"int\\\"\",\"deleted\":false}",
                "not json at all",
                "{}",
                "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".ctx\"}",
                "{}",
                "{\"keytype\":\"CONFIG\",\"magic\":0}",
                "{\"compatibilityLevel\":\"NONE\"}");
        try (KafkaStore kafkaStore = start(topic)) {
            SchemaStore store = kafkaStore.store();
            assertThat(store.version("t-value", "1", false).id()).isEqualTo(100001);
            assertThat(store.versions("t-value", VersionFilter.INCLUDE_DELETED, false))
                    .containsExactly(1);
            assertThat(store.globalLevel()).isEqualTo(CompatibilityLevel.NONE);
            assertThat(store.ignoredRecords()).isEqualTo(2);
            assertThat(store.register("u-value", SchemaRequest.of("\"long\"")).id())
                    .isEqualTo(100002);
        }
    }

    @Test
    void becomesReadySoonAfterALateBrokerBecomesReachable() throws Exception {
        String broker = KafkaFixture.bootstrapServers();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // Nothing listens on the port yet: the store keeps trying until its init timeout.
        CompletableFuture<KafkaStore> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return KafkaStore.start(settings("127.0.0.1:" + port, newTopic()));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !starting.isDone());
        // The "broker" appears: a relay to the real one, which then advertises its own address.
        try (TcpRelay ignored = new TcpRelay(port, broker)) {
            await().atMost(Duration.ofSeconds(10)).until(starting::isDone);
            try (KafkaStore store = starting.get()) {
                assertThat(store.healthy()).isTrue();
            }
        }
    }

    private static void create(NewTopic topic) {
        KafkaFixture.withAdmin(admin -> {
            try {
                return admin.createTopics(Set.of(topic)).all().get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void produce(String topic, String... keysAndValues) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                producer.send(new ProducerRecord<>(topic, keysAndValues[i], keysAndValues[i + 1]))
                        .get();
            }
        }
    }

    private static List<String[]> readAll(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String[]> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    records.add(new String[] {text(record.key()), text(record.value())});
                }
                return consumer.position(partition) >= end;
            });
            return records;
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
