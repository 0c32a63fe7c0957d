package org.crossdesk.launcher.services;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.crossdesk.launcher.process.ChildProcess;
import org.crossdesk.launcher.process.ChildSpec;
import org.crossdesk.launcher.process.Supervisor;

/** One service running from its exec jar as a child JVM. */
public final class ServiceProcess {

    private final Service service;
    private final String name;
    private final int port;
    private final ChildProcess process;
    private final Supplier<ServiceProcess> again;

    private ServiceProcess(
            Service service, String name, int port, ChildProcess process, Supplier<ServiceProcess> again) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.process = process;
        this.again = again;
    }

    public static ServiceProcess start(
            Service service,
            Path jar,
            int port,
            Map<String, String> environment,
            List<String> jvmOptions,
            Path workDir,
            Supervisor supervisor) {
        return start(service, service.id(), jar, port, environment, jvmOptions, workDir, supervisor);
    }

    /** An instance of the service named {@code name} (its process, log and pid file). */
    public static ServiceProcess start(
            Service service,
            String name,
            Path jar,
            int port,
            Map<String, String> environment,
            List<String> jvmOptions,
            Path workDir,
            Supervisor supervisor) {
        List<String> jvm = new ArrayList<>();
        jvm.add("-Xmx" + service.maxHeap());
        jvm.addAll(jvmOptions);
        ChildProcess process =
                supervisor.start(new ChildSpec(name, jvm, ChildSpec.jar(jar), List.of(), environment, workDir));
        return new ServiceProcess(
                service,
                name,
                port,
                process,
                () -> start(service, name, jar, port, environment, jvmOptions, workDir, supervisor));
    }

    /** The same service started again, as it was started (jar, port, environment, JVM options); returns at once. */
    public ServiceProcess startAgain() {
        return again.get();
    }

    public Service service() {
        return service;
    }

    /** This instance's name: the service's id, or {@code <id>-<n>} for instance n > 1. */
    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public ChildProcess process() {
        return process;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI healthUrl() {
        return baseUrl().resolve("/actuator/health");
    }

    /** Blocks until healthy; on failure the message carries the end of the service's log. */
    public void awaitHealthy(HealthCheck health, Duration timeout) {
        try {
            health.awaitUp(
                    service.id(),
                    healthUrl(),
                    timeout,
                    () -> process.exitCode()
                            .map(code -> "exit code " + code + "; last lines of " + process.log() + ":\n"
                                    + process.tail(40)));
        } catch (NotHealthyException e) {
            if (process.isAlive()) {
                throw new NotHealthyException(
                        e.getMessage() + "; last lines of " + process.log() + ":\n" + process.tail(40));
            }
            throw e;
        }
    }

    public Optional<Integer> exitCode() {
        return process.exitCode();
    }

    public boolean stop(Duration grace) {
        return process.stop(grace);
    }
}
