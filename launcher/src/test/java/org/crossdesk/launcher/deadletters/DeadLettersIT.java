package org.crossdesk.launcher.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.crossdesk.access.CatalogueTopics;
import org.crossdesk.events.DeadLetterHeaders;
import org.crossdesk.events.Topics;
import org.crossdesk.launcher.FreePorts;
import org.crossdesk.launcher.access.StackAccess;
import org.crossdesk.launcher.broker.BrokerSettings;
import org.crossdesk.launcher.broker.KafkaBroker;
import org.crossdesk.launcher.process.Supervisor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./crossdesk dead-letters} against a real, secured broker started as the launcher starts it (SASL/SCRAM, ACLs,
 * the admin's secret in the state directory, which is all the command is told): dead letters written with the
 * headers the platform's recoverer writes are listed, shown without their values, redriven once each and read back
 * from their original topic; an old dead-letter topic kept forever is bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersIT {

    private static final Path KAFKA_LIB = Path.of("target", "kafka-lib");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String DESK = "FR-OCRTIS";
    private static final String OUTBOX = Topics.deskOutboxName(DESK);
    private static final String OUTBOX_DLT = Topics.deskOutbox(DESK).deadLetterName();
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @TempDir
    static Path state;

    private KafkaBroker broker;
    private Map<String, Object> admin;

    @BeforeAll
    void startASecuredBroker() {
        StackAccess access = new StackAccess(state.resolve("data").resolve("secrets"));
        BrokerSettings settings = BrokerSettings.local(
                        FreePorts.next(),
                        FreePorts.next(),
                        state.resolve("data").resolve("kafka"))
                .secured(access.brokerSecrets());
        Supervisor supervisor = new Supervisor(state.resolve("run"), state.resolve("logs"));
        broker = KafkaBroker.start(settings, KAFKA_LIB, state.resolve("run"), supervisor, START_TIMEOUT);
        admin = access.adminClientSettings(broker.bootstrapServers());
    }

    @AfterAll
    void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void deadLettersAreListedShownWithoutTheirValuesAndEachRedrivenOnceToTheirTopic() throws Exception {
        createTopics(CatalogueTopics.desk(DESK, (short) 1));
        byte[] value = "synthetic: Jane Example, born 1980-01-01".getBytes(StandardCharsets.UTF_8);
        RecordMetadata original;
        RecordMetadata secondOriginal;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            original = producer.send(new ProducerRecord<>(OUTBOX, bytes("FR-OCRTIS/2026-0001"), value))
                    .get();
            secondOriginal = producer.send(new ProducerRecord<>(OUTBOX, bytes("FR-OCRTIS/2026-0001"), value))
                    .get();
            // What the platform's recoverer writes for each: same partition, original bytes, origin and cause.
            producer.send(deadLetter(original, value)).get();
            producer.send(deadLetter(secondOriginal, value)).get();
        }
        int partition = original.partition();

        String list = run("list").out;
        assertThat(list)
                .containsPattern(OUTBOX_DLT.replace(".", "\\.") + " +2 +2 +\\S+ +\\S+ +7 days\n")
                .contains("2 dead letter(s) waiting");

        Run show = run("show", OUTBOX_DLT);
        assertThat(show.code).isZero();
        assertThat(show.out)
                .contains(OUTBOX_DLT + "-" + partition + "@0  ")
                .contains("waiting")
                .contains("  key         FR-OCRTIS/2026-0001\n")
                .contains("  value       " + value.length + " bytes (not shown")
                .contains("  from        " + OUTBOX + "-" + partition + "@" + original.offset())
                .contains("read by group intake")
                .contains("  root cause  org.crossdesk.platform.kafka.UnusableRecordException: unknown officer\n")
                .contains("traceparent=" + TRACEPARENT)
                .doesNotContain("Jane");
        assertThat(show.err).contains("as admin");

        Run one = run("redrive", OUTBOX_DLT, "--partition", Integer.toString(partition), "--offset", "0");
        long redrivenOffset = secondOriginal.offset() + 1;
        assertThat(one.out)
                .isEqualTo("redriven " + OUTBOX_DLT + "-" + partition + "@0 -> " + OUTBOX + "-" + partition + "@"
                        + redrivenOffset + "  key FR-OCRTIS/2026-0001, " + value.length + " bytes\n");

        ConsumerRecord<byte[], byte[]> back = readAt(new TopicPartition(OUTBOX, partition), redrivenOffset);
        assertThat(back.key()).isEqualTo(bytes("FR-OCRTIS/2026-0001"));
        assertThat(back.value()).isEqualTo(value);
        assertThat(back.timestamp()).as("the original time").isEqualTo(original.timestamp());
        assertThat(back.headers().toArray())
                .extracting(Header::key)
                .containsExactly("traceparent", DeadLetterHeaders.REDRIVEN_FROM);
        assertThat(text(back.headers().lastHeader(DeadLetterHeaders.REDRIVEN_FROM)))
                .isEqualTo(OUTBOX_DLT + "-" + partition + "@0");

        assertThat(run("list").out).containsPattern(OUTBOX_DLT.replace(".", "\\.") + " +2 +1 ");
        assertThat(run("show", OUTBOX_DLT).out).contains("@0  ", "  redriven\n", "@1  ", "  waiting\n");

        // --all offers what is still waiting, the second dead letter only, and a second run nothing.
        Run all = run("redrive", OUTBOX_DLT, "--all");
        assertThat(all.out)
                .contains("redriven " + OUTBOX_DLT + "-" + partition + "@1 -> ")
                .doesNotContain("@0 -> ")
                .endsWith("1 redriven from " + OUTBOX_DLT + "; each consumer decides again.\n");
        assertThat(run("redrive", OUTBOX_DLT, "--all").out).isEqualTo("Nothing waiting in " + OUTBOX_DLT + ".\n");
        assertThat(run("list").out).containsPattern(OUTBOX_DLT.replace(".", "\\.") + " +2 +0 ");

        Run missing = run("redrive", OUTBOX_DLT, "--partition", Integer.toString(partition), "--offset", "99");
        assertThat(missing.code).isEqualTo(1);
        assertThat(missing.err).contains("no dead letter at " + OUTBOX_DLT + "-" + partition + "@99");
    }

    @Test
    void aDeadLetterTopicMadeToKeepRecordsForeverIsBoundedOnlyWhenAsked() throws Exception {
        // As every installation made them before decision 0012.
        String lifecycleDlt = Topics.REFERRALS_LIFECYCLE_TOPIC.deadLetterName();
        createTopics(List.of(new NewTopic(lifecycleDlt, 1, (short) 1).configs(Map.of("retention.ms", "-1"))));

        // Names are padded to the longest dead-letter topic's.
        String line = lifecycleDlt.replace(".", "\\.") + " +";
        assertThat(run("retention").out)
                .containsPattern(line + "forever -> 14 days  \\(retention --apply sets it\\)\n");
        assertThat(retentionMs(lifecycleDlt)).isEqualTo("-1");

        assertThat(run("retention", "--apply").out).containsPattern(line + "forever -> 14 days  \\(set\\)\n");
        assertThat(retentionMs(lifecycleDlt))
                .isEqualTo(Long.toString(Duration.ofDays(14).toMillis()));
        assertThat(run("retention").out).containsPattern(line + "14 days  \\(within the catalogue's 14 days\\)\n");
    }

    private ProducerRecord<byte[], byte[]> deadLetter(RecordMetadata original, byte[] value) {
        List<Header> headers = new ArrayList<>();
        headers.add(new RecordHeader("traceparent", bytes(TRACEPARENT)));
        headers.add(new RecordHeader(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(OUTBOX)));
        headers.add(new RecordHeader(
                DeadLetterHeaders.ORIGINAL_PARTITION,
                ByteBuffer.allocate(4).putInt(original.partition()).array()));
        headers.add(new RecordHeader(
                DeadLetterHeaders.ORIGINAL_OFFSET,
                ByteBuffer.allocate(8).putLong(original.offset()).array()));
        headers.add(new RecordHeader(
                DeadLetterHeaders.ORIGINAL_TIMESTAMP,
                ByteBuffer.allocate(8).putLong(original.timestamp()).array()));
        headers.add(new RecordHeader(DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP, bytes("intake")));
        headers.add(new RecordHeader(
                DeadLetterHeaders.EXCEPTION_FQCN,
                bytes("org.springframework.kafka.listener.ListenerExecutionFailedException")));
        headers.add(new RecordHeader(DeadLetterHeaders.EXCEPTION_MESSAGE, bytes("Listener failed")));
        headers.add(new RecordHeader(DeadLetterHeaders.EXCEPTION_STACKTRACE, bytes("at ...")));
        headers.add(new RecordHeader(
                DeadLetterHeaders.ROOT_CAUSE,
                bytes("org.crossdesk.platform.kafka.UnusableRecordException: unknown officer")));
        return new ProducerRecord<>(
                OUTBOX_DLT, original.partition(), original.timestamp(), bytes("FR-OCRTIS/2026-0001"), value, headers);
    }

    private record Run(int code, String out, String err) {}

    /** The command as {@code ./crossdesk dead-letters ...} runs it, told only the broker and the state directory. */
    private Run run(String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of("--bootstrap-servers", broker.bootstrapServers(), "--state-dir", state.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DeadLetters.run(
                line, state, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private void createTopics(List<NewTopic> topics) throws Exception {
        try (Admin client = Admin.create(admin)) {
            client.createTopics(topics).all().get();
        }
    }

    private String retentionMs(String topic) throws Exception {
        try (Admin client = Admin.create(admin)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return client.describeConfigs(List.of(resource))
                    .all()
                    .get()
                    .get(resource)
                    .get("retention.ms")
                    .value();
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> settings = new HashMap<>(admin);
        settings.put("acks", "all");
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private ConsumerRecord<byte[], byte[]> readAt(TopicPartition partition, long offset) {
        Map<String, Object> settings = new HashMap<>(admin);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).records(partition).forEach(records::add);
                return !records.isEmpty();
            });
            return records.get(0);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
