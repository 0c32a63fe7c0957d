package org.crossdesk.launcher.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.crossdesk.launcher.watchdog.WatchdogJar;

/**
 * Starts child JVMs that cannot outlive the launcher: each carries the parent watchdog agent, has a pid
 * file, and logs to {@code <logDir>/<name>.log} (appended, with a marker line per run).
 */
public final class Supervisor {

    private final Path java;
    private final List<String> sessionPrefix;
    private final Path watchdogJar;
    private final Path logDir;
    private final PidFiles pidFiles;

    public Supervisor(Path runDir, Path logDir) {
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
        this.sessionPrefix = setsid().map(setsid -> List.of(setsid.toString())).orElse(List.of());
        this.watchdogJar = WatchdogJar.writeInto(runDir);
        this.logDir = logDir;
        this.pidFiles = new PidFiles(runDir);
    }

    /** Stops what an earlier launcher left running; returns the names of those processes. */
    public List<String> reapStale() {
        return pidFiles.reapStale(Duration.ofSeconds(10));
    }

    public ChildProcess start(ChildSpec spec) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(spec.name() + ".log");
            Files.writeString(
                    log,
                    "---- crossdesk: starting " + spec.name() + " at " + Instant.now() + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            long logStart = ChildProcess.sizeOf(log);
            List<String> command = new ArrayList<>(sessionPrefix);
            command.addAll(ChildProcess.command(
                    java, watchdogJar, ProcessHandle.current().pid(), spec));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(spec.environment());
            Process process = builder.start();
            pidFiles.record(spec.name(), process.toHandle());
            return new ChildProcess(spec.name(), process, log, logStart, pidFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    /**
     * Ctrl-C signals the terminal's whole foreground process group at once; children in a session of their
     * own are spared, so the launcher can stop them in order (services first, the broker last). setsid
     * execs in place (the child is no group leader), so the process started is the JVM itself.
     */
    private static Optional<Path> setsid() {
        return Stream.of("/usr/bin/setsid", "/bin/setsid")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
