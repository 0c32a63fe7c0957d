package org.crossdesk.bench.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;

/**
 * Routing against Kafka itself, measured in the same run on the same broker with the same clients.
 *
 * <ul>
 *   <li><b>Latency at a fixed rate</b>: {@code ReferralSubmitted} written to the lifecycle topic as intake
 *       does (acks=all, idempotent) at {@code --rate} per second; the clock stops when the alert is readable
 *       (read_committed) in the recipient's inbox. Two baselines: the same bytes at the same rate through a
 *       plain topic, produce to read_committed consume, i.e. Kafka's own end-to-end latency; and Kafka's own
 *       exactly-once read-process-write loop between two plain topics ({@link TransactionalCopy}), the
 *       least an exactly-once hop costs on this broker. Latencies count from each record's scheduled send
 *       time, so a stall is not hidden (no coordinated omission).</li>
 *   <li><b>Throughput</b>: a burst of {@code --burst} referrals written as fast as possible; routed
 *       referrals/s = burst / (last alert readable - first write). Baselines: the same burst through the plain
 *       topic and through the exactly-once copy.</li>
 * </ul>
 *
 * <p>Needs Kafka, the registry and the routing service running with the demo directory (the example
 * fugitive referral of {@code ExampleEvents} goes from FR-BNRF to DE-BKA and ES-CNP; the inbox of DE-BKA is
 * watched). The baseline topic is a scratch topic outside the Crossdesk catalogue, created if missing.
 *
 * <p>On a secured stack every client (the baselines' too, so they pay the same SASL and ACL checks) authenticates
 * as the cluster's admin, and the serializer with the admin's registry basic auth: the credential is read from the
 * running stack's data directory, {@code --data-dir} or {@code <--home>/.crossdesk/data} ({@link BenchStack});
 * without it there, plaintext.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.crossdesk.bench.routing.RoutingBench \
 *     [--bootstrap 127.0.0.1:9092] [--registry http://127.0.0.1:8081] [--rate 1000] [--seconds 30]
 *     [--warmup 10] [--burst 20000] [--baseline-topic bench.e2e-baseline] [--home .] [--data-dir DIR]
 * </pre>
 */
public final class RoutingBench {

    private static final String WATCHED_DESK = "DE-BKA";

    private final String bootstrap;
    private final String registry;
    private final BenchStack access;

    private RoutingBench(String bootstrap, String registry, BenchStack access) {
        this.bootstrap = bootstrap;
        this.registry = registry;
        this.access = access;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        RoutingBench bench = new RoutingBench(
                options.getOrDefault("bootstrap", "127.0.0.1:9092"),
                options.getOrDefault("registry", "http://127.0.0.1:8081"),
                BenchStack.fromOptions(options));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int burst = Integer.parseInt(options.getOrDefault("burst", "20000"));
        String baselineTopic = options.getOrDefault("baseline-topic", "bench.e2e-baseline");
        String copyTopic = baselineTopic + ".eos-copy";
        bench.ensureBaselineTopic(baselineTopic);
        bench.ensureBaselineTopic(copyTopic);
        String inbox = Topics.deskInboxName(WATCHED_DESK);

        System.out.printf(
                "Routing benchmark %s, rate %d/s, %d s measured after %d s warm-up, burst %d%n",
                Instant.now(), rate, seconds, warmup, burst);
        System.out.println("stack: " + bench.access.describe());
        // Interleave so that a change of load on the shared machine hits all three: baselines, routing, twice.
        List<Result> results = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            results.add(bench.latency(
                    "kafka e2e (baseline) #" + round, baselineTopic, baselineTopic, rate, warmup, seconds));
            try (TransactionalCopy copy =
                    new TransactionalCopy(bench.access.kafka(bench.bootstrap), baselineTopic, copyTopic)) {
                results.add(bench.latency(
                        "kafka exactly-once copy #" + round, baselineTopic, copyTopic, rate, warmup, seconds));
            }
            results.add(bench.latency(
                    "routing submit->inbox #" + round, Topics.REFERRALS_LIFECYCLE, inbox, rate, warmup, seconds));
        }
        Throughput rawBurst = bench.throughput("kafka e2e (baseline)", baselineTopic, baselineTopic, burst);
        Throughput copyBurst;
        try (TransactionalCopy copy =
                new TransactionalCopy(bench.access.kafka(bench.bootstrap), baselineTopic, copyTopic)) {
            copyBurst = bench.throughput("kafka exactly-once copy", baselineTopic, copyTopic, burst);
        }
        Throughput routedBurst = bench.throughput("routing", Topics.REFERRALS_LIFECYCLE, inbox, burst);

