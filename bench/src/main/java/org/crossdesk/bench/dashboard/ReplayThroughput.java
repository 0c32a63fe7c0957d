package org.crossdesk.bench.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.bench.standin.StandInRegistry;
import org.crossdesk.schemaregistry.client.CachedSchemaRegistryClient;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;

/**
 * Replay throughput of the dashboard's view building against Kafka's raw consumer, in the same run.
 *
 * <ol>
 *   <li>Preloads the dashboard's source topics with realistic referral traffic until they hold
 *       {@code --events} records (skipped when they already do).</li>
 *   <li>Baseline: a plain {@code KafkaConsumer} of bytes reads every partition of the same topics from the
 *       beginning to the end ({@link RawReplay}).</li>
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
 *     [--registry http://127.0.0.1:8081] [--events 1000000] [--rounds 1]
 * </pre>
 * Without {@code --registry} an in-process stand-in registry serves the schemas (the dashboard fetches each
 * schema once, so the registry does not enter the figures).
 */
public final class ReplayThroughput {

  private ReplayThroughput() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String bootstrap = required(options, "bootstrap");
    Path jar = Path.of(required(options, "dashboard-jar"));
    long events = Long.parseLong(options.getOrDefault("events", "1000000"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
    List<String> jvm = List.of(options.getOrDefault("dashboard-jvm", "-Xmx1g").split(" "));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("No dashboard jar at " + jar + ": build it with "
          + "mvn -q -pl services/dashboard -am package -DskipTests");
    }
    StandInRegistry standIn = options.containsKey("registry") ? null : StandInRegistry.start();
    String registry = standIn == null ? options.get("registry") : standIn.url();
    try {
      System.out.printf("Broker %s, registry %s%s, dashboard %s%n", bootstrap, registry,
          standIn == null ? "" : " (stand-in)", jar);
      registerSchemas(registry);
      preload(bootstrap, registry, events);

      List<RawReplay.Result> raws = new ArrayList<>();
      List<Double> dashboards = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        raws.add(raw(bootstrap, "raw consumer"));
        Path log = Files.createTempFile("dashboard-replay-", ".log");
        try (DashboardProcess dashboard = DashboardProcess.start(jar, bootstrap, registry, jvm, log)) {
          JsonNode status = dashboard.awaitCaughtUp(Duration.ofMinutes(20));
          double rate = status.path("catchUpRecordsPerSecond").asDouble();
          long applied = status.path("applied").asLong();
          long unusable = status.path("unusable").asLong();
          Duration took = Duration.between(Instant.parse(status.path("startedAt").asText()),
              Instant.parse(status.path("caughtUpAt").asText()));
          System.out.printf("  dashboard replay: %,d records applied (%,d unusable) in %,d ms = %,.0f records/s (log %s)%n",
              applied, unusable, took.toMillis(), rate, log);
          if (unusable > 0) {
            System.out.println("  WARNING: the dashboard could not read " + unusable + " records: "
                + status.path("recentProblems"));
          }
          dashboards.add(rate);
        }
        raws.add(raw(bootstrap, "raw consumer (again)"));
      }
      double bestRaw = raws.stream().mapToDouble(RawReplay.Result::recordsPerSecond).max().orElseThrow();
      double meanRaw = raws.stream().mapToDouble(RawReplay.Result::recordsPerSecond).average().orElseThrow();
      double bestDashboard = dashboards.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      System.out.printf("%nRESULT raw consumer: best %,.0f, mean %,.0f records/s; dashboard replay: best %,.0f records/s;"
          + " ratio dashboard / best raw = %.2f (dashboard / mean raw = %.2f); goal >= 0.50%n",
          bestRaw, meanRaw, bestDashboard, bestDashboard / bestRaw, bestDashboard / meanRaw);
    } finally {
      if (standIn != null) {
        standIn.close();
      }
    }
  }

  private static RawReplay.Result raw(String bootstrap, String label) {
    RawReplay.Result result = RawReplay.run(bootstrap, StoryLoad.topics().stream().map(t -> t.name()).toList());
    System.out.printf("  %s: %,d records (%,d MB) in %,d ms = %,.0f records/s%n", label, result.records(),
        result.bytes() / 1_000_000, result.took().toMillis(), result.recordsPerSecond());
    return result;
  }

  private static void preload(String bootstrap, String registry, long events) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
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
    long present = recordsOn(bootstrap);
    if (present >= events) {
      System.out.printf("Topics already hold %,d records (>= %,d): no preload%n", present, events);
      return;
    }
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
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
    System.out.printf("Preloaded %,d events in %,d ms%n", events - present, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Registers the value schema of every source topic, always in the same order: the in-memory stand-in then
   * hands out the same ids in every run, so topics preloaded by an earlier run stay readable. Idempotent on a
   * real registry.
   */
  private static void registerSchemas(String registry) throws Exception {
    CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(registry, 10);
    for (org.crossdesk.events.Topic<String, ?> topic : StoryLoad.topics()) {
      org.apache.avro.Schema schema = (org.apache.avro.Schema) topic.valueType().getField("SCHEMA$").get(null);
      client.register(topic.name() + "-value", schema);
    }
  }

  private static KafkaAvroSerializer serializer(Map<String, Object> config) {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    return serializer;
  }

  private static long recordsOn(String bootstrap) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (org.crossdesk.events.Topic<String, ?> topic : StoryLoad.topics()) {
        consumer.partitionsFor(topic.name()).forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
      }
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      return consumer.endOffsets(partitions).entrySet().stream()
          .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
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
