package org.crossdesk.launcher.broker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crossdesk.launcher.process.ChildProcess;
import org.crossdesk.launcher.process.ChildSpec;
import org.crossdesk.launcher.process.Supervisor;
import org.crossdesk.launcher.services.LocalSecret;

/**
 * A real Kafka broker (KRaft, a combined broker and controller node, alone or one of a cluster) run as a child JVM from the Kafka jars that the build
 * copied into {@code launcher/target/kafka-lib}. Its data survive restarts: storage is formatted only
 * when the log directory has no {@code meta.properties} yet.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Kafka's own heap setting for a small broker; measured 325–435 MiB RSS at full speed. */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms256m",
            "-Xmx512m",
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-Djava.awt.headless=true",
            "-XX:+ExitOnOutOfMemoryError");

    static final String READY_LINE = "Kafka Server started";
    static final String META_PROPERTIES = "meta.properties";
    /** Controlled shutdown takes 2–3 s when idle; more with many partitions on a busy machine. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final BrokerSettings settings;
    private final ChildProcess process;

    private KafkaBroker(BrokerSettings settings, ChildProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /**
     * Formats the storage if needed, starts the broker and returns once it accepts connections.
     *
     * @param kafkaLib the directory of Kafka's jars
     * @param runDir where server.properties and the logging configuration are written
     */
    public static KafkaBroker start(
            BrokerSettings settings, Path kafkaLib, Path runDir, Supervisor supervisor, Duration timeout) {
        return startCluster(List.of(settings), kafkaLib, runDir, supervisor, timeout)
                .get(0);
    }

    /**
     * Formats the nodes' storage where needed (all with one cluster id: an existing node's, or a new one), starts every
     * node and returns once each has joined the cluster and accepts connections. All are started before any is
     * awaited: a node's broker becomes ready only once a majority of the controller voters is up. If one fails,
     * every node started is stopped.
     */
    public static List<KafkaBroker> startCluster(
            List<BrokerSettings> nodes, Path kafkaLib, Path runDir, Supervisor supervisor, Duration timeout) {
        requireJars(kafkaLib);
        Path logging = runDir.resolve("kafka-log4j2.properties");
        Map<BrokerSettings, Path> configs = new LinkedHashMap<>();
        try {
            Files.createDirectories(runDir);
            Files.writeString(logging, LOG4J2_PROPERTIES);
            for (BrokerSettings node : nodes) {
                Path config =
                        runDir.resolve(nodes.size() == 1 ? "server.properties" : node.processName() + ".properties");
                // It holds the broker's secrets: readable by its owner only.
                Files.deleteIfExists(config);
                LocalSecret.ownerOnly(config);
                Files.writeString(config, ServerProperties.render(node));
                configs.put(node, config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration into " + runDir, e);
        }
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        jvm.add("-Dlog4j2.configurationFile=" + logging.toAbsolutePath());
        String classpath = kafkaLib.toAbsolutePath() + File.separator + "*";

        String clusterId = existingClusterId(nodes).orElseGet(ClusterId::random);
        configs.forEach((node, config) -> {
            if (!Files.exists(node.logDir().resolve(META_PROPERTIES))) {
                format(node, clusterId, config, classpath, jvm, runDir, supervisor, timeout);
            }
        });
        List<KafkaBroker> started = new ArrayList<>();
        try {
            configs.forEach((node, config) -> started.add(new KafkaBroker(
                    node,
                    supervisor.start(new ChildSpec(
                            node.processName(),
                            jvm,
                            ChildSpec.mainClass(classpath, "kafka.Kafka"),
                            List.of(config.toAbsolutePath().toString()),
                            Map.of(),
                            runDir)))));
            long deadline = System.nanoTime() + timeout.toNanos();
            for (KafkaBroker broker : started) {
                broker.awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), timeout);
            }
        } catch (RuntimeException e) {
            started.forEach(broker -> broker.process.stop(Duration.ofSeconds(10)));
            throw e;
        }
        return List.copyOf(started);
    }

    /** The cluster id in the storage of any node formatted before, so that a node formatted now joins that cluster. */
    static Optional<String> existingClusterId(List<BrokerSettings> nodes) {
        for (BrokerSettings node : nodes) {
            Path meta = node.logDir().resolve(META_PROPERTIES);
            if (Files.exists(meta)) {
                Properties properties = new Properties();
                try (var in = Files.newBufferedReader(meta)) {
                    properties.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + meta, e);
                }
                return Optional.ofNullable(properties.getProperty("cluster.id"));
            }
        }
        return Optional.empty();
    }

    private static void format(
            BrokerSettings settings,
            String clusterId,
            Path config,
            String classpath,
            List<String> jvm,
            Path runDir,
            Supervisor supervisor,
            Duration timeout) {
        // The tool is a short JVM: a small heap is plenty.
        List<String> toolJvm = new ArrayList<>(jvm);
        toolJvm.removeIf(option -> option.startsWith("-Xm"));
        toolJvm.add("-Xmx128m");
        List<String> arguments = new ArrayList<>(
                List.of("format", "-t", clusterId, "-c", config.toAbsolutePath().toString(), "--ignore-formatted"));
        if (settings.isSecured()) {
            // KIP-900: the super user's SCRAM credential goes into the metadata log with the format, so the broker can
            // authenticate the launcher (and itself, between its listeners) from its first start.
            arguments.addAll(List.of(
                    "--add-scram",
                    "SCRAM-SHA-512=[name=" + ServerProperties.ADMIN_USER + ",password="
                            + settings.secrets().admin() + "]"));
        }
        ChildProcess tool = supervisor.start(new ChildSpec(
                settings.processName() + "-storage-format",
                toolJvm,
                ChildSpec.mainClass(classpath, "kafka.tools.StorageTool"),
                arguments,
                Map.of(),
                runDir));
        try {
            boolean ended = tool.handle().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS) != null;
            int code = tool.exitCode().orElse(-1);
            tool.stop(Duration.ZERO);
            if (!ended || code != 0) {
                throw new BrokerStartException("formatting the broker storage in " + settings.logDir()
                        + " failed (exit " + code + "):\n" + tool.tail(30));
            }
        } catch (TimeoutException e) {
            tool.stop(Duration.ZERO);
            throw new BrokerStartException("formatting the broker storage did not finish within " + timeout);
        } catch (ExecutionException e) {
            throw new BrokerStartException("formatting the broker storage failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tool.stop(Duration.ZERO);
            throw new BrokerStartException("interrupted while formatting the broker storage");
        }
    }

    private void awaitReady(Duration left, Duration timeout) {
        long deadline = System.nanoTime() + left.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BrokerStartException(settings.processName() + " exited with code "
                        + process.exitCode().orElse(-1) + " while starting; last lines of " + process.log() + ":\n"
                        + process.tail(40));
            }
            if (process.output().contains(READY_LINE) && accepts(settings.host(), settings.port())) {
                return;
            }
            pause(100);
        }
        throw new BrokerStartException(settings.processName() + " was not ready within " + timeout + "; last lines of "
                + process.log()
                + ":\n" + process.tail(40));
    }

    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for the broker");
        }
    }

    private static void requireJars(Path kafkaLib) {
        boolean present;
        try (var jars = Files.list(kafkaLib)) {
            present = jars.anyMatch(jar -> jar.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            throw new BrokerStartException(
                    "no Kafka jars in " + kafkaLib + "; build them with ./mvnw -q -DskipTests package -pl launcher");
        }
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public BrokerSettings settings() {
        return settings;
    }

    public ChildProcess process() {
        return process;
    }

    /** Stops the broker (controlled shutdown on SIGTERM, measured 2–3 s). */
    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }

    /** Console only (the launcher sends it to the broker's log file); the chattiest loggers turned down. */
    static final String LOG4J2_PROPERTIES = """
      status = warn
      appender.console.type = Console
      appender.console.name = STDOUT
      appender.console.layout.type = PatternLayout
      appender.console.layout.pattern = [%d] %p %m (%c)%n
      rootLogger.level = info
      rootLogger.appenderRef.console.ref = STDOUT
      logger.request.name = kafka.request.logger
      logger.request.level = warn
      logger.statechange.name = state.change.logger
      logger.statechange.level = warn
      logger.controller.name = org.apache.kafka.controller
      logger.controller.level = warn
      logger.raft.name = org.apache.kafka.raft
      logger.raft.level = warn
      logger.cleaner.name = kafka.log.LogCleaner
      logger.cleaner.level = warn
      logger.log.name = org.apache.kafka.storage.internals.log
      logger.log.level = warn
      """;
}
