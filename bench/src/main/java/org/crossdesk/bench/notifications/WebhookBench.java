package org.crossdesk.bench.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.ConcurrentHistogram;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.bench.BenchOptions;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.bench.report.Charts;
import org.crossdesk.bench.report.ResultFiles;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.launcher.Stack;
import org.crossdesk.launcher.StackOptions;
import org.crossdesk.launcher.services.Service;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;

/**
 * Webhook delivery of the notifications service, measured from outside (Kafka and HTTP only): this harness
 * registers a subscription pointing at its own local receiver (which answers 204 at once and verifies every
 * signature), writes fully populated alerts to a desk's inbox, and times each message from the moment it was due
 * to be written until the receiver got it. Two baselines in the same run:
 *
 * <ul>
 *   <li><b>raw produce→consume</b>: a plain consumer of the same inbox times the same messages, the Kafka part
 *   that no delivery can beat;</li>
 *   <li><b>a plain HTTP client</b> ({@code java.net.http.HttpClient}, HTTP/1.1) POSTing the very bodies the
 *   receiver got from notifications, with the same headers and a fresh HMAC signature computed the same way, to
 *   the same receiver, with the same concurrency as notifications: {@code --concurrency} requests under way per
 *   subscription (notifications' {@code max-in-flight-per-subscription}, 4 by default), times the
 *   subscriptions.</li>
 * </ul>
 *
 * <p>Phases: a warm-up burst of each (not measured); <b>throughput</b>, {@code --count} alerts written at once,
 * deliveries per second at the receiver until the last one, against the plain client POSTing the same number of
 * bodies back to back (goal: webhook ≥ {@value #GOAL}× plain, every delivery signed); <b>latency</b>, alerts at a
 * fixed {@code --rate} for {@code --seconds} after {@code --warmup} seconds, each from its scheduled send (no
 * coordinated omission), and the plain client at the same rate of deliveries, at most the same concurrency in
 * flight, each from its scheduled send (a request waiting for a free slot counts). Table on stdout; JSON, PNG and
 * an HTML page under {@code bench/target/results/webhook-<time>.*}.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.crossdesk.bench.notifications.WebhookBench [--count 5000] [--rate 200]
 *     [--seconds 30] [--warmup 5] [--subscriptions 1] [--concurrency 4] [--desk DE-BKA] [--key demo-DE-BKA]
 *     [--insecure] [--home .]
 *     [--stack running [--bootstrap 127.0.0.1:9092] [--registry http://127.0.0.1:8081]
 *      [--notifications http://127.0.0.1:8084] [--data-dir DIR]]
 * </pre>
 *
 * Without {@code --stack running} it starts its own stack with the launcher's {@link Stack} (fresh data under
 * {@code bench/target/webhook-stack}, free ports, the demo API keys, loopback webhooks allowed as the launcher
 * allows them): the broker, the registry, routing (only to provision the demo desks' topics and ACLs; it gets no
 * load) and notifications, whose {@code max-in-flight-per-subscription} it sets to {@code --concurrency}; secured,
 * or not with {@code --insecure}. With {@code --stack running} (or {@code --bootstrap}) it uses a running stack,
 * which must allow loopback webhooks ({@code crossdesk.notifications.webhooks.allow-private-addresses=true}) and
 * be started with {@code --demo} for the demo key; {@code --concurrency} must then match that service's setting.
 * The producer and the baseline consumer authenticate as the cluster's admin and the serializer with the admin's
 * registry basic auth ({@link BenchStack}); plaintext when the stack is insecure.
 */
public final class WebhookBench {

    /** notifications' default {@code crossdesk.notifications.webhooks.max-in-flight-per-subscription}. */
    static final int SERVICE_IN_FLIGHT_PER_SUBSCRIPTION = 4;
    /** Issue #15: webhook deliveries/s at least half the plain HTTP client's. */
    static final double GOAL = 0.5;

