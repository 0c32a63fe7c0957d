package org.crossdesk.bench.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.crossdesk.access.AccessAdmin;
import org.crossdesk.access.AccessPlan;
import org.crossdesk.access.CatalogueTopics;
import org.crossdesk.bench.BenchOptions;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.bench.report.Charts;
import org.crossdesk.bench.report.ResultFiles;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.launcher.Stack;
import org.crossdesk.launcher.StackOptions;
import org.crossdesk.launcher.services.Service;
import org.crossdesk.platform.kafka.KafkaClientSettings;

/**
 * Throughput of intake on its two paths, each against Kafka's own producer measured in the same run:
 *
 * <ol>
 *   <li><b>Kafka path</b>: N submissions are written to the desk's outbox with the raw producer (acks=all,
 *       idempotent, the platform's settings; that write rate is the baseline), and intake drains them:
 *       validate, de-duplicate, write {@code ReferralSubmitted} and wait for its ack, write the receipt and
 *       wait for its ack, commit. Intake's rate is taken from the receipts' timestamps (first to last). A
 *       second baseline is the raw producer waiting for each record's ack, one at a time: the per-record
 *       round trip intake pays twice.</li>
 *   <li><b>HTTP path</b>: C clients POST distinct referrals to {@code /api/v1/referrals}; each answer (202)
 *       comes after Kafka acknowledged the outbox write. Baseline: C threads each writing the same records
 *       with the raw producer and waiting for each ack. Each client waits for its answer before the next POST, so
 *       C (at most 64) is also the number of connections. Goal: HTTP ≥ 0.5× that baseline.</li>
 * </ol>
 *
 * <p>Table on stdout; JSON, an HTML page with the table and a PNG bar plot under
 * {@code bench/target/results/intake-<time>*}.
 *
 * <p>Without {@code --bootstrap} it starts what it needs on loopback with the launcher's {@link Stack} (a KRaft
 * broker, the schema registry and intake from their runnable jars; build them first) and gives intake an
 * API key of its own; the stack is secured as {@code ./crossdesk}'s is (SASL/SCRAM, ACLs, registry auth), or
 * not at all with {@code --insecure}, to measure what security costs. On the secured stack the benchmark's desk
 * gets its topics and the services' ACLs on them from the admin, as routing gives them to a desk it adds. With
 * {@code --bootstrap} it uses the running stack at the given addresses and the given desk and key (the desk must
 * be in the directory if the directory is seeded), secured if {@code --data-dir} (default
 * {@code <home>/.crossdesk/data}) holds the admin's secret. Every Kafka client authenticates as the cluster's
 * admin, every registry client with the admin's basic auth ({@link BenchStack}).
 *
 * <pre>
 * ./mvnw -q -pl bench,launcher,services/intake,services/schema-registry -am package -DskipTests
 * java -cp bench/target/benchmarks.jar org.crossdesk.bench.intake.IntakeThroughput [--referrals 5000]
 *     [--http-requests 2000] [--clients 8] [--home .] [--insecure]
 *     [--bootstrap 127.0.0.1:9092 --registry http://127.0.0.1:8081 --intake http://127.0.0.1:8082
 *      --desk FR-OCRTIS --key demo-FR-OCRTIS [--data-dir .crossdesk/data]]
 * </pre>
 */
public final class IntakeThroughput {

    private static final Duration READY = Duration.ofMinutes(3);
    /** Issue #15: HTTP intake at least half the raw producer awaiting each ack with the same concurrency. */
    private static final double HTTP_GOAL = 0.5;
    /** At most 64 connections, so that the figures are intake's, not those of Tomcat's accept queue (issue #15). */
    private static final int MAX_CLIENTS = 64;

