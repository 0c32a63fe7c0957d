package org.crossdesk.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.bench.report.ResultFiles;
import org.crossdesk.launcher.Stack;
import org.crossdesk.launcher.StackOptions;
import org.crossdesk.launcher.demo.DemoDirectory;
import org.crossdesk.launcher.demo.SyntheticReferrals;
import org.crossdesk.launcher.process.ChildProcess;
import org.crossdesk.launcher.process.Memory;
import org.crossdesk.launcher.services.Service;

/**
 * End-to-end load: desks submit referrals of all three types at a fixed rate, and the benchmark measures
 * submit → alert in the recipient's inbox topic and submit → alert delivered to the recipient's webhook
 * (HdrHistogram), then offers a high rate to see what is sustained. Kafka's own ProducerPerformance and
 * EndToEndLatency run first on the same broker as the baseline.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.crossdesk.bench.e2e.EndToEndBenchmark \
 *     [--rate 1000] [--duration 60] [--warmup 20] [--throughput-rate 10000] [--throughput-duration 60] \
 *     [--via http|kafka] [--connections 64] [--max-in-flight 2048] [--stack start|running] [--home .]
 *     [--data-dir DIR] [--insecure] [--skip-baseline] [--skip-throughput] [--hops]
 * </pre>
 *
 * <p>Over HTTP at most {@code --connections} (1 to 64, default 64) submissions are on the wire at once, so the
 * generator never opens more connections and measures Crossdesk rather than Tomcat's accept queue; submissions due
 * beyond that wait in the generator, and the wait counts (latency runs from each one's scheduled send). At most
 * {@code --max-in-flight} wait or are on the wire; beyond that a due submission is skipped and counted as failed.
 *
 * <p>With {@code --hops} the services export their spans to the benchmark ({@link SpanCollector}), which prints and
 * writes where each referral's time went: every hop's duration and every wait between hops.
 *
 * With {@code --stack start} (the default) it starts its own stack through the launcher (fresh data under
 * bench/target/stack, free ports, the demo API keys accepted), secured as {@code ./crossdesk} is, or without
 * authentication and ACLs with {@code --insecure}, to measure what security costs; with {@code running} it uses
 * one started by {@code ./crossdesk --demo} on the default ports, secured if its data directory
 * ({@code --data-dir}, default {@code <home>/.crossdesk/data}) holds the admin's secret. Every Kafka client of the
 * benchmark, Kafka's own tools included, authenticates as the cluster's admin, and every registry client with
 * the admin's basic auth ({@link BenchStack}). Results: a table on stdout, and JSON and an HTML page with plots
 * under bench/target/results/; both say whether the stack was secured.
 */
