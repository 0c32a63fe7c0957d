package org.crossdesk.bench.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.launcher.demo.SyntheticReferrals;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;

/**
 * Open-loop load: referral {@code n} is due at {@code start + n / rate}, and its latency is measured from
 * that intended instant, so a generator or a service that falls behind shows up as latency instead of
 * quietly lowering the rate (no coordinated omission).
 */
abstract class Load implements AutoCloseable {

    final LongAdder sent = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder skipped = new LongAdder();
    volatile String firstFailure;

    /** Sends referral {@code n} (its desk reference is {@code reference}). Must not block for long. */
    abstract void send(long n, String reference);

    /** Runs for {@code duration} at {@code rate}; returns the number of referrals due. */
    long run(String runId, double rate, Duration duration, Probes probes) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long n = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return n;
            }
            long due = (long) ((now - start) * rate / 1e9);
            while (n < due) {
                String reference = "B-" + runId + "-" + n;
                probes.submitted(reference, start + (long) (n * 1e9 / rate));
                send(n, reference);
                n++;
            }
            LockSupport.parkNanos(100_000);
        }
    }

    void failure(String what) {
        failed.increment();
        if (firstFailure == null) {
            firstFailure = what;
        }
    }

    /**
     * Desks submitting over the intake HTTP API; bodies from the demo's synthetic referrals. At most
     * {@code connections} requests are on the wire at once, so the client never opens more connections than that
     * (HTTP/1.1: one request per connection at a time) and the figures are Crossdesk's, not those of Tomcat's accept
     * queue. Requests due beyond that wait here, in order, and their wait counts: their latency runs from the
     * scheduled send. At most {@code maxInFlight} may wait or be on the wire; a submission due beyond that is
     * skipped (and counted), so an overloaded stack cannot make the generator hold an ever longer queue.
     */
    static final class Http extends Load {
        /** The bound for the HTTP generator (#15): beyond it the benchmark measures the accept queue. */
        static final int MAX_CONNECTIONS = 64;

        private static final ObjectMapper JSON = new ObjectMapper();
        private final HttpClient client;
        private final ExecutorService threads = Executors.newFixedThreadPool(2);
        private final URI submitUrl;
        private final SyntheticReferrals referrals;
        private final Semaphore outstanding;
        private final Semaphore connections;
        private final Queue<HttpRequest> waiting = new ConcurrentLinkedQueue<>();

        Http(URI intake, SyntheticReferrals referrals, int maxInFlight, int connections) {
            if (connections < 1 || connections > MAX_CONNECTIONS) {
                throw new IllegalArgumentException("--connections is 1 to " + MAX_CONNECTIONS + ", got " + connections);
            }
            this.client = HttpClient.newBuilder()
                    .executor(threads)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            this.submitUrl = intake.resolve("/api/v1/referrals");
            this.referrals = referrals;
            this.outstanding = new Semaphore(Math.max(maxInFlight, connections));
            this.connections = new Semaphore(connections);
        }

        @Override
        void send(long n, String reference) {
            if (!outstanding.tryAcquire()) {
                skipped.increment();
                return;
            }
            SyntheticReferrals.Submission submission = referrals.next(n);
            Map<String, Object> body = new LinkedHashMap<>(submission.body());
            body.put("deskReference", reference);
            String issuer = submission.issuer();
            String json;
            try {
                json = JSON.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            sent.increment();
            waiting.add(HttpRequest.newBuilder(submitUrl)
                    .header("Authorization", "Bearer demo-" + issuer)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build());
            startWaiting();
        }

        /**
         * Puts waiting requests on the wire while a connection is free. Called after each enqueue and each answer;
         * a caller that took a slot and found the queue empty gives the slot back and looks again, so a request
         * queued meanwhile by a caller that found no slot is not left behind.
         */
        private void startWaiting() {
            while (connections.tryAcquire()) {
                HttpRequest next = waiting.poll();
                if (next == null) {
                    connections.release();
                    if (waiting.isEmpty()) {
                        return;
                    }
                    continue;
                }
                client.sendAsync(next, HttpResponse.BodyHandlers.ofString())
                        .whenCompleteAsync(
                                (response, error) -> {
                                    connections.release();
                                    outstanding.release();
                                    if (error != null) {
                                        failure(error.toString());
                                    } else if (response.statusCode() / 100 == 2) {
                                        accepted.increment();
                                    } else {
                                        failure(response.statusCode() + " " + response.body());
                                    }
                                    startWaiting();
                                },
                                threads);
            }
        }

        @Override
        public void close() {
            threads.shutdownNow();
        }
    }

    /**
     * Kafka-native desks writing {@link OutboxMessage}s to their outboxes with kafka-clients and our serde;
     * the three example submissions (libs/events test-jar), each from its own issuing desk. On a secured stack it
     * writes as the cluster's admin (one producer for every desk's outbox), with the registry's basic auth.
     */
    static final class Kafka extends Load {
        private final KafkaProducer<String, Object> producer;
        private final List<ReferralSubmission> templates;
        private final Random random = new Random(1);

        /** @param knownDesks the directory's desks: the examples name a few others, which intake would refuse */
        Kafka(String bootstrapServers, String schemaRegistryUrl, BenchStack access, Set<String> knownDesks) {
            templates = Stream.of(
                            ExampleEvents.fugitiveSubmission(),
                            ExampleEvents.drugTraffickingSubmission(),
                            ExampleEvents.counterTerrorismSubmission())
                    .map(example -> ReferralSubmission.newBuilder(example)
                            // The counter-terrorism example is H3 (restricted to the requested desks) and requests
                            // AT-BKA,
                            // which the demo directory names AT-BK: dropping it left that third of the load with no
                            // recipient at all, and the drain waited for alerts that could never come.
                            .setRequestedDesks(example.getRequestedDesks().stream()
                                    .flatMap(desk -> sameCountry(desk, knownDesks).stream())
                                    .toList())
                            .setExcludedDesks(example.getExcludedDesks().stream()
                                    .filter(knownDesks::contains)
                                    .toList())
                            .build())
                    .toList();
            Properties settings = new Properties();
            // SASL as the admin and the serializer's registry credential (the producer passes its settings on to it).
            settings.putAll(access.kafka(bootstrapServers));
            settings.putAll(access.registryProperties());
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName());
            settings.put("schema.registry.url", schemaRegistryUrl);
            producer = new KafkaProducer<>(settings);
        }

        /** {@code desk} if the directory has it, else the directory's first desk of the same country. */
        private static Optional<String> sameCountry(String desk, Set<String> knownDesks) {
            if (knownDesks.contains(desk)) {
                return Optional.of(desk);
            }
            String country = desk.substring(0, desk.indexOf('-') + 1);
            return knownDesks.stream()
                    .filter(known -> known.startsWith(country))
                    .sorted()
                    .findFirst();
        }

        @Override
        void send(long n, String reference) {
            ReferralSubmission template = templates.get((int) (n % templates.size()));
            ReferralSubmission submission = ReferralSubmission.newBuilder(template)
                    .setDeskReference(reference)
                    .build();
            EventMetadata metadata = EventMetadata.newBuilder()
                    .setEventId(new UUID(random.nextLong(), n).toString())
                    .setOccurredAt(Instant.now())
                    .setProducer("bench-" + template.getIssuingDesk().toLowerCase())
                    .setCorrelationId(reference)
                    .setCausationId(null)
                    .build();
            sent.increment();
            producer.send(
                    new ProducerRecord<>(
                            Topics.deskOutboxName(template.getIssuingDesk()),
                            reference,
                            new OutboxMessage(metadata, submission)),
                    (metadataOut, error) -> {
                        if (error != null) {
                            failure(error.toString());
                        } else {
                            accepted.increment();
                        }
                    });
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