    private final KafkaClientSettings settings;
    private final BenchStack access;
    private final String intakeUrl;
    private boolean deskTopicsReady;
    private final String httpDesk;
    private final String httpKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private IntakeThroughput(
            BenchStack access,
            String bootstrapServers,
            String schemaRegistryUrl,
            String intakeUrl,
            String httpDesk,
            String httpKey) {
        this.access = access;
        this.settings = access.clientSettings(bootstrapServers, schemaRegistryUrl);
        this.intakeUrl = intakeUrl;
        this.httpDesk = httpDesk;
        this.httpKey = httpKey;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        int referrals = Integer.parseInt(o.getOrDefault("referrals", "5000"));
        int httpRequests = Integer.parseInt(o.getOrDefault("http-requests", "2000"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        if (clients < 1 || clients > MAX_CLIENTS) {
            // Each client is one connection; more would measure Tomcat's accept queue rather than intake (issue #15).
            throw new IllegalArgumentException("--clients is 1 to " + MAX_CLIENTS + ", got " + clients);
        }
        Path home = Path.of(o.getOrDefault("home", ".")).toAbsolutePath().normalize();
        boolean insecure = o.containsKey("insecure");
        if (o.containsKey("bootstrap")) {
            if (insecure) {
                throw new IllegalArgumentException(
                        "--insecure starts the benchmark's own stack insecure; a running stack's"
                                + " security is read from its data directory (--data-dir, default <home>/.crossdesk/data)");
            }
            BenchStack access = BenchStack.fromOptions(o);
            System.out.println("stack: " + access.describe());
            new IntakeThroughput(
                            access, o.get("bootstrap"), o.get("registry"), o.get("intake"), o.get("desk"), o.get("key"))
                    .run(referrals, httpRequests, clients, home);
            return;
        }
        // The launcher's own stack on free ports: a KRaft broker process, the registry and intake from their
        // runnable jars, both JIT compilers (peak throughput), intake given one desk key of our own.
        String desk = "FR-BENCH";
        String key = "bench-" + UUID.randomUUID();
        StackOptions stackOptions = StackOptions.forHome(home)
                .stateDir(home.resolve("bench/target/intake-throughput"))
                .fresh(true)
                .insecure(insecure)
                .only(true, EnumSet.of(Service.SCHEMA_REGISTRY, Service.INTAKE))
                .serviceJvmOptions(StackOptions.PEAK_SERVICE_JVM_OPTIONS)
                .onFreePorts()
                .environment(
                        Service.INTAKE,
                        "CROSSDESK_HTTP_API_KEYS",
                        "sha256:" + sha256(key) + " bench.system DESK " + desk);
        try (Stack stack = Stack.start(stackOptions, line -> System.out.println("[stack] " + line))) {
            BenchStack access = BenchStack.of(stack);
            System.out.println("stack: " + access.describe());
            new IntakeThroughput(
                            access,
                            stack.bootstrapServers(),
                            stack.schemaRegistryUrl(),
                            stack.url(Service.INTAKE).orElseThrow().toString(),
                            desk,
                            key)
                    .run(referrals, httpRequests, clients, home);
        }
    }

    private void run(int referrals, int httpRequests, int clients, Path home) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "Intake throughput: %d referrals on the Kafka path, %d HTTP POSTs by %d clients,"
                        + " %d cores, stack %s%n",
                referrals,
                httpRequests,
                clients,
                Runtime.getRuntime().availableProcessors(),
                access.secured() ? "secured" : "insecure");
        // One desk for everything (in URL mode it must be a desk of the directory); each phase has its own
        // reference prefix, and each phase's receipts are awaited before the next starts, so intake never
        // works off one phase's backlog while another is measured.
        String desk = httpDesk;
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36)
                .toUpperCase(Locale.ROOT);

        // Warm-up: JIT, registry caches, consumer group settled, pattern subscription has seen the desk.
        int warm = Math.min(500, referrals);
        writeAsync(desk, submissions(desk, run + "-WARM-", warm));
        awaitReceipts(desk, run + "-WARM-", warm);
        postAll(run + "-HTTPWARM-", Math.min(200, httpRequests), clients, histogram());