        System.out.println();
        System.out.printf(
                "%-28s %8s %8s %8s %8s %8s %8s%n", "latency (ms)", "count", "p50", "p90", "p99", "p99.9", "max");
        for (Result result : results) {
            Histogram h = result.histogram();
            System.out.printf(
                    "%-28s %8d %8.2f %8.2f %8.2f %8.2f %8.2f%n",
                    result.name(),
                    h.getTotalCount(),
                    ms(h.getValueAtPercentile(50)),
                    ms(h.getValueAtPercentile(90)),
                    ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)),
                    ms(h.getMaxValue()));
        }
        for (int round = 0; round < 2; round++) {
            Histogram base = results.get(3 * round).histogram();
            Histogram copy = results.get(3 * round + 1).histogram();
            Histogram routing = results.get(3 * round + 2).histogram();
            System.out.printf(
                    "round %d: routing/e2e p50 %.2fx, p99 %.2fx; routing/exactly-once copy p50 %.2fx, p99 %.2fx%n",
                    round + 1,
                    ratio(routing, base, 50),
                    ratio(routing, base, 99),
                    ratio(routing, copy, 50),
                    ratio(routing, copy, 99));
        }
        System.out.println();
        System.out.printf("%-28s %10s %12s%n", "throughput (burst)", "records", "records/s");
        for (Throughput t : List.of(rawBurst, copyBurst, routedBurst)) {
            System.out.printf("%-28s %10d %12.0f%n", t.name(), t.count(), t.perSecond());
        }
        System.out.printf(
                "routing/e2e throughput %.2fx, routing/exactly-once copy %.2fx%n",
                routedBurst.perSecond() / rawBurst.perSecond(), routedBurst.perSecond() / copyBurst.perSecond());
    }

    private record Result(String name, Histogram histogram) {}

    private record Throughput(String name, long count, double perSecond) {}

    /** Latency of {@code rate} records per second written to {@code input} until readable on {@code output}. */
    private Result latency(String name, String input, String output, int rate, int warmupSeconds, int seconds)
            throws Exception {
        String run = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
        int total = rate * (warmupSeconds + seconds);
        long[] scheduled = new long[total];
        // Auto-resizing: on an overloaded machine latencies can exceed any bound picked in advance.
        Histogram histogram = new Histogram(3);
        AtomicLong received = new AtomicLong();
        int firstMeasured = rate * warmupSeconds;
        try (Watcher watcher = new Watcher(output, run, key -> {
            int index = Integer.parseInt(key.substring(run.length()));
            if (index >= firstMeasured) {
                histogram.recordValue(Math.max(0, System.nanoTime() - scheduled[index]));
            }
            received.incrementAndGet();
        })) {
            try (Sender sender = new Sender(input)) {
                long start = System.nanoTime() + 50_000_000L;
                for (int i = 0; i < total; i++) {
                    scheduled[i] = start + (long) i * 1_000_000_000L / rate;
                    // Parked, not spinning: a spinning sender takes one of the machine's two cores from the broker and
                    // the service under test. A late wake-up costs nothing in fairness, as latency counts from the
                    // scheduled time.
                    for (long wait = scheduled[i] - System.nanoTime();
                            wait > 0;
                            wait = scheduled[i] - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    sender.send(run + i);
                }
                sender.flush();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (received.get() < total) {
                System.out.printf("WARNING %s: only %d of %d records arrived%n", name, received.get(), total);
            }
        }
        System.out.printf("%s: done (%d records)%n", name, total);
        return new Result(name, histogram);
    }

    private Throughput throughput(String name, String input, String output, int count) throws Exception {
        String run = "BURST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
        AtomicLong received = new AtomicLong();
        AtomicLong last = new AtomicLong();
        try (Watcher watcher = new Watcher(output, run, key -> {
            received.incrementAndGet();
            last.set(System.nanoTime());
        })) {
            long first;
            try (Sender sender = new Sender(input)) {
                first = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    sender.send(run + i);
                }
                sender.flush();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (received.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (last.get() - first) / 1e9;
            System.out.printf("%s burst: %d of %d in %.2f s%n", name, received.get(), count, seconds);
            return new Throughput(name, received.get(), received.get() / seconds);
        }
    }

    /** Writes the example referral as intake does: acks=all, idempotent, linger 2 ms (platform settings). */
    private final class Sender implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;
        private final String topic;
        private final byte[] template;
        private final ReferralSubmission submission = ExampleEvents.fugitiveSubmission();
        private final KafkaAvroSerializer serializer = new KafkaAvroSerializer();

        Sender(String topic) {
            this.topic = topic;
            Map<String, Object> config = access.kafka(bootstrap);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer = new KafkaProducer<>(config);
            Map<String, Object> serde = access.registry(registry);
            serde.put("auto.register.schemas", true);
            serializer.configure(serde, false);
            template = serializer.serialize(Topics.REFERRALS_LIFECYCLE, event("TEMPLATE"));
        }

        void send(String referralId) {
            // The routed input must carry its own id; the baseline carries bytes of the same size.
            byte[] value = topic.equals(Topics.REFERRALS_LIFECYCLE)
                    ? serializer.serialize(topic, event(referralId))
                    : template;
            producer.send(new ProducerRecord<>(topic, referralId, value));
        }

        private ReferralEvent event(String referralId) {
            return ReferralEvent.newBuilder()
                    .setMetadata(EventMetadata.newBuilder()
                            .setEventId(UUID.randomUUID().toString())
                            .setOccurredAt(Instant.now())
                            .setProducer("bench")
                            .setCorrelationId(referralId)
                            .setCausationId(null)
                            .build())
                    .setEvent(ReferralSubmitted.newBuilder()
                            .setReferralId(referralId)
                            .setSubmission(ReferralSubmission.newBuilder(submission)
                                    .setDeskReference(referralId)
                                    .build())
                            .setReceivedFromTopic(Topics.deskOutboxName(submission.getIssuingDesk()))
                            .build())
                    .build();
        }

        void flush() {
            producer.flush();
        }

        @Override
        public void close() {
            producer.close();
            serializer.close();
        }
    }

    /** Reads {@code topic} from its current end (read_committed) and reports each new key of this run once. */
    private final class Watcher implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        Watcher(String topic, String run, Consumer<String> onFirst) throws InterruptedException {
            Map<String, Object> config = access.kafka(bootstrap);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            KafkaConsumer<String, byte[]> consumer =
                    new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
            assignAtEnd(consumer, topic);
            thread = new Thread(
                    () -> {
                        try (consumer) {
                            while (running.get()) {
                                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                                    if (record.key() != null
                                            && record.key().startsWith(run)
                                            && seen.add(record.key())) {
                                        onFirst.accept(record.key());
                                    }
                                }
                            }
                        }
                    },
                    "bench-watcher");
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    /**
     * Assigns every partition of {@code topic} and moves to its end. A topic created a moment ago may not be in
     * the broker's metadata yet: an empty assignment would silently measure nothing (it did, on a fresh
     * broker), so this waits up to 30 s for the topic to be known. Closes the consumer if it never is.
     */
    static void assignAtEnd(KafkaConsumer<?, ?> consumer, String topic) throws InterruptedException {
        List<TopicPartition> partitions = List.of();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.isEmpty()) {
            partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                if (System.nanoTime() > until) {
                    consumer.close();
                    throw new IllegalStateException("The broker does not know " + topic + " after 30 s");
                }
                Thread.sleep(100);
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    private void ensureBaselineTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(access.kafka(bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                // As many partitions as the lifecycle topic the routed records go through.
                admin.createTopics(
                                List.of(new NewTopic(topic, Topics.REFERRALS_LIFECYCLE_TOPIC.partitions(), (short) 1)))
                        .all()
                        .get();
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double ratio(Histogram a, Histogram b, double percentile) {
        return (double) a.getValueAtPercentile(percentile) / Math.max(1, b.getValueAtPercentile(percentile));
    }
}
