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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crossdesk.launcher.process.ChildProcess;
import org.crossdesk.launcher.process.ChildSpec;
import org.crossdesk.launcher.process.Supervisor;
import org.crossdesk.launcher.services.LocalSecret;

/**
 * A real Kafka broker (KRaft, one combined node) run as a child JVM from the Kafka jars that the build
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
        requireJars(kafkaLib);
        Path config = runDir.resolve("server.properties");
        Path logging = runDir.resolve("kafka-log4j2.properties");
        try {
            Files.createDirectories(runDir);
            // It holds the broker's secrets: readable by its owner only.
            Files.deleteIfExists(config);
            LocalSecret.ownerOnly(config);
            Files.writeString(config, ServerProperties.render(settings));
            Files.writeString(logging, LOG4J2_PROPERTIES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration into " + runDir, e);
        }
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        jvm.add("-Dlog4j2.configurationFile=" + logging.toAbsolutePath());
        String classpath = kafkaLib.toAbsolutePath() + File.separator + "*";

        if (!Files.exists(settings.logDir().resolve("meta.properties"))) {
            format(settings, config, classpath, jvm, runDir, supervisor, timeout);
        }
        ChildProcess broker = supervisor.start(new ChildSpec(
                "kafka",
                jvm,
                ChildSpec.mainClass(classpath, "kafka.Kafka"),
                List.of(config.toAbsolutePath().toString()),
                Map.of(),
                runDir));
        KafkaBroker started = new KafkaBroker(settings, broker);
        try {
            started.awaitReady(timeout);
        } catch (RuntimeException e) {
            broker.stop(Duration.ofSeconds(10));
            throw e;
        }
        return started;
    }

    private static void format(
            BrokerSettings settings,
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
        List<String> arguments = new ArrayList<>(List.of(
                "format",
                "-t",
                ClusterId.random(),
                "-c",
                config.toAbsolutePath().toString(),
                "--ignore-formatted"));
        if (settings.isSecured()) {
            // KIP-900: the super user's SCRAM credential goes into the metadata log with the format, so the broker can
            // authenticate the launcher (and itself, between its listeners) from its first start.
            arguments.addAll(List.of(
                    "--add-scram",
                    "SCRAM-SHA-512=[name=" + ServerProperties.ADMIN_USER + ",password="
                            + settings.secrets().admin() + "]"));
        }
        ChildProcess tool = supervisor.start(new ChildSpec(
                "kafka-storage-format",
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

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BrokerStartException(
                        "the broker exited with code " + process.exitCode().orElse(-1)
                                + " while starting; last lines of " + process.log() + ":\n" + process.tail(40));
            }
            if (process.output().contains(READY_LINE) && accepts(settings.host(), settings.port())) {
                return;
            }
            pause(100);
        }
        throw new BrokerStartException("the broker was not ready within " + timeout + "; last lines of " + process.log()
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
