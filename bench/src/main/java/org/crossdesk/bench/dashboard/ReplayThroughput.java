package org.crossdesk.bench.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.bench.standin.StandInRegistry;
import org.crossdesk.events.Topic;
import org.crossdesk.schemaregistry.client.CachedSchemaRegistryClient;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;

/**
 * Replay throughput of the dashboard's view building against Kafka's raw consumer, in the same run.
 *
 * <ol>
 *   <li>Preloads the dashboard's source topics with realistic referral traffic until they hold
 *       {@code --events} records (skipped when they already do).</li>
 *   <li>Baseline: a plain {@code KafkaConsumer} of bytes reads every partition of the same topics from the
 *       beginning to the end ({@link RawReplay}), in a fresh JVM with the dashboard's JVM options, since the
 *       dashboard's replay also runs in a fresh JVM.</li>
 *   <li>Starts the dashboard's runnable jar against the same broker and registry and reads its replay status
 *       over HTTP until it has caught up; its own figure is records applied per second between its first
 *       {@code assign()} and the moment it passed every end offset (decode with the registry serde + apply
 *       to every view).</li>
 *   <li>The baseline again, to bracket machine noise. Ratio = dashboard / best raw run.</li>
 * </ol>
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.crossdesk.bench.dashboard.ReplayThroughput \
 *     --bootstrap 127.0.0.1:9092 \
 *     --dashboard-jar services/dashboard/target/dashboard-0.1.0-SNAPSHOT-exec.jar \
 *     [--registry http://127.0.0.1:8081] [--events 1000000] [--rounds 1] [--home .] [--data-dir DIR]
 * </pre>
 * Without {@code --registry} an in-process stand-in registry serves the schemas (the dashboard fetches each
 * schema once, so the registry does not enter the figures).
 *
 * <p>On a secured stack (the admin's secret in {@code --data-dir}, default {@code <--home>/.crossdesk/data};
 * {@link BenchStack}) the preload and the raw consumer authenticate as the cluster's admin, the registry clients
 * with the admin's basic auth, and the dashboard as its own principal ({@code svc-dashboard}), as the launcher
 * starts it; plaintext otherwise.
 */
public final class ReplayThroughput {

