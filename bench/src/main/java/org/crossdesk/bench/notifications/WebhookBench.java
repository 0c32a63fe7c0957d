package org.crossdesk.bench.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.crossdesk.bench.BenchStack;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;

/**
 * Webhook delivery of a running notifications service, measured from outside (Kafka and HTTP only):
 * this harness registers a subscription pointing at its own local receiver, writes fully populated
 * alerts to a desk's inbox, and times each message from the moment it was due to be written until the
 * receiver got it. In the same run, a plain consumer of the same inbox times the same messages: the
 * produce→consume baseline that no delivery can beat.
 *
 * <ul>
 *   <li><b>Throughput:</b> {@code --count} alerts written as fast as possible; deliveries per second
 *   until the last one arrived, against messages consumed per second by the baseline consumer.</li>
 *   <li><b>Latency:</b> alerts at a fixed {@code --rate} for {@code --seconds} (after {@code --warmup}
 *   seconds not recorded), each measured from its scheduled send time (no coordinated omission);
 *   p50/p90/p99/p99.9/max for webhook and baseline, HdrHistogram.</li>
 * </ul>
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.crossdesk.bench.notifications.WebhookBench \
 *     --bootstrap 127.0.0.1:9092 --registry http://127.0.0.1:8081 --notifications http://127.0.0.1:8084 \
 *     --desk DE-BKA --key demo-DE-BKA [--count 5000] [--rate 200] [--seconds 30] [--warmup 5] [--subscriptions 1]
 *     [--home .] [--data-dir DIR]
 * </pre>
 *
 * On a secured stack the producer and the baseline consumer authenticate as the cluster's admin and the
 * serializer with the admin's registry basic auth, from the running stack's data directory ({@code --data-dir},
 * default {@code <--home>/.crossdesk/data}; {@link BenchStack}); plaintext when no admin secret is there.
 *
 * The service must allow webhooks to loopback addresses
 * ({@code crossdesk.notifications.webhooks.allow-private-addresses=true}).
 */
public final class WebhookBench {

    private static final Pattern REFERRAL = Pattern.compile("\"referralId\":\"([^\"]+)\"");
    private static final String SECRET = "bench-webhook-secret-" + UUID.randomUUID();

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> consumedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();
    private final CountDownLatch baselineReady = new CountDownLatch(1);
    private final BenchStack access;
    private volatile boolean running = true;