    /** The latency percentiles reported, plotted and written to the JSON, with their names. */
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 100};

    private static final String[] PERCENTILE_LABELS = {"p50", "p90", "p99", "p99.9", "max"};

    /** The percentiles plotted: all but the maximum, the first ones of {@link #PERCENTILES}. */
    private static final double[] PLOTTED = {50, 90, 99, 99.9};

    private static final Pattern REFERRAL = Pattern.compile("\"referralId\":\"([^\"]+)\"");
    private static final String SECRET = "bench-webhook-secret-" + UUID.randomUUID();
    private static final String TIMESTAMP_HEADER = "Crossdesk-Timestamp";
    private static final String SIGNATURE_HEADER = "Crossdesk-Signature";
    /** The headers notifications sends with every delivery and the plain client copies (besides the signature). */
    private static final List<String> COPIED_HEADERS =
            List.of("Crossdesk-Delivery-Id", "Crossdesk-Subscription-Id", "Crossdesk-Message-Kind");

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> consumedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final CountDownLatch baselineReady = new CountDownLatch(1);
    private final BenchStack access;
    private volatile boolean running = true;
    /** What the receiver counts now: one per phase, so that each phase's signatures are counted apart. */
    private volatile Tally tally = new Tally();
    /** Where the receiver keeps what notifications sent, for the plain client to send again; null: not kept. */
    private volatile Queue<Captured> capture;

    private WebhookBench(BenchStack access) {
        this.access = access;
    }

    /** What the receiver saw in one phase. */
    private static final class Tally {
        final AtomicLong deliveries = new AtomicLong();
        final AtomicLong badSignatures = new AtomicLong();
        final AtomicLong missingSignatures = new AtomicLong();
        final AtomicLong lastArrival = new AtomicLong();

        void arrived(long nanos) {
            deliveries.incrementAndGet();
            lastArrival.accumulateAndGet(nanos, Math::max);
        }

        long unsigned() {
            return badSignatures.get() + missingSignatures.get();
        }
    }

    /** One delivery as the receiver got it: where it was POSTed, its headers to copy, its body. */
    private record Captured(String path, Map<String, String> headers, byte[] body) {}

    /** Where the stack is. */
    private record Endpoints(String bootstrap, String registry, String notifications) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        boolean startStack =
                !options.getOrDefault("stack", "start").equals("running") && !options.containsKey("bootstrap");
        if (!startStack && options.containsKey("insecure")) {
            throw new IllegalArgumentException("--insecure starts the benchmark's own stack insecure; a running"
                    + " stack's security is read from its data directory (--data-dir, default <home>/.crossdesk/data)");
        }
        int concurrency = Integer.parseInt(
                options.getOrDefault("concurrency", Integer.toString(SERVICE_IN_FLIGHT_PER_SUBSCRIPTION)));
        Path home = Path.of(options.getOrDefault("home", ".")).toAbsolutePath().normalize();
        if (!startStack) {
            Endpoints endpoints = new Endpoints(
                    options.getOrDefault("bootstrap", "127.0.0.1:9092"),
                    options.getOrDefault("registry", "http://127.0.0.1:8081"),
                    options.getOrDefault("notifications", "http://127.0.0.1:8084"));
            BenchStack access = BenchStack.fromOptions(options);
            System.out.println("stack: running, " + access.describe());
            System.exit(new WebhookBench(access).run(options, endpoints, concurrency, home));
        }
        StackOptions stackOptions = StackOptions.forHome(home)
                .stateDir(home.resolve("bench/target/webhook-stack"))
                .fresh(true)
                // The subscription is made with the desk's published demo API key.
                .demoCredentials(true)
                .insecure(options.containsKey("insecure"))
                // Routing provisions the demo desks' topics and the services' ACLs on them; nothing else runs.
                .only(true, EnumSet.of(Service.SCHEMA_REGISTRY, Service.ROUTING, Service.NOTIFICATIONS))
                .serviceJvmOptions(StackOptions.PEAK_SERVICE_JVM_OPTIONS)
                .onFreePorts()
                // The service's lanes and the plain client's concurrency are the same number by construction.
                .environment(
                        Service.NOTIFICATIONS,
                        "CROSSDESK_NOTIFICATIONS_WEBHOOKS_MAX_IN_FLIGHT_PER_SUBSCRIPTION",
                        Integer.toString(concurrency));
        int status;
        try (Stack stack = Stack.start(stackOptions, line -> System.out.println("[stack] " + line))) {
            BenchStack access = BenchStack.of(stack);
            System.out.println("stack: started, " + access.describe());
            status = new WebhookBench(access)
                    .run(
                            options,
                            new Endpoints(
                                    stack.bootstrapServers(),
                                    stack.schemaRegistryUrl(),
                                    stack.url(Service.NOTIFICATIONS)
                                            .orElseThrow()
                                            .toString()),
                            concurrency,
                            home);
        }
        System.exit(status);
    }

    /** Runs every phase; 0 if every delivery verified, 1 otherwise. */
    private int run(Map<String, String> options, Endpoints endpoints, int concurrency, Path home) throws Exception {
        String desk = options.getOrDefault("desk", "DE-BKA");
        String key = options.getOrDefault("key", "demo-" + desk);
        int count = Integer.parseInt(options.getOrDefault("count", "5000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int subscriptions = Integer.parseInt(options.getOrDefault("subscriptions", "1"));
        // The plain client's requests under way: what notifications allows all the subscriptions together.
        int plainConcurrency = concurrency * subscriptions;
        Topic<String, InboxMessage> inbox = Topics.deskInbox(desk);
        ensureTopic(access.kafka(endpoints.bootstrap()), inbox);

        ExecutorService receiverThreads = Executors.newFixedThreadPool(8);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        receiver.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.nanoTime();
            Tally current = tally;
            String timestamp = exchange.getRequestHeaders().getFirst(TIMESTAMP_HEADER);
            String signature = exchange.getRequestHeaders().getFirst(SIGNATURE_HEADER);
            if (timestamp == null || signature == null) {
                current.missingSignatures.incrementAndGet();
            } else if (!signature.equals(signature(timestamp, body))) {
                current.badSignatures.incrementAndGet();
            }
            Matcher matcher = REFERRAL.matcher(new String(body, StandardCharsets.UTF_8));
            if (matcher.find()) {
                deliveredAt.putIfAbsent(matcher.group(1), now);
            }
            bodyBytes.set(body.length);
            current.arrived(now);
            Queue<Captured> keep = capture;
            if (keep != null) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : COPIED_HEADERS) {
                    String value = exchange.getRequestHeaders().getFirst(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                keep.add(new Captured(exchange.getRequestURI().getPath(), headers, body));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(receiverThreads);
        receiver.start();
        String receiverBase = "http://127.0.0.1:" + receiver.getAddress().getPort();

        HttpClient api = HttpClient.newHttpClient();
        ExecutorService plainThreads = Executors.newFixedThreadPool(plainConcurrency);
        // The baseline client: HTTP/1.1 as notifications speaks it (no h2c upgrade attempt), threads of our own.
        HttpClient plain = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<String> subscriptionIds = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            subscriptionIds.add(subscribe(api, endpoints.notifications(), key, receiverBase + "/hook/" + i));
        }

        Thread baseline = new Thread(() -> consume(endpoints.bootstrap(), inbox.name()), "baseline-consumer");
        baseline.setDaemon(true);
        baseline.start();
        if (!baselineReady.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The baseline consumer could not position itself on " + inbox.name());
        }

        Map<String, Object> producerConfig = access.kafka(endpoints.bootstrap());
        producerConfig.putAll(access.registryProperties());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.put("schema.registry.url", endpoints.registry());
        producerConfig.put("auto.register.schemas", true);
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        Map<String, Object> json = new LinkedHashMap<>();
        try (KafkaProducer<String, Object> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), avroSerializer(producerConfig))) {
            // The subscription is read back before the API answers, and the baseline consumer starts at the end:
            // give both a moment, then prime the path once.
            send(producer, inbox.name(), desk, "BENCH-" + run + "-PRIME");
            awaitAll(Set.of("BENCH-" + run + "-PRIME"), Duration.ofSeconds(60));

            // Warm-up of both paths (JIT, connection pools), not measured; it also yields bodies to replay.
            int warmCount = Math.min(1_000, count);
            System.out.printf(Locale.ROOT, "warm-up: %d alerts, then as many plain POSTs ...%n", warmCount);
            Queue<Captured> warmBodies = new ConcurrentLinkedQueue<>();
            capture = warmBodies;
            burst(producer, inbox.name(), desk, "BENCH-" + run + "-W", warmCount, subscriptions);
            capture = null;
            plainBurst(plain, plainThreads, receiverBase, List.copyOf(warmBodies), plainConcurrency, histogram());

            // Throughput: a burst through notifications, then the same bodies from the plain client.
            System.out.printf(Locale.ROOT, "throughput: %d alerts written at once ...%n", count);
            Queue<Captured> bodies = new ConcurrentLinkedQueue<>();
            capture = bodies;
            Tally webhookTally = new Tally();
            tally = webhookTally;
            long burstStart = burst(producer, inbox.name(), desk, "BENCH-" + run + "-T", count, subscriptions);
            capture = null;
            List<String> burstIds = ids("BENCH-" + run + "-T", count);
            double allRate = webhookTally.deliveries.get() / ((webhookTally.lastArrival.get() - burstStart) / 1e9);
            long lastConsumed =
                    burstIds.stream().mapToLong(consumedAt::get).max().orElseThrow();
            long lastDelivered =
                    burstIds.stream().mapToLong(deliveredAt::get).max().orElseThrow();
            double consumeRate = count / ((lastConsumed - burstStart) / 1e9);
            double deliverRate = count / ((lastDelivered - burstStart) / 1e9);

            System.out.printf(Locale.ROOT, "throughput: %d plain POSTs of the same bodies ...%n", bodies.size());
            Tally plainTally = new Tally();
            tally = plainTally;
            Histogram plainService = histogram();
            long plainStart = System.nanoTime();
            long plainFailures =
                    plainBurst(plain, plainThreads, receiverBase, List.copyOf(bodies), plainConcurrency, plainService);
            double plainRate = plainTally.deliveries.get() / ((plainTally.lastArrival.get() - plainStart) / 1e9);
            double ratio = allRate / plainRate;

            line(
                    out,
                    "%nWebhook delivery, desk %s, %d subscription(s), fully populated alert (%d bytes of JSON per"
                            + " delivery), stack %s%n",
                    desk,
                    subscriptions,
                    bodyBytes.get(),
                    access.secured() ? "secured" : "insecure");
            line(
                    out,
                    "Concurrency: notifications %d request(s) under way per subscription"
                            + " (max-in-flight-per-subscription); plain client %d (%d x %d subscription(s))%n",
                    concurrency,
                    plainConcurrency,
                    concurrency,
                    subscriptions);
            line(out, "%nThroughput (%d alerts written at once; plain: the same %d bodies):%n", count, bodies.size());
            line(out, "  baseline consumed (Kafka)  %10.0f msg/s%n", consumeRate);
            line(
                    out,
                    "  webhooks, first per alert  %10.0f alerts/s  (%.2f of the Kafka baseline)%n",
                    deliverRate,
                    deliverRate / consumeRate);
            line(
                    out,
                    "  webhook deliveries         %10.0f deliveries/s (write of the first to the last arrival)%n",
                    allRate);
            line(out, "  plain HTTP client          %10.0f deliveries/s (first POST to the last arrival)%n", plainRate);
            line(
                    out,
                    "  ratio webhook / plain      %10.2f   goal >= %.1f: %s%n",
                    ratio,
                    GOAL,
                    ratio >= GOAL ? "met" : "NOT met");
            line(
                    out,
                    "  plain POST round trip, ms  p50 %.2f  p90 %.2f  p99 %.2f  max %.2f (%d failed)%n",
                    plainService.getValueAtPercentile(50) / 1e3,
                    plainService.getValueAtPercentile(90) / 1e3,
                    plainService.getValueAtPercentile(99) / 1e3,
                    plainService.getMaxValue() / 1e3,
                    plainFailures);
            System.out.print(out);

            // Latency at a fixed rate: notifications, then the plain client at the same rate of deliveries.
            System.out.printf(Locale.ROOT, "latency: %d alerts/s for %d s after %d s ...%n", rate, seconds, warmup);
            Tally latencyTally = new Tally();
            tally = latencyTally;
            long interval = 1_000_000_000L / rate;
            int total = rate * (warmup + seconds);
            int skip = rate * warmup;
            List<String> measured = new ArrayList<>();
            long start = System.nanoTime() + 100_000_000L;
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                parkUntil(due);
                String id = "BENCH-" + run + "-L" + i;
                sentAt.put(id, due);
                if (i >= skip) {
                    measured.add(id);
                }
                send(producer, inbox.name(), desk, id);
            }
            producer.flush();
            awaitAll(Set.copyOf(measured), Duration.ofMinutes(5));
            Histogram consumed = histogram(measured, consumedAt);
            Histogram delivered = histogram(measured, deliveredAt);

            System.out.printf(
                    Locale.ROOT,
                    "latency: plain client, %d deliveries/s for %d s after %d s ...%n",
                    rate * subscriptions,
                    seconds,
                    warmup);
            Tally plainLatencyTally = new Tally();
            tally = plainLatencyTally;
            AtomicLong plainLatencyFailures = new AtomicLong();
            Histogram plainLatency = plainAtRate(
                    plain,
                    receiverBase,
                    List.copyOf(bodies),
                    rate,
                    subscriptions,
                    warmup,
                    seconds,
                    plainConcurrency,
                    plainLatencyFailures);

            StringBuilder latencyTable = new StringBuilder();
            line(
                    latencyTable,
                    "%nLatency at %d alerts/s (%d deliveries/s) for %d s after %d s warm-up, from scheduled send,"
                            + " in ms:%n",
                    rate,
                    rate * subscriptions,
                    seconds,
                    warmup);
            line(latencyTable, "  %-24s %8s %8s %8s %8s %8s %8s%n", "", "count", "p50", "p90", "p99", "p99.9", "max");
            row(latencyTable, "baseline consumed", consumed);
            row(latencyTable, "webhook delivered", delivered);
            row(latencyTable, "plain HTTP client", plainLatency);
            if (plainLatencyFailures.get() > 0) {
                line(latencyTable, "  (%d plain POSTs failed)%n", plainLatencyFailures.get());
            }
            line(
                    latencyTable,
                    "  %-24s %8s %8.2f %8.2f %8.2f%n",
                    "ratio webhook/plain",
                    "",
                    ratio(delivered, plainLatency, 50),
                    ratio(delivered, plainLatency, 90),
                    ratio(delivered, plainLatency, 99));
            line(
                    latencyTable,
                    "  %-24s %8s %8.2f %8.2f %8.2f%n",
                    "ratio webhook/consumed",
                    "",
                    ratio(delivered, consumed, 50),
                    ratio(delivered, consumed, 90),
                    ratio(delivered, consumed, 99));
            line(latencyTable, "%nDeliveries without a valid signature (bad / missing), must be 0:%n");
            List<Map.Entry<String, Tally>> tallies = List.of(
                    Map.entry("webhook, throughput", webhookTally),
                    Map.entry("webhook, latency", latencyTally),
                    Map.entry("plain, throughput", plainTally),
                    Map.entry("plain, latency", plainLatencyTally));
            Map<String, Object> signatures = new LinkedHashMap<>();
            for (Map.Entry<String, Tally> entry : tallies) {
                Tally t = entry.getValue();
                line(
                        latencyTable,
                        "  %-24s %8d of %d (%d / %d)%n",
                        entry.getKey(),
                        t.unsigned(),
                        t.deliveries.get(),
                        t.badSignatures.get(),
                        t.missingSignatures.get());
                signatures.put(
                        entry.getKey(),
                        Map.of(
                                "deliveries", t.deliveries.get(),
                                "bad", t.badSignatures.get(),
                                "missing", t.missingSignatures.get()));
            }
            System.out.print(latencyTable);
            out.append(latencyTable);

            json.put("desk", desk);
            json.put("secured", access.secured());
            json.put("cores", Runtime.getRuntime().availableProcessors());
            json.put("subscriptions", subscriptions);
            json.put("concurrencyPerSubscription", concurrency);
            json.put("plainConcurrency", plainConcurrency);
            json.put("bodyBytes", bodyBytes.get());
            Map<String, Object> throughput = new LinkedHashMap<>();
            throughput.put("alerts", count);
            throughput.put("kafkaConsumedPerSecond", consumeRate);
            throughput.put("webhookFirstPerAlertPerSecond", deliverRate);
            throughput.put("webhookDeliveriesPerSecond", allRate);
            throughput.put("plainDeliveriesPerSecond", plainRate);
            throughput.put("ratioWebhookToPlain", ratio);
            throughput.put("goal", GOAL);
            throughput.put("goalMet", ratio >= GOAL);
            throughput.put("plainRoundTripMs", percentiles(plainService));
            throughput.put("plainFailures", plainFailures);
            json.put("throughput", throughput);
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("alertsPerSecond", rate);
            latency.put("seconds", seconds);
            latency.put("warmupSeconds", warmup);
            latency.put("kafkaConsumedMs", percentiles(consumed));
            latency.put("webhookMs", percentiles(delivered));
            latency.put("plainMs", percentiles(plainLatency));
            latency.put("plainFailures", plainLatencyFailures.get());
            json.put("latency", latency);
            json.put("unsignedDeliveries", signatures);

            ResultFiles files = ResultFiles.of(home, "webhook");
            files.writeJson(json);
            Map<String, Double> rates = new LinkedHashMap<>();
            rates.put("Kafka consumed", consumeRate);
            rates.put("webhooks", allRate);
            rates.put("plain HTTP", plainRate);
            rates.put(String.format(Locale.ROOT, "goal: %.1fx plain", GOAL), GOAL * plainRate);
            Map<String, double[]> latencies = new LinkedHashMap<>();
            // The plot leaves the maximum out: a percentile axis has no place for p100 (the table has it).
            latencies.put("Kafka consumed", Arrays.copyOf(millis(consumed), PLOTTED.length));
            latencies.put("webhooks", Arrays.copyOf(millis(delivered), PLOTTED.length));
            latencies.put("plain HTTP client", Arrays.copyOf(millis(plainLatency), PLOTTED.length));
            files.writeHtml(
                    "Crossdesk webhook benchmark",
                    out.toString(),
                    List.of(
                            Charts.bars(
                                    "Deliveries per second (burst)",
                                    "per second",
                                    Map.of("deliveries/s", rates),
                                    files.png("rate")),
                            Charts.percentiles("Latency at a fixed rate", latencies, PLOTTED, files.png("latency"))));
            System.out.println("\nresults: " + files.json() + ", .html and .png");
            long unsigned =
                    tallies.stream().mapToLong(e -> e.getValue().unsigned()).sum();
            return unsigned == 0 ? 0 : 1;
        } finally {
            running = false;
            for (String id : subscriptionIds) {
                api.send(
                        HttpRequest.newBuilder(URI.create(endpoints.notifications() + "/api/v1/subscriptions/" + id))
                                .header("Authorization", "Bearer " + key)
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            plainThreads.shutdownNow();
            plain.executor().ifPresent(executor -> ((ExecutorService) executor).shutdownNow());
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
    }

    /**
     * Writes {@code count} alerts at once and waits until each has been consumed by the baseline and delivered to
     * every subscription; returns when the writing started.
     */
    private long burst(
            KafkaProducer<String, Object> producer,
            String topic,
            String desk,
            String prefix,
            int count,
            int subscriptions)
            throws InterruptedException {
        Tally current = tally;
        long before = current.deliveries.get();
        List<String> ids = ids(prefix, count);
        long start = System.nanoTime();
        for (String id : ids) {
            sentAt.put(id, start);
            send(producer, topic, desk, id);
        }
        producer.flush();
        awaitAll(Set.copyOf(ids), Duration.ofMinutes(5));
        long expected = before + (long) count * subscriptions;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (current.deliveries.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20); // a bench: the other subscriptions' copies are still on their way
        }
        return start;
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    /**
     * The plain client's burst: {@code concurrency} threads POSTing the bodies back to back, each waiting for its
     * answer (at most {@code concurrency} requests, hence connections, under way). Records each round trip; returns
     * the requests that failed or got no 2xx.
     */
    private long plainBurst(
            HttpClient client,
            ExecutorService threads,
            String receiverBase,
            List<Captured> bodies,
            int concurrency,
            Histogram roundTrips)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(threads.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(
                                plainRequest(receiverBase, bodies.get(i)), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() / 100 != 2) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    }
                    roundTrips.recordValue(
                            Math.min((System.nanoTime() - sent) / 1_000, roundTrips.getHighestTrackableValue()));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return failures.get();
    }

    /**
     * The plain client open loop: {@code subscriptions} POSTs due every {@code 1/rate} s, at most {@code concurrency}
     * under way (a POST waits in the generator for a free slot, and that wait counts: latency is measured from the
     * scheduled send to the answer). Returns the latencies after {@code warmup} seconds.
     */
    private Histogram plainAtRate(
            HttpClient client,
            String receiverBase,
            List<Captured> bodies,
            int rate,
            int subscriptions,
            int warmup,
            int seconds,
            int concurrency,
            AtomicLong failures)
            throws InterruptedException {
        Histogram latency = histogram();
        Semaphore slots = new Semaphore(concurrency);
        long interval = 1_000_000_000L / rate;
        int total = rate * (warmup + seconds);
        int skip = rate * warmup;
        long start = System.nanoTime() + 100_000_000L;
        int body = 0;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            parkUntil(due);
            boolean record = i >= skip;
            for (int s = 0; s < subscriptions; s++) {
                slots.acquire();
                client.sendAsync(
                                plainRequest(receiverBase, bodies.get(body++ % bodies.size())),
                                HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            long now = System.nanoTime();
                            if (error != null || response.statusCode() / 100 != 2) {
                                failures.incrementAndGet();
                            }
                            if (record) {
                                latency.recordValue(
                                        Math.min(Math.max(0, (now - due) / 1_000), latency.getHighestTrackableValue()));
                            }
                            // Last: the end of the phase waits for every slot, and so for this request's figure.
                            slots.release();
                        });
            }
        }
        if (!slots.tryAcquire(concurrency, 2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The plain client's last requests did not finish within 2 minutes");
        }
        return latency;
    }

    /** The same body, headers and signature scheme as notifications' delivery, signed now as it signs each attempt. */
    private static HttpRequest plainRequest(String receiverBase, Captured captured) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiverBase + captured.path()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, signature(timestamp, captured.body()))
                .header("Crossdesk-Attempt", "1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(captured.body()));
        captured.headers().forEach(request::header);
        return request.build();
    }

    private static void parkUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait); // parks rather than spins: a spinning sender takes a core from the stack
        }
    }

    private static KafkaAvroSerializer avroSerializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    // Built once: the nested content is shared by every message, only the ids differ (the harness must not
    // be the bottleneck it measures).
    private static final InboxMessage TEMPLATE = ExampleEvents.inboxMessages().get(0);
    private static final Alert ALERT = (Alert) TEMPLATE.getMessage();

    private static void send(KafkaProducer<String, Object> producer, String topic, String desk, String referralId) {
        Alert alert = new Alert(
                AlertIds.of(referralId, desk),
                referralId,
                ALERT.getIssuingDesk(),
                desk,
                ALERT.getType(),
                ALERT.getPriority(),
                ALERT.getHandling(),
                ALERT.getSubmission(),
                ALERT.getRoutingReasons(),
                ALERT.getAckDueAt(),
                ALERT.getResponseDueAt(),
                ALERT.getOnwardForwardingAllowed(),
                ALERT.getEvidentialUseAllowed());
        EventMetadata metadata = new EventMetadata(
                UUID.randomUUID().toString(),
                Instant.now(),
                TEMPLATE.getMetadata().getProducer(),
                referralId,
                null);
        producer.send(new ProducerRecord<>(topic, referralId, new InboxMessage(metadata, alert)));
    }

    private static String subscribe(HttpClient http, String notifications, String key, String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(notifications + "/api/v1/subscriptions"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\",\"messageKinds\":[\"ALERT\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Subscription refused (" + response.statusCode() + "): " + response.body());
        }
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("No subscription id in " + response.body());
        }
        return id.group(1);
    }

    private void consume(String bootstrap, String topic) {
        Map<String, Object> config = access.kafka(bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            baselineReady.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    consumedAt.putIfAbsent(record.key(), System.nanoTime());
                }
            }
        }
    }

    private void awaitAll(Set<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(consumedAt.keySet().containsAll(ids) && deliveredAt.keySet().containsAll(ids))) {
            if (System.nanoTime() > deadline) {
                long missingConsumed =
                        ids.stream().filter(id -> !consumedAt.containsKey(id)).count();
                long missingDelivered =
                        ids.stream().filter(id -> !deliveredAt.containsKey(id)).count();
                throw new IllegalStateException(
                        "Timed out: " + missingConsumed + " not consumed, " + missingDelivered + " not delivered");
            }
            Thread.sleep(20);
        }
    }

    /** Thread-safe: the plain client records from its response threads. */
    private static Histogram histogram() {
        return new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
    }

    private Histogram histogram(List<String> ids, Map<String, Long> arrivals) {
        Histogram histogram = histogram();
        for (String id : ids) {
            histogram.recordValue(Math.max(0, (arrivals.get(id) - sentAt.get(id)) / 1_000));
        }
        return histogram;
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args));
    }

    private static void row(StringBuilder out, String label, Histogram histogram) {
        line(
                out,
                "  %-24s %8d %8.2f %8.2f %8.2f %8.2f %8.2f%n",
                label,
                histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3);
    }

    private static Map<String, Object> percentiles(Histogram histogram) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", histogram.getTotalCount());
        double[] millis = millis(histogram);
        for (int i = 0; i < PERCENTILES.length; i++) {
            p.put(PERCENTILE_LABELS[i], millis[i]);
        }
        return p;
    }

    private static double[] millis(Histogram histogram) {
        double[] millis = new double[PERCENTILES.length];
        for (int i = 0; i < millis.length; i++) {
            millis[i] =
                    histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(PERCENTILES[i]) / 1e3;
        }
        return millis;
    }

    private static double ratio(Histogram a, Histogram b, double percentile) {
        return (double) a.getValueAtPercentile(percentile) / Math.max(1, b.getValueAtPercentile(percentile));
    }

    /** {@code v1=} and the hex HMAC-SHA256 of {@code <timestamp>.<body>} under the subscription secret (docs/webhooks.md). */
    private static String signature(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static void ensureTopic(Map<String, Object> client, Topic<?, ?> topic) throws Exception {
        try (Admin admin = Admin.create(client)) {
            if (!admin.listTopics().names().get().contains(topic.name())) {
                admin.createTopics(List.of(
                                new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs())))
                        .all()
                        .get();
            }
        }
    }
}
