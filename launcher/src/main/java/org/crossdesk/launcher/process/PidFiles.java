package org.crossdesk.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One file per running child, {@code <name>.pid} holding "pid start-instant", so that a launcher that
 * died without cleaning up (and whose children's watchdogs did not fire) is cleaned up by the next one.
 * The start instant guards against killing an unrelated process that reused the pid.
 */
public final class PidFiles {

    private final Path dir;

    public PidFiles(Path dir) {
        this.dir = dir;
    }

    void record(String name, ProcessHandle process) {
        String line = process.pid() + " "
                + startOf(process).map(Instant::toEpochMilli).orElse(0L) + "\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".pid"), line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops every process still alive from a pid file of an earlier run and deletes the files.
     *
     * @return the names of the processes that had to be stopped
     */
    public List<String> reapStale(Duration grace) {
        List<String> reaped = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return reaped;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                Optional<ProcessHandle> stale = parse(Files.readString(file)).flatMap(PidFiles::stillRunning);
                if (stale.isPresent()) {
                    ProcessTree.stop(stale.get(), grace);
                    reaped.add(name);
                }
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pid files in " + dir, e);
        }
        return reaped;
    }

    private record Entry(long pid, long startMillis) {}

    private static Optional<Entry> parse(String content) {
        String[] parts = content.trim().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<ProcessHandle> stillRunning(Entry entry) {
        return ProcessHandle.of(entry.pid())
                .filter(ProcessHandle::isAlive)
                .filter(process -> startOf(process).map(Instant::toEpochMilli).orElse(-1L) == entry.startMillis());
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }
}