    private WebhookBench(BenchStack access) {
        this.access = access;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("bootstrap", "registry", "notifications", "desk", "key")) {
            if (!options.containsKey(required)) {
                System.err.println("Usage: WebhookBench --bootstrap <servers> --registry <url> --notifications <url>"
                        + " --desk <CC-AGENCY> --key <desk API key> [--count 5000] [--rate 200] [--seconds 30] [--warmup 5]"
                        + " [--subscriptions 1] [--home .] [--data-dir DIR]");
                System.exit(2);
            }
        }
        BenchStack access = BenchStack.fromOptions(options);
        System.out.println("stack: " + access.describe());
        new WebhookBench(access).run(options);
    }

    private void run(Map<String, String> options) throws Exception {
        String bootstrap = options.get("bootstrap");
        String desk = options.get("desk");
        int count = Integer.parseInt(options.getOrDefault("count", "5000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int subscriptions = Integer.parseInt(options.getOrDefault("subscriptions", "1"));
        Topic<String, InboxMessage> inbox = Topics.deskInbox(desk);
        ensureTopic(access.kafka(bootstrap), inbox);

        ExecutorService receiverThreads = Executors.newFixedThreadPool(8);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        receiver.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.nanoTime();
            if (!verifies(
                    exchange.getRequestHeaders().getFirst("Crossdesk-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Crossdesk-Signature"),
                    body)) {
                badSignatures.incrementAndGet();
            }
            Matcher matcher = REFERRAL.matcher(new String(body, StandardCharsets.UTF_8));
            if (matcher.find()) {
                deliveredAt.putIfAbsent(matcher.group(1), now);
            }
            bodyBytes.set(body.length);
            lastArrival.set(now);
            deliveries.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(receiverThreads);
        receiver.start();

        HttpClient http = HttpClient.newHttpClient();
        List<String> subscriptionIds = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            subscriptionIds.add(subscribe(
                    http, options, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + i));
        }

        Thread baseline = new Thread(() -> consume(bootstrap, inbox.name()), "baseline-consumer");
        baseline.setDaemon(true);
        baseline.start();
        if (!baselineReady.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The baseline consumer could not position itself on " + inbox.name());
        }

        Map<String, Object> producerConfig = access.kafka(bootstrap);
        producerConfig.putAll(access.registryProperties());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.put("schema.registry.url", options.get("registry"));
        producerConfig.put("auto.register.schemas", true);
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        try (KafkaProducer<String, Object> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), avroSerializer(producerConfig))) {
            // The subscription is read back before the API answers, and the baseline consumer starts at the end:
            // give both a moment, then prime the path once.
            send(producer, inbox.name(), desk, "BENCH-" + run + "-PRIME");
            awaitAll(Set.of("BENCH-" + run + "-PRIME"), Duration.ofSeconds(60));

            System.out.printf(
                    Locale.ROOT,
                    "%nWebhook delivery vs raw produce->consume, desk %s, %d subscription(s), "
                            + "fully populated alert (%d bytes of JSON per delivery)%n",
                    desk,
                    subscriptions,
                    bodyBytes.get());

            // Throughput: a burst.
            long deliveriesBefore = deliveries.get();
            List<String> burst = new ArrayList<>();
            long burstStart = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String id = "BENCH-" + run + "-T" + i;
                burst.add(id);
                sentAt.put(id, burstStart);
                send(producer, inbox.name(), desk, id);
            }
            producer.flush();
            awaitAll(Set.copyOf(burst), Duration.ofMinutes(5));
            long expected = deliveriesBefore + (long) count * subscriptions;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (deliveries.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double allRate = (double) (deliveries.get() - deliveriesBefore) / ((lastArrival.get() - burstStart) / 1e9);
            long lastConsumed = burst.stream().mapToLong(consumedAt::get).max().orElseThrow();
            long lastDelivered =
                    burst.stream().mapToLong(deliveredAt::get).max().orElseThrow();
            double consumeRate = count / ((lastConsumed - burstStart) / 1e9);
            double deliverRate = count / ((lastDelivered - burstStart) / 1e9);
            System.out.printf(Locale.ROOT, "%nThroughput (%d alerts written at once):%n", count);
            System.out.printf(Locale.ROOT, "  baseline consumed   %10.0f msg/s%n", consumeRate);
            System.out.printf(
                    Locale.ROOT,
                    "  webhooks delivered  %10.0f msg/s (first subscription to get each)"
                            + "  ratio %.2f of baseline%n",
                    deliverRate,
                    deliverRate / consumeRate);
            System.out.printf(
                    Locale.ROOT,
                    "  all deliveries      %10.0f deliveries/s (%d subscription(s))%n",
                    allRate,
                    subscriptions);

            // Latency at a fixed rate.
            long interval = 1_000_000_000L / rate;
            int total = rate * (warmup + seconds);
            int skip = rate * warmup;
            List<String> measured = new ArrayList<>();
            long start = System.nanoTime() + 100_000_000L;
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
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
                    "%nLatency at %d alerts/s for %d s (after %d s warm-up), from scheduled send," + " in ms:%n",
                    rate,
                    seconds,
                    warmup);
            System.out.printf(Locale.ROOT, "  %-22s %8s %8s %8s %8s %8s%n", "", "p50", "p90", "p99", "p99.9", "max");
            print("baseline consumed", consumed);
            print("webhook delivered", delivered);
            System.out.printf(
                    Locale.ROOT,
                    "  %-22s %8.2f %8.2f %8.2f%n",
                    "ratio webhook/baseline",
                    ratio(delivered, consumed, 50),
                    ratio(delivered, consumed, 90),
                    ratio(delivered, consumed, 99));
            System.out.printf(Locale.ROOT, "%nSignatures that did not verify: %d%n", badSignatures.get());
        } finally {
            running = false;
            for (String id : subscriptionIds) {
                http.send(
                        HttpRequest.newBuilder(URI.create(options.get("notifications") + "/api/v1/subscriptions/" + id))
                                .header("Authorization", "Bearer " + options.get("key"))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            receiver.stop(0);
            receiverThreads.shutdownNow();
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

    private String subscribe(HttpClient http, Map<String, String> options, String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(options.get("notifications") + "/api/v1/subscriptions"))
                        .header("Authorization", "Bearer " + options.get("key"))
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

    private Histogram histogram(List<String> ids, Map<String, Long> arrivals) {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        for (String id : ids) {
            histogram.recordValue(Math.max(0, (arrivals.get(id) - sentAt.get(id)) / 1_000));
        }
        return histogram;
    }

    private static void print(String label, Histogram histogram) {
        System.out.printf(
                Locale.ROOT,
                "  %-22s %8.2f %8.2f %8.2f %8.2f %8.2f%n",
                label,
                histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3);
    }

    private static double ratio(Histogram a, Histogram b, double percentile) {
        return (double) a.getValueAtPercentile(percentile) / Math.max(1, b.getValueAtPercentile(percentile));
    }

    private static boolean verifies(String timestamp, String signature, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
            return expected.equals(signature);
        } catch (Exception e) {
            return false;
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
