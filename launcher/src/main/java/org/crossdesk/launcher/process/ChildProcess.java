package org.crossdesk.launcher.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A running child JVM whose output goes to its own log file. */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final long logStart;
    private final PidFiles pidFiles;

    ChildProcess(String name, Process process, Path log, long logStart, PidFiles pidFiles) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
        this.pidFiles = pidFiles;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once it has ended. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    public Path log() {
        return log;
    }

    /** What this run of the child has written so far (earlier runs append to the same file). */
    public String output() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= logStart) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - logStart, Integer.MAX_VALUE)];
            file.seek(logStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of this run's output, for error messages. */
    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Stops the child and its descendants; true if it ended within the grace period. */
    public boolean stop(Duration grace) {
        boolean graceful = !process.isAlive() || ProcessTree.stop(process.toHandle(), grace);
        pidFiles.remove(name);
        return graceful;
    }

    static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> command(Path java, Path watchdogJar, long launcherPid, ChildSpec spec) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-javaagent:" + watchdogJar + "=" + launcherPid);
        command.addAll(spec.jvmOptions());
        command.addAll(spec.launch());
        command.addAll(spec.args());
        return command;
    }
}