    private ReplayThroughput() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String bootstrap = required(options, "bootstrap");
        Path jar = Path.of(required(options, "dashboard-jar"));
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
        List<String> jvm =
                List.of(options.getOrDefault("dashboard-jvm", "-Xmx1g").split(" "));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No dashboard jar at " + jar + ": build it with "
                    + "mvn -q -pl services/dashboard -am package -DskipTests");
        }
        BenchStack access = BenchStack.fromOptions(options);
        StandInRegistry standIn = options.containsKey("registry") ? null : StandInRegistry.start();
        String registry = standIn == null ? options.get("registry") : standIn.url();
        // The raw consumer runs in a JVM of its own: it reads the admin's settings from this file.
        Path clientProperties = access.writeClientProperties(bootstrap);
        try {
            System.out.printf(
                    "Broker %s, registry %s%s, dashboard %s%n",
                    bootstrap, registry, standIn == null ? "" : " (stand-in)", jar);
            System.out.println("stack: " + access.describe());
            registerSchemas(access, registry);
            preload(access, bootstrap, registry, events);

            List<RawReplay.Result> raws = new ArrayList<>();
            List<Double> dashboards = new ArrayList<>();
            List<Double> dashboardCpu = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                raws.add(raw(clientProperties, "raw consumer", jvm));
                Path log = Files.createTempFile("dashboard-replay-", ".log");
                try (DashboardProcess dashboard = DashboardProcess.start(jar, bootstrap, registry, access, jvm, log)) {
                    JsonNode status = dashboard.awaitCaughtUp(Duration.ofMinutes(20));
                    double rate = status.path("catchUpRecordsPerSecond").asDouble();
                    double cpu = status.path("catchUpCpuMicrosPerRecord").asDouble();
                    long applied = status.path("applied").asLong();
                    long unusable = status.path("unusable").asLong();
                    Duration took = Duration.between(
                            Instant.parse(status.path("startedAt").asText()),
                            Instant.parse(status.path("caughtUpAt").asText()));
                    System.out.printf(
                            "  dashboard replay: %,d records applied (%,d unusable) in %,d ms = %,.0f records/s,"
                                    + " %.2f µs CPU/record (log %s)%n",
                            applied, unusable, took.toMillis(), rate, cpu, log);
                    if (unusable > 0) {
                        System.out.println("  WARNING: the dashboard could not read " + unusable + " records: "
                                + status.path("recentProblems"));
                    }
                    dashboards.add(rate);
                    dashboardCpu.add(cpu);
                }
                raws.add(raw(clientProperties, "raw consumer (again)", jvm));
            }
            double bestRaw = raws.stream()
                    .mapToDouble(RawReplay.Result::recordsPerSecond)
                    .max()
                    .orElseThrow();
            double meanRaw = raws.stream()
                    .mapToDouble(RawReplay.Result::recordsPerSecond)
                    .average()
                    .orElseThrow();
            double bestDashboard =
                    dashboards.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double rawCpu = raws.stream()
                    .mapToDouble(RawReplay.Result::cpuMicrosPerRecord)
                    .min()
                    .orElseThrow();
            double bestDashboardCpu =
                    dashboardCpu.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            System.out.printf(
                    "%nRESULT wall clock: raw consumer best %,.0f, mean %,.0f records/s; dashboard replay best %,.0f"
                            + " records/s; ratio dashboard / best raw = %.2f (/ mean raw = %.2f); goal >= 0.50%n",
                    bestRaw, meanRaw, bestDashboard, bestDashboard / bestRaw, bestDashboard / meanRaw);
            System.out.printf(
                    "RESULT CPU of the consuming thread: raw %.2f µs/record, dashboard %.2f µs/record;"
                            + " throughput ratio if CPU-bound = %.2f%n",
                    rawCpu, bestDashboardCpu, rawCpu / bestDashboardCpu);
            System.out.printf(
                    "Machine load while measuring (1-min load average on %d cores): %.1f%n",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            if (standIn != null) {
                standIn.close();
            }
        }
    }

    /** The baseline in a fresh JVM with the dashboard's JVM options: both replays start cold. */
    private static RawReplay.Result raw(Path clientProperties, String label, List<String> jvm) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"), RawReplay.class.getName(), clientProperties.toString()));
        StoryLoad.topics().forEach(topic -> command.add(topic.name()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String line = null;
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                if (l.startsWith("RAW ")) {
                    line = l;
                }
            }
        }
        if (process.waitFor() != 0 || line == null) {
            throw new IllegalStateException("The raw consumer run failed (exit " + process.exitValue() + ")");
        }
        String[] parts = line.split(" ");
        RawReplay.Result result = new RawReplay.Result(
                Long.parseLong(parts[1]),
                Long.parseLong(parts[2]),
                Duration.ofNanos(Long.parseLong(parts[3])),
                Long.parseLong(parts[4]));
        System.out.printf(
                "  %s: %,d records (%,d MB) in %,d ms = %,.0f records/s, %.2f µs CPU/record%n",
                label,
                result.records(),
                result.bytes() / 1_000_000,
                result.took().toMillis(),
                result.recordsPerSecond(),
                result.cpuMicrosPerRecord());
        return result;
    }

    private static void preload(BenchStack access, String bootstrap, String registry, long events) throws Exception {
        try (Admin admin = Admin.create(access.kafka(bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            StoryLoad.topics().forEach(topic -> {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) 1));
                }
            });
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
        long present = recordsOn(access.kafka(bootstrap));
        if (present >= events) {
            System.out.printf("Topics already hold %,d records (>= %,d): no preload%n", present, events);
            return;
        }
        Map<String, Object> config = access.kafka(bootstrap);
        config.putAll(access.registryProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put("schema.registry.url", registry);
        config.put("auto.register.schemas", true);
        long start = System.nanoTime();
        try (KafkaProducer<String, Object> producer =
                new KafkaProducer<>(config, new StringSerializer(), serializer(config))) {
            new StoryLoad(42, Instant.now().minus(Duration.ofDays(30)), Duration.ofDays(30))
                    .produce(producer, events - present, "CD-BENCH-" + Long.toString(System.currentTimeMillis(), 36));
        }
        System.out.printf(
                "Preloaded %,d events in %,d ms%n", events - present, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Registers the value schema of every source topic, always in the same order: the in-memory stand-in then
     * hands out the same ids in every run, so topics preloaded by an earlier run stay readable. Idempotent on a
     * real registry.
     */
    private static void registerSchemas(BenchStack access, String registry) throws Exception {
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(registry, 10, access.registryProperties());
        for (Topic<String, ?> topic : StoryLoad.topics()) {
            Schema schema = (Schema) topic.valueType().getField("SCHEMA$").get(null);
            client.register(topic.name() + "-value", schema);
        }
    }

    private static KafkaAvroSerializer serializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    private static long recordsOn(Map<String, Object> config) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<String, ?> topic : StoryLoad.topics()) {
                consumer.partitionsFor(topic.name())
                        .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(e -> e.getValue() - begin.get(e.getKey()))
                    .sum();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name + " (see the class comment for the command line)");
        }
        return value;
    }
}
