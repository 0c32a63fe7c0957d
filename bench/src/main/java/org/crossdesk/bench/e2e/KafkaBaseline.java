package org.crossdesk.bench.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.crossdesk.bench.BenchStack;

/**
 * Kafka's own tools on the same broker, in the same run: ProducerPerformance (acks=all, idempotent, what our
 * services' producers use) for raw throughput, EndToEndLatency (produce one, consume it, repeat) for the
 * latency floor of one hop through the broker. Both authenticate as the benchmark's other clients do (the admin, on
 * a secured stack): their client settings are written to a properties file ({@link BenchStack}) that they read
 * ({@code --producer.config}, and EndToEndLatency's positional {@code properties_file}, which it applies to its
 * producer, its consumer and its admin client alike).
 */
final class KafkaBaseline {

    /** Figures parsed from the tools' output. */
    record Result(
            String tool,
            double recordsPerSecond,
            double mbPerSecond,
            double p50Ms,
            double p99Ms,
            double p999Ms,
            String raw) {}

    private final Path jar;
    private final String bootstrapServers;
    private final BenchStack access;
    private Path clientProperties;

    KafkaBaseline(Path jar, String bootstrapServers, BenchStack access) {
        this.jar = jar;
        this.bootstrapServers = bootstrapServers;
        this.access = access;
    }

    /** bootstrap.servers and the admin's SASL settings (nothing else when insecure), owner-only, made once. */
    private String clientProperties() {
        if (clientProperties == null) {
            clientProperties = access.writeClientProperties(bootstrapServers);
        }
        return clientProperties.toString();
    }

    Result producerPerformance(String topic, long records, int recordSize) throws IOException, InterruptedException {
        String out = run(List.of(
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(recordSize),
                "--throughput",
                "-1",
                "--producer.config",
                clientProperties(),
                "--producer-props",
                "bootstrap.servers=" + bootstrapServers,
                "acks=all",
                "enable.idempotence=true",
                "linger.ms=5"));
        return parseProducerPerformance(out);
    }

    /** The tool's last summary line, e.g. "200000 records sent, 151400.5 records/sec (144.39 MB/sec), ... 95 ms 50th, ...". */
    static Result parseProducerPerformance(String out) {
        String summary = out.lines()
                .filter(line -> line.contains("records sent") && line.contains("50th"))
                .reduce((a, b) -> b)
                .orElse("");
        Matcher m = Pattern.compile("([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\).*?(\\d+) ms 50th, (\\d+) ms 95th, "
                        + "(\\d+) ms 99th, (\\d+) ms 99.9th")
                .matcher(summary);
        if (!m.find()) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + out);
        }
        return new Result(
                "ProducerPerformance",
                Double.parseDouble(m.group(1)),
                Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(5)),
                Double.parseDouble(m.group(6)),
                summary);
    }

    Result endToEndLatency(String topic, int records, int recordSize) throws IOException, InterruptedException {
        // The tool creates its topic when its listTopics() does not show it, and dies of TopicExistsException if
        // it exists after all: so the topic is made here, and the tool starts only once the broker lists it.
        createIfAbsent(topic);
        // Kafka 4.1's EndToEndLatency takes positional arguments: brokers topic count acks size [properties_file].
        String out = run(List.of(
                "org.apache.kafka.tools.EndToEndLatency",
                bootstrapServers,
                topic,
                Integer.toString(records),
                "all",
                Integer.toString(recordSize),
                clientProperties()));
        return parseEndToEndLatency(out);
    }

    /** "Avg latency: 1.2 ms" and "Percentiles: 50th = 1, 99th = 6, 99.9th = 17" (milliseconds). */
    static Result parseEndToEndLatency(String out) {
        Matcher m = Pattern.compile("50th = ([\\d.]+), 99th = ([\\d.]+), 99.9th = ([\\d.]+)")
                .matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("EndToEndLatency printed no percentiles:\n" + out);
        }
        return new Result(
                "EndToEndLatency",
                Double.NaN,
                Double.NaN,
                Double.parseDouble(m.group(1)),
                Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)),
                out.lines()
                        .filter(line -> line.contains("Percentiles") || line.contains("Avg latency"))
                        .reduce((a, b) -> a + " " + b)
                        .orElse(""));
    }

    private void createIfAbsent(String topic) throws InterruptedException {
        try (Admin admin = Admin.create(access.kafka(bootstrapServers))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create " + topic, e.getCause());
                }
            }
            // A new topic reaches the broker's metadata cache a little after the controller committed it; until
            // then the tool's listTopics() does not show it and the tool tries to create it again.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException(topic + " was created but the broker does not list it after 30 s");
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create or list " + topic, e);
        }
    }

    private String run(List<String> mainAndArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", jar.toString()));
        command.addAll(mainAndArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", mainAndArgs.subList(0, 1)) + " failed:\n" + out);
        }
        return out;
    }

    static Optional<Path> ownJar() {
        try {
            Path path = Path.of(KafkaBaseline.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
