package org.crossdesk.bench.cpu;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one phase cost: CPU seconds per process between two readings of a {@link CpuMeter}, over the wall time between
 * them. Rates are given as CPU seconds per minute and as % of one core (100 % = one core busy all the time), the
 * unit of the goals.
 *
 * @param cpuSeconds per process of the stack, in the stack's start order; a process missing from either reading (it
 *     ended) is missing here
 * @param selfCpuSeconds this JVM: the launcher's part (it supervises the children) and the load generator
 * @param machinePercentOfOneCore everything that ran on the machine, others' work included, if known
 */
record PhaseCpu(
        String name,
        double wallSeconds,
        Map<String, Double> cpuSeconds,
        double selfCpuSeconds,
        OptionalDouble machinePercentOfOneCore) {

    static PhaseCpu between(String name, CpuMeter.Reading start, CpuMeter.Reading end, int cores) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        start.processes().forEach((label, before) -> {
            Duration after = end.processes().get(label);
            if (after != null) {
                cpu.put(label, seconds(after.minus(before)));
            }
        });
        OptionalDouble machine = OptionalDouble.empty();
        if (start.machine().isPresent() && end.machine().isPresent()) {
            long busy = end.machine().get().busy() - start.machine().get().busy();
            long total = end.machine().get().total() - start.machine().get().total();
            if (total > 0) {
                machine = OptionalDouble.of(100.0 * cores * busy / total);
            }
        }
        return new PhaseCpu(
                name,
                (end.nanos() - start.nanos()) / 1e9,
                cpu,
                seconds(end.self().minus(start.self())),
                machine);
    }

    /** The stack's processes together; this JVM is not one of them. */
    double stackCpuSeconds() {
        return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double percentOfOneCore(double cpuSeconds) {
        return 100 * cpuSeconds / wallSeconds;
    }

    double perMinute(double cpuSeconds) {
        return 60 * cpuSeconds / wallSeconds;
    }

    double stackPercentOfOneCore() {
        return percentOfOneCore(stackCpuSeconds());
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("wallSeconds", wallSeconds);
        Map<String, Object> processes = new LinkedHashMap<>();
        cpuSeconds.forEach((label, seconds) -> processes.put(label, rates(seconds)));
        json.put("processes", processes);
        json.put("stackTotal", rates(stackCpuSeconds()));
        json.put("benchmarkJvm", rates(selfCpuSeconds));
        json.put(
                "machinePercentOfOneCore",
                machinePercentOfOneCore.isPresent() ? machinePercentOfOneCore.getAsDouble() : null);
        return json;
    }

    private Map<String, Object> rates(double seconds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cpuSeconds", seconds);
        json.put("cpuSecondsPerMinute", perMinute(seconds));
        json.put("percentOfOneCore", percentOfOneCore(seconds));
        return json;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
