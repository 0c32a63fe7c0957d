package org.crossdesk.bench.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crossdesk.launcher.Stack;
import org.crossdesk.launcher.process.ChildProcess;

/**
 * Reads the CPU time used so far by each process of a stack, by this JVM (the launcher's part and the load
 * generator) and by the whole machine, so that what a phase costs is the difference of two readings. CPU time is
 * what the kernel accounts to the process ({@link ProcessHandle.Info#totalCpuDuration()}: user + system), so time a
 * process spent waiting for a core on this shared machine does not count against it.
 */
final class CpuMeter {

    /** What {@code ./crossdesk} and the table call the broker; the launcher names its child {@code kafka}. */
    static final String BROKER = "broker";

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

    CpuMeter(Stack stack) {
        for (ChildProcess process : stack.processes()) {
            processes.put(label(process), process.handle());
        }
    }

    /** One reading of every counter, at one instant. */
    record Reading(long nanos, Map<String, Duration> processes, Duration self, Optional<MachineTicks> machine) {}

    /**
     * The machine's CPU time from {@code /proc/stat}, in clock ticks summed over all cores: everything that ran here,
     * the other users' work included. It tells how busy (how noisy) the machine was during a phase.
     */
    record MachineTicks(long busy, long total) {}

    Reading read() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach((label, handle) -> cpuOf(handle).ifPresent(duration -> cpu.put(label, duration)));
        return new Reading(
                System.nanoTime(),
                cpu,
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO),
                machine());
    }

    /** The processes this meter reads, in the stack's start order (broker first). */
    List<String> labels() {
        return List.copyOf(processes.keySet());
    }

    private static String label(ChildProcess process) {
        return process.name().equals("kafka") ? BROKER : process.name();
    }

    /**
     * The process's CPU time and that of whatever it started. The launcher's children are the JVMs themselves
     * ({@code setsid} execs in place), but a process started through a wrapper script would do its work in a child.
     * Empty once the process has ended: its time can no longer be read.
     */
    static Optional<Duration> cpuOf(ProcessHandle root) {
        if (!root.isAlive()) {
            return Optional.empty();
        }
        Optional<Duration> own = root.info().totalCpuDuration();
        if (own.isEmpty()) {
            return own;
        }
        Duration total = own.get();
        for (ProcessHandle descendant : root.descendants().toList()) {
            total = total.plus(descendant.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return Optional.of(total);
    }

    /** The first line of /proc/stat: {@code cpu user nice system idle iowait irq softirq steal ...}; Linux only. */
    static Optional<MachineTicks> machine() {
        try {
            return parseProcStat(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<MachineTicks> parseProcStat(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < 8) {
            return Optional.empty();
        }
        long idle = 0;
        long total = 0;
        // user nice system idle iowait irq softirq steal; guest time is already inside user and nice.
        for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
            long ticks = Long.parseLong(fields[i]);
            total += ticks;
            if (i == 4 || i == 5) {
                idle += ticks;
            }
        }
        return Optional.of(new MachineTicks(total - idle, total));
    }
}
