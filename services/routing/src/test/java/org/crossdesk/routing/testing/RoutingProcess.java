package org.crossdesk.routing.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.crossdesk.routing.RoutingApplication;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.RegistryFixture;

/**
 * The routing service as a child JVM on the shared broker and registry, so a test can kill it the hard way
 * ({@link Process#destroyForcibly()}: no shutdown hook, no graceful commit, transactions left open).
 */
public final class RoutingProcess implements AutoCloseable {

    /** The consumer group of the fan-out (spring.application.name). */
    public static final String GROUP = "routing";

    private final Process process;
    private final Path log;

    private RoutingProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the service; its output goes to {@code log}. */
    public static RoutingProcess start(Path log, String... extraArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                RoutingApplication.class.getName(),
                "--server.port=0",
                "--crossdesk.kafka.bootstrap-servers=" + KafkaFixture.bootstrapServers(),
                "--crossdesk.kafka.schema-registry-url=" + RegistryFixture.url(),
                "--crossdesk.demo=true", // the demo keys are published: accepted only in a demo (or a test)
                "--crossdesk.http.api-keys-file=../../config/demo/api-keys.txt",
                "--crossdesk.routing.seed-file=file:../../config/demo/directory.yaml",
                // A killed member must leave the group quickly, or its successor waits out the session.
                "--crossdesk.kafka.properties.session.timeout.ms=6000",
                "--crossdesk.kafka.properties.heartbeat.interval.ms=1000"));
        command.addAll(List.of(extraArguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new RoutingProcess(process, log);
    }

    /** Whether the fan-out group has a member with partitions, i.e. the service routes. */
    public static boolean groupIsStable() {
        try (Admin admin = Admin.create(Kafka.settings().admin())) {
            ConsumerGroupDescription group =
                    admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            return group.groupState() == GroupState.STABLE
                    && !group.members().isEmpty()
                    && group.members().stream()
                            .anyMatch(member ->
                                    !member.assignment().topicPartitions().isEmpty());
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the JVM at once (SIGKILL) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