public final class EndToEndBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EndToEndBenchmark() {}

    record Options(
            double rate,
            Duration duration,
            Duration warmup,
            double throughputRate,
            Duration throughputDuration,
            String via,
            boolean startStack,
            Path home,
            boolean baseline,
            boolean throughput,
            int maxInFlight,
            int connections,
            boolean insecure,
            Path dataDir,
            boolean hops) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> flags = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--skip-baseline")
                        || args[i].equals("--skip-throughput")
                        || args[i].equals("--insecure")
                        || args[i].equals("--hops")) {
                    flags.add(args[i]);
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    values.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            String via = values.getOrDefault("via", "http");
            if (!via.equals("http") && !via.equals("kafka")) {
                throw new IllegalArgumentException("--via is http or kafka");
            }
            boolean startStack = !values.getOrDefault("stack", "start").equals("running");
            if (!startStack && flags.contains("--insecure")) {
                throw new IllegalArgumentException(
                        "--insecure starts the benchmark's own stack insecure; a running stack's"
                                + " security is read from its data directory (--data-dir, default <home>/.crossdesk/data)");
            }
            if (!startStack && flags.contains("--hops")) {
                throw new IllegalArgumentException(
                        "--hops points the benchmark's own stack at its span collector; start the running stack with"
                                + " MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT instead (docs/observability.md)");
            }
            Path home =
                    Path.of(values.getOrDefault("home", ".")).toAbsolutePath().normalize();
            int connections =
                    Integer.parseInt(values.getOrDefault("connections", Integer.toString(Load.Http.MAX_CONNECTIONS)));
            if (connections < 1 || connections > Load.Http.MAX_CONNECTIONS) {
                // More connections would measure Tomcat's accept queue rather than Crossdesk (issue #15).
                throw new IllegalArgumentException("--connections is 1 to " + Load.Http.MAX_CONNECTIONS);
            }
            return new Options(
                    Double.parseDouble(values.getOrDefault("rate", "1000")),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("duration", "60"))),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", "20"))),
                    Double.parseDouble(values.getOrDefault("throughput-rate", "10000")),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("throughput-duration", "60"))),
                    via,
                    startStack,
                    home,
                    !flags.contains("--skip-baseline"),
                    !flags.contains("--skip-throughput"),
                    Integer.parseInt(values.getOrDefault("max-in-flight", "2048")),
                    connections,
                    flags.contains("--insecure"),
                    values.containsKey("data-dir")
                            ? Path.of(values.get("data-dir")).toAbsolutePath().normalize()
                            : home.resolve(BenchStack.DEFAULT_DATA_DIR),
                    flags.contains("--hops"));
        }
    }

    /** Where the stack is, and how to authenticate to it. */
    record Endpoints(
            String bootstrapServers, String schemaRegistryUrl, URI intake, URI notifications, BenchStack access) {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Stack stack = null;
        Endpoints endpoints;
        SpanCollector spans = options.hops() ? new SpanCollector() : null;
        if (options.startStack()) {
            StackOptions stackOptions = StackOptions.forHome(options.home())
                    .stateDir(options.home().resolve("bench/target/stack"))
                    .fresh(true)
                    // Desks submit and subscribe with the published demo API keys, which the services accept only so.
                    .demoCredentials(true)
                    .insecure(options.insecure())
                    .serviceJvmOptions(StackOptions.PEAK_SERVICE_JVM_OPTIONS)
                    .onFreePorts();
            if (spans != null) {
                // Every service exports its spans to the collector, often and in big batches so that none is dropped.
                stackOptions
                        .environment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", spans.endpoint())
                        .environment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULEDELAY", "1s")
                        .environment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_MAXQUEUESIZE", "200000")
                        .environment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_MAXBATCHSIZE", "8192");
            }
            stack = Stack.start(stackOptions, line -> System.out.println("[stack] " + line));
            endpoints = new Endpoints(
                    stack.bootstrapServers(),
                    stack.schemaRegistryUrl(),
                    stack.url(Service.INTAKE).orElseThrow(),
                    stack.url(Service.NOTIFICATIONS).orElseThrow(),
                    BenchStack.of(stack));
        } else {
            endpoints = new Endpoints(
                    "127.0.0.1:9092",
                    "http://127.0.0.1:8081",
                    URI.create("http://127.0.0.1:8082"),
                    URI.create("http://127.0.0.1:8084"),
                    BenchStack.ofDataDir(options.dataDir()));
        }
        System.out.println("stack: " + endpoints.access().describe());
        try {
            Results results = run(options, endpoints, stack, endpoints.access().secured());
            ResultFiles files = ResultFiles.of(options.home(), "e2e");
            files.writeJson(results.json());
            Report.writePage(results, files);
            System.out.println(Report.table(results));
            if (spans != null) {
                awaitQuiet(spans);
                String breakdown = spans.breakdown();
                Files.writeString(files.named("-hops.txt"), breakdown);
                System.out.println(breakdown);
            }
            System.out.println("results: " + files.json() + " and .html");
        } finally {
            if (stack != null) {
                stack.close();
            }
            if (spans != null) {
                spans.close();
            }
        }
    }

    /** Until no span has arrived for 3 s (the services export every second), at most a minute. */
    private static void awaitQuiet(SpanCollector spans) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        int seen = -1;
        while (spans.count() != seen && System.nanoTime() < deadline) {
            seen = spans.count();
            Thread.sleep(3_000); // a bench, not a test: waits for the exporters' next batches
        }
    }

    /** Everything measured in one invocation. */
    record Results(
            Options options,
            boolean secured,
            KafkaBaseline.Result producerPerformance,
            KafkaBaseline.Result endToEndLatency,
            Phase latency,
            Phase throughput,
            long rssMiB) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("via", options.via());
            if (options.via().equals("http")) {
                json.put("connections", options.connections());
                json.put("maxInFlight", options.maxInFlight());
            }
            // SASL/SCRAM-SHA-512 with ACLs and registry basic auth, or --insecure (PLAINTEXT, no ACLs, no registry
            // auth).
            json.put("secured", secured);
            json.put("cores", Runtime.getRuntime().availableProcessors());
            json.put(
                    "baseline",
                    Map.of(
                            "producerPerformance", producerPerformance == null ? Map.of() : producerPerformance,
                            "endToEndLatency", endToEndLatency == null ? Map.of() : endToEndLatency));
            json.put("latencyPhase", latency == null ? Map.of() : latency.json());
            json.put("throughputPhase", throughput == null ? Map.of() : throughput.json());
            json.put("stackRssMiB", rssMiB);
            return json;
        }
    }

    /** One phase at one offered rate. */
    record Phase(
            String name,
            double offeredRate,
            double durationSeconds,
            long due,
            long sent,
            long accepted,
            long failed,
            long skipped,
            long routed,
            double routedPerSecond,
            double drainSeconds,
            Histogram toInbox,
            Histogram toWebhook,
            String firstFailure) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("offeredRate", offeredRate);
            json.put("durationSeconds", durationSeconds);
            json.put("due", due);
            json.put("sent", sent);
            json.put("accepted", accepted);
            json.put("failed", failed);
            json.put("skipped", skipped);
            json.put("routed", routed);
            json.put("routedPerSecond", routedPerSecond);
            json.put("drainSeconds", drainSeconds);
            json.put("submitToInboxMs", percentiles(toInbox));
            json.put("submitToWebhookMs", percentiles(toWebhook));
            json.put("firstFailure", firstFailure);
            return json;
        }
    }

    static Map<String, Object> percentiles(Histogram histogram) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", histogram.getTotalCount());
        p.put("p50", histogram.getValueAtPercentile(50) / 1000.0);
        p.put("p90", histogram.getValueAtPercentile(90) / 1000.0);
        p.put("p99", histogram.getValueAtPercentile(99) / 1000.0);
        p.put("p99.9", histogram.getValueAtPercentile(99.9) / 1000.0);
        p.put("max", histogram.getMaxValue() / 1000.0);
        return p;
    }

    private static Results run(Options options, Endpoints endpoints, Stack stack, boolean secured) throws Exception {
        KafkaBaseline.Result producerPerformance = null;
        KafkaBaseline.Result endToEndLatency = null;
        if (options.baseline()) {
            KafkaBaseline baseline = new KafkaBaseline(
                    KafkaBaseline.ownJar()
                            .orElseThrow(() -> new IllegalStateException(
                                    "run from bench/target/benchmarks.jar for the Kafka baseline")),
                    endpoints.bootstrapServers(),
                    endpoints.access());
            createTopics(endpoints, List.of(new NewTopic("bench.baseline.producer", 6, (short) 1)));
            System.out.println("baseline: Kafka EndToEndLatency ...");
            endToEndLatency = baseline.endToEndLatency("bench.baseline.e2e", 3_000, 1_000);
            System.out.println("baseline: " + endToEndLatency.raw());
            System.out.println("baseline: Kafka ProducerPerformance ...");
            producerPerformance = baseline.producerPerformance("bench.baseline.producer", 500_000, 1_000);
            System.out.println("baseline: " + producerPerformance.raw());
        }

        DemoDirectory directory = DemoDirectory.load(options.home().resolve("config/demo/directory.yaml"));
        List<String> subscriptions = new ArrayList<>();
        try (InboxProbe inbox = new InboxProbe(
                        endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(), endpoints.access());
                WebhookProbe webhooks = new WebhookProbe()) {
            for (DemoDirectory.Desk desk : directory.desks()) {
                subscribe(endpoints.notifications(), desk.id(), webhooks.urlFor(desk.id()))
                        .ifPresent(subscriptions::add);
            }
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!inbox.assigned() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            String runId =
                    Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(Locale.ROOT);
            try (Load load = options.via().equals("kafka")
                    ? new Load.Kafka(
                            endpoints.bootstrapServers(),
                            endpoints.schemaRegistryUrl(),
                            endpoints.access(),
                            directory.desks().stream()
                                    .map(DemoDirectory.Desk::id)
                                    .collect(Collectors.toSet()))
                    : new Load.Http(
                            endpoints.intake(),
                            new SyntheticReferrals(directory, new Random(42), Clock.systemUTC(), runId),
                            options.maxInFlight(),
                            options.connections())) {
                System.out.printf(
                        "warm-up: %.0f referrals/s for %ds via %s ...%n",
                        options.rate(), options.warmup().toSeconds(), options.via());
                phase("warm-up", runId + "W", options.rate(), options.warmup(), load, inbox, webhooks, false);
                System.out.printf(
                        "latency: %.0f referrals/s for %ds ...%n",
                        options.rate(), options.duration().toSeconds());
                Phase latency =
                        phase("latency", runId + "L", options.rate(), options.duration(), load, inbox, webhooks, true);
                Phase throughput = null;
                if (options.throughput()) {
                    System.out.printf(
                            "throughput: %.0f referrals/s offered for %ds ...%n",
                            options.throughputRate(),
                            options.throughputDuration().toSeconds());
                    throughput = phase(
                            "throughput",
                            runId + "T",
                            options.throughputRate(),
                            options.throughputDuration(),
                            load,
                            inbox,
                            webhooks,
                            true);
                }
                long rss = 0;
                if (stack != null) {
                    for (ChildProcess process : stack.processes()) {
                        rss += Memory.rssKiB(process.handle()).orElse(0) / 1024;
                    }
                }
                return new Results(options, secured, producerPerformance, endToEndLatency, latency, throughput, rss);
            }
        } finally {
            for (String id : subscriptions) {
                unsubscribe(endpoints.notifications(), id);
            }
        }
    }

    private static Phase phase(
            String name,
            String runId,
            double rate,
            Duration duration,
            Load load,
            InboxProbe inbox,
            WebhookProbe webhooks,
            boolean record)
            throws InterruptedException {
        Probes probes = new Probes();
        probes.recording = record;
        inbox.measure(probes);
        webhooks.measure(probes);
        long sentBefore = load.sent.sum();
        long acceptedBefore = load.accepted.sum();
        long failedBefore = load.failed.sum();
        long skippedBefore = load.skipped.sum();
        long start = System.nanoTime();
        long due = load.run(runId, rate, duration, probes);
        long end = System.nanoTime();
        // Let what was accepted finish its way through (bounded): how long that takes is part of the answer.
        long drainDeadline = end + Duration.ofSeconds(120).toNanos();
        // First every submission of this phase answered (over HTTP some still wait for a connection): one accepted
        // after the phase would count in the next, whose drain would then wait for an alert under another run id.
        while (System.nanoTime() < drainDeadline && load.accepted.sum() + load.failed.sum() < load.sent.sum()) {
            Thread.sleep(50);
        }
        while (System.nanoTime() < drainDeadline && probes.routed.size() < load.accepted.sum() - acceptedBefore) {
            Thread.sleep(50);
        }
        Thread.sleep(2_000);
        long lastRouted = probes.lastRoutedNanos.get();
        double drain = Math.max(0, (lastRouted - end) / 1e9);
        double window = Math.max(lastRouted, end) - start;
        Phase phase = new Phase(
                name,
                rate,
                duration.toMillis() / 1000.0,
                due,
                load.sent.sum() - sentBefore,
                load.accepted.sum() - acceptedBefore,
                load.failed.sum() - failedBefore,
                load.skipped.sum() - skippedBefore,
                probes.routed.size(),
                probes.routed.size() / (window / 1e9),
                drain,
                probes.toInbox.getIntervalHistogram(),
                probes.toWebhook.getIntervalHistogram(),
                load.firstFailure);
        System.out.printf(
                Locale.ROOT,
                "%s: %d sent, %d accepted, %d failed, %d routed (%.0f/s), drained %.1f s after" + " the end%s%n",
                name,
                phase.sent(),
                phase.accepted(),
                phase.failed(),
                phase.routed(),
                phase.routedPerSecond(),
                drain,
                load.firstFailure == null ? "" : "; first failure: " + load.firstFailure);
        inbox.measure(null);
        webhooks.measure(null);
        return phase;
    }

    private static Optional<String> subscribe(URI notifications, String desk, URI url)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(
                Map.of("url", url.toString(), "messageKinds", List.of("ALERT"), "description", "end-to-end benchmark"));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(notifications.resolve("/api/v1/subscriptions"))
                                .header("Authorization", "Bearer demo-" + desk)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            System.out.println("could not subscribe " + desk + ": " + response.statusCode() + " " + response.body());
            return Optional.empty();
        }
        JsonNode created = JSON.readTree(response.body());
        return Optional.of(desk + "/" + created.path("id").asText());
    }

    private static void unsubscribe(URI notifications, String deskAndId) {
        String[] parts = deskAndId.split("/", 2);
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(notifications.resolve("/api/v1/subscriptions/" + parts[1]))
                                    .header("Authorization", "Bearer demo-" + parts[0])
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            // best effort: a fresh stack starts without them anyway
        }
    }

    private static void createTopics(Endpoints endpoints, List<NewTopic> topics) throws Exception {
        try (Admin admin = Admin.create(endpoints.access().kafka(endpoints.bootstrapServers()))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