        // Kafka path. Baseline 1: the raw producer, one record and its ack at a time.
        int syncCount = Math.max(200, referrals / 5);
        double rawSync = writeSync(desk, submissions(desk, run + "-SYNC-", syncCount), 1);
        awaitReceipts(desk, run + "-SYNC-", syncCount);
        // Baseline 2: the raw producer writing the whole batch as fast as acks=all allows; intake then drains it.
        double rawAsync = writeAsync(desk, submissions(desk, run + "-KAFKA-", referrals));
        double intakeRate = awaitReceipts(desk, run + "-KAFKA-", referrals);

        // HTTP path and its baseline: the same concurrency, each thread waiting for each ack.
        double rawConcurrent = writeSync(desk, submissions(desk, run + "-RAWHTTP-", httpRequests), clients);
        awaitReceipts(desk, run + "-RAWHTTP-", httpRequests);
        Histogram latency = histogram();
        double httpRate = postAll(run + "-HTTP-", httpRequests, clients, latency);

        double httpRatio = httpRate / rawConcurrent;
        StringBuilder table = new StringBuilder();
        line(
                table,
                "%nIntake throughput, %d cores, stack %s; HTTP: %d clients, one connection each%n%n",
                Runtime.getRuntime().availableProcessors(),
                access.secured() ? "secured" : "insecure",
                clients);
        line(table, "| path | measure | rate /s | ratio |%n");
        line(table, "| --- | --- | ---: | ---: |%n");
        row(table, "Kafka", "raw producer, async, acks=all (baseline)", rawAsync, 1.0);
        row(table, "Kafka", "raw producer, one record + ack at a time", rawSync, rawSync / rawAsync);
        row(table, "Kafka", "intake: outbox -> ReferralSubmitted + receipt", intakeRate, intakeRate / rawAsync);
        line(table, "| Kafka | intake / raw one-at-a-time | | %.2f |%n", intakeRate / rawSync);
        row(table, "HTTP", clients + " threads x raw send+ack (baseline)", rawConcurrent, 1.0);
        row(table, "HTTP", "POST /api/v1/referrals -> 202", httpRate, httpRatio);
        line(
                table,
                "%nHTTP intake / raw producer awaiting each ack, %d at once: %.2f (goal >= %.1f: %s)%n",
                clients,
                httpRatio,
                HTTP_GOAL,
                httpRatio >= HTTP_GOAL ? "met" : "NOT met");
        line(
                table,
                "POST latency (µs): p50 %d, p90 %d, p99 %d, max %d%n",
                latency.getValueAtPercentile(50),
                latency.getValueAtPercentile(90),
                latency.getValueAtPercentile(99),
                latency.getMaxValue());
        System.out.print(table);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("secured", access.secured());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("referrals", referrals);
        json.put("httpRequests", httpRequests);
        json.put("clients", clients);
        json.put("rawProducerAsyncPerSecond", rawAsync);
        json.put("rawProducerOneAtATimePerSecond", rawSync);
        json.put("intakeKafkaPerSecond", intakeRate);
        json.put("rawProducerAwaitingAcksPerSecond", rawConcurrent);
        json.put("intakeHttpPerSecond", httpRate);
        json.put("ratioHttpToRawAwaitingAcks", httpRatio);
        json.put("goal", HTTP_GOAL);
        json.put("goalMet", httpRatio >= HTTP_GOAL);
        Map<String, Object> postMicros = new LinkedHashMap<>();
        postMicros.put("p50", latency.getValueAtPercentile(50));
        postMicros.put("p90", latency.getValueAtPercentile(90));
        postMicros.put("p99", latency.getValueAtPercentile(99));
        postMicros.put("max", latency.getMaxValue());
        json.put("postLatencyMicros", postMicros);
        ResultFiles files = ResultFiles.of(home, "intake");
        files.writeJson(json);
        Map<String, Double> kafka = new LinkedHashMap<>();
        kafka.put("raw producer, async", rawAsync);
        kafka.put("raw producer, one at a time", rawSync);
        kafka.put("intake (Kafka path)", intakeRate);
        Map<String, Double> http = new LinkedHashMap<>();
        http.put("raw producer awaiting acks, same clients", rawConcurrent);
        http.put("intake over HTTP", httpRate);
        http.put(String.format(Locale.ROOT, "goal: %.1fx raw", HTTP_GOAL), HTTP_GOAL * rawConcurrent);
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        groups.put("Kafka path", kafka);
        groups.put("HTTP path", http);
        files.writeHtml(
                "Crossdesk intake throughput",
                table.toString(),
                List.of(Charts.bars("Referrals per second", "per second", groups, files.png("rate"))));
        System.out.println("\nresults: " + files.json() + ", .html and .png");
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
    }

    // ------------------------------------------------------------------------------------------- Kafka path

    private static List<OutboxMessage> submissions(String desk, String prefix, int count) {
        ReferralSubmission template = ExampleEvents.fugitiveSubmission();
        List<OutboxMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String reference = prefix + i;
            messages.add(OutboxMessage.newBuilder()
                    .setMetadata(EventMetadata.newBuilder()
                            .setEventId(UUID.randomUUID().toString())
                            .setOccurredAt(Instant.now())
                            .setProducer("bench")
                            .setCorrelationId(reference)
                            .setCausationId(null)
                            .build())
                    .setMessage(ReferralSubmission.newBuilder(template)
                            .setIssuingDesk(desk)
                            .setDeskReference(reference)
                            .build())
                    .build());
        }
        return messages;
    }

    /** Writes all messages without waiting in between; returns records per second until the last ack. */
    private double writeAsync(String desk, List<OutboxMessage> messages) throws Exception {
        createDeskTopics(desk);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings.producer("bench-async"))) {
            producer.send(ping(desk)).get(); // the schema id is cached before the clock starts
            List<Future<?>> acks = new ArrayList<>(messages.size());
            long start = System.nanoTime();
            for (OutboxMessage m : messages) {
                acks.add(producer.send(new ProducerRecord<>(Topics.deskOutboxName(desk), reference(m), m)));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
            return messages.size() / seconds(start);
        }
    }

    /** {@code threads} producers' worth of sends, each waiting for its ack before the next; records per second. */
    private double writeSync(String desk, List<OutboxMessage> messages, int threads) throws Exception {
        createDeskTopics(desk);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings.producer("bench-sync"))) {
            producer.send(ping(desk)).get();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                long start = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    done.add(pool.submit(() -> {
                        for (int i = first; i < messages.size(); i += threads) {
                            OutboxMessage m = messages.get(i);
                            producer.send(new ProducerRecord<>(Topics.deskOutboxName(desk), reference(m), m))
                                    .get();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                return messages.size() / seconds(start);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Waits until the desk's inbox holds {@code count} receipts for references starting with {@code prefix}
     * and returns intake's rate: receipts per second between the first and the last receipt's timestamp.
     */
    private double awaitReceipts(String desk, String prefix, int count) {
        Map<String, Object> config = new HashMap<>(settings.consumer("bench-receipts-" + UUID.randomUUID()));
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int seen = 0;
        long deadline = System.nanoTime() + READY.toNanos();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.deskInboxName(desk))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (seen < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Only " + seen + " of " + count + " receipts for " + desk + " within " + READY);
                }
                for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() instanceof InboxMessage m
                            && m.getMessage() instanceof SubmissionReceipt receipt
                            && receipt.getDeskReference().startsWith(prefix)) {
                        seen++;
                        first = Math.min(first, r.timestamp());
                        last = Math.max(last, r.timestamp());
                    }
                }
            }
        }
        return last > first ? (count - 1) * 1000.0 / (last - first) : Double.NaN;
    }

    private void createDeskTopics(String desk) throws Exception {
        if (deskTopicsReady) {
            return;
        }
        deskTopicsReady = true;
        if (access.secured()) {
            // As the admin: the desk's topics, and the services' ACLs on them (intake reads the outbox and writes the
            // inbox), as routing's desk issuer grants them to a desk it adds. Without routing nobody else would.
            try (Admin admin = Admin.create(settings.admin())) {
                AccessAdmin accessAdmin = new AccessAdmin(admin, READY);
                accessAdmin.createTopics(CatalogueTopics.desk(desk, (short) 1));
                accessAdmin.grant(AccessPlan.forDesk(desk));
            }
            return;
        }
        try (Admin admin = Admin.create(settings.admin())) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic<?, ?> topic : List.of(Topics.deskOutbox(desk), Topics.deskInbox(desk))) {
                topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()));
                topics.add(new NewTopic(topic.deadLetterName(), topic.partitions(), (short) 1));
            }
            try {
                admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static ProducerRecord<String, Object> ping(String desk) {
        OutboxMessage ping = submissions(desk, "PING-" + UUID.randomUUID(), 1).get(0);
        return new ProducerRecord<>(Topics.deskOutboxName(desk), reference(ping), ping);
    }

    private static String reference(OutboxMessage m) {
        return ((ReferralSubmission) m.getMessage()).getDeskReference();
    }

    // -------------------------------------------------------------------------------------------- HTTP path

    /** {@code clients} threads POSTing distinct referrals back to back; requests per second. */
    private double postAll(String prefix, int requests, int clients, Histogram latency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < clients; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < requests; i += clients) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/referrals"))
                                .header("Authorization", "Bearer " + httpKey)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(referralJson(prefix + i)))
                                .build();
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 202) {
                            throw new IllegalStateException(
                                    "POST answered " + response.statusCode() + ": " + response.body());
                        }
                        synchronized (latency) {
                            latency.recordValue(Math.min(
                                    TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent),
                                    latency.getHighestTrackableValue()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return requests / seconds(start);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The example fugitive referral as JSON (a synthetic person), under {@code reference}. */
    private String referralJson(String reference) {
        return """
        {"deskReference":"%s","issuingDesk":"%s","type":"FUGITIVE","priority":"URGENT",
         "purpose":"Locate and arrest with a view to surrender",
         "legalBasis":{"type":"EUROPEAN_ARREST_WARRANT","reference":"Framework Decision 2002/584/JHA, Art. 8"},
         "handling":{"code":"H2","caveat":"Not to be passed on without consent"},
         "evaluation":{"scheme":"EUROPOL_4X4","source":"B","content":"2"},
         "summary":"Subject wanted for armed robbery in Lyon; believed to have left for Spain by road.",
         "subjects":[{"personId":"P1","names":[{"familyName":"MOREAU-VIDAL","givenNames":["Julien"],"nameType":"PRIMARY"}],
           "dateOfBirth":"1988-06-14","sex":"MALE","nationalities":["DE","ES"],"role":"SUBJECT"}],
         "requestedDesks":["DE-BKA"],"broadcast":false,
         "details":{"warrants":[{"personId":"P1","issuingCountry":"FR","issuingAuthority":"Tribunal judiciaire de Lyon",
           "reference":"MA-LYON-2026-00311","issuedOn":"2026-02-20","charge":"Vol avec arme","chargeLanguage":"fr",
           "maximumPenaltyMonths":240,"offenceCategory":"ORGANISED_OR_ARMED_ROBBERY"}],
           "lastKnownLocations":[{"country":"ES","place":"Valencia"}],"extraditionIntended":true}}
        """.formatted(reference, httpDesk);
    }

    // ------------------------------------------------------------------------------------------- plumbing

    private static void row(StringBuilder table, String path, String measure, double rate, double ratio) {
        line(table, "| %s | %s | %,.0f | %.2f |%n", path, measure, rate, ratio);
    }

    private static void line(StringBuilder table, String format, Object... args) {
        table.append(String.format(Locale.ROOT, format, args));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
