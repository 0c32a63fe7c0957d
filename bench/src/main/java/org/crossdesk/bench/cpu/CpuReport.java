package org.crossdesk.bench.cpu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crossdesk.bench.report.Charts;
import org.crossdesk.bench.report.ResultFiles;

/** The CPU benchmark's table (stdout), JSON and page (HTML with a bar plot per process and phase). */
final class CpuReport {

    /** Issue #15's goals, in % of one core for the whole stack. */
    static final double IDLE_GOAL_PERCENT = 3;

    static final double DEMO_GOAL_PERCENT = 8;
    /** The demo's rate the goal is stated for (and {@code ./crossdesk --demo}'s default). */
    static final double DEMO_GOAL_RATE = 2;

    private static final String STACK_TOTAL = "stack total";
    private static final String BENCHMARK_JVM = "benchmark JVM (not in the total)";

    /**
     * Everything measured in one invocation.
     *
     * @param baseline Kafka's broker alone, idle, before the services were started; null if not measured
     * @param idle the whole stack, idle
     * @param demo the whole stack under the demo's traffic
     */
    record Results(
            String stack,
            boolean secured,
            List<String> serviceJvmOptions,
            StackCpu.Options options,
            PhaseCpu baseline,
            PhaseCpu idle,
            PhaseCpu demo) {

        List<PhaseCpu> phases() {
            List<PhaseCpu> phases = new ArrayList<>();
            if (baseline != null) {
                phases.add(baseline);
            }
            phases.add(idle);
            phases.add(demo);
            return phases;
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("secured", secured);
            json.put("stack", stack);
            json.put("cores", Runtime.getRuntime().availableProcessors());
            json.put("serviceJvmOptions", serviceJvmOptions);
            json.put("demoRate", options.rate());
            json.put("settleSeconds", options.settle().toSeconds());
            json.put("demoWarmupSeconds", options.demoWarmup().toSeconds());
            json.put("baseline", baseline == null ? Map.of() : baseline.json());
            json.put("idle", idle.json());
            json.put("demo", demo.json());
            Map<String, Object> goals = new LinkedHashMap<>();
            goals.put("idle", goal(IDLE_GOAL_PERCENT, idle));
            goals.put("demo", goal(DEMO_GOAL_PERCENT, demo));
            json.put("goals", goals);
            return json;
        }

        private Map<String, Object> goal(double goal, PhaseCpu phase) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("goalPercentOfOneCore", goal);
            json.put("measuredPercentOfOneCore", phase.stackPercentOfOneCore());
            json.put("measuredOverGoal", phase.stackPercentOfOneCore() / goal);
            return json;
        }
    }

    private CpuReport() {}

    static String table(Results r) {
        List<PhaseCpu> phases = r.phases();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nStack CPU (%d cores; stack %s; measured after %d s to settle, the demo after %d s of warm-up)%n"
                        + "services' JVM options, the launcher's: %s%n"
                        + "CPU seconds per minute of wall time, and %% of one core (100 %% = one core busy all the"
                        + " time)%n%n",
                Runtime.getRuntime().availableProcessors(),
                r.secured()
                        ? "secured: SASL/SCRAM + ACLs, registry auth"
                        : "insecure: PLAINTEXT, no ACLs, no registry auth",
                r.options().settle().toSeconds(),
                r.options().demoWarmup().toSeconds(),
                String.join(" ", r.serviceJvmOptions())));
        out.append(String.format(Locale.ROOT, "%-34s", "process"));
        for (PhaseCpu phase : phases) {
            out.append(String.format(
                    Locale.ROOT,
                    " %24s",
                    String.format(Locale.ROOT, "%s (%.0f s)", phase.name(), phase.wallSeconds())));
        }
        out.append(String.format(Locale.ROOT, "%n%-34s", ""));
        for (int i = 0; i < phases.size(); i++) {
            out.append(String.format(Locale.ROOT, " %13s %10s", "s/min", "% core"));
        }
        out.append('\n');
        for (String process : processes(r)) {
            out.append(String.format(Locale.ROOT, "%-34s", process));
            for (PhaseCpu phase : phases) {
                Double seconds = phase.cpuSeconds().get(process);
                out.append(
                        seconds == null ? String.format(Locale.ROOT, " %13s %10s", "-", "-") : rates(phase, seconds));
            }
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%-34s", STACK_TOTAL));
        phases.forEach(phase -> out.append(rates(phase, phase.stackCpuSeconds())));
        // The goals beside the total they are about, and the total as a multiple of its goal.
        out.append(String.format(Locale.ROOT, "%n%-34s", "goal for the stack total"));
        phases.forEach(phase -> out.append(String.format(Locale.ROOT, " %13s %10s", "", goalOf(r, phase))));
        out.append(String.format(Locale.ROOT, "%n%-34s", "measured / goal"));
        for (PhaseCpu phase : phases) {
            double goal = goalPercent(r, phase);
            out.append(
                    Double.isNaN(goal)
                            ? String.format(Locale.ROOT, " %13s %10s", "", "")
                            : String.format(Locale.ROOT, " %13s %10.2f", "", phase.stackPercentOfOneCore() / goal));
        }
        out.append(String.format(Locale.ROOT, "%n%-34s", BENCHMARK_JVM));
        phases.forEach(phase -> out.append(rates(phase, phase.selfCpuSeconds())));
        out.append(String.format(Locale.ROOT, "%n%-34s", "machine, all processes (others' too)"));
        for (PhaseCpu phase : phases) {
            out.append(
                    phase.machinePercentOfOneCore().isPresent()
                            ? String.format(
                                    Locale.ROOT,
                                    " %13s %10.1f",
                                    "",
                                    phase.machinePercentOfOneCore().getAsDouble())
                            : String.format(Locale.ROOT, " %13s %10s", "", "-"));
        }
        out.append("\n\n");

        out.append(goal("idle stack", IDLE_GOAL_PERCENT, r.idle()));
        out.append(goal(
                String.format(Locale.ROOT, "demo at %s referrals/s", whole(DEMO_GOAL_RATE)),
                DEMO_GOAL_PERCENT,
                r.demo()));
        if (r.options().rate() != DEMO_GOAL_RATE) {
            out.append(String.format(
                    Locale.ROOT,
                    "  (this run's demo sent %s referrals/s; the goal is stated for %s/s)%n",
                    whole(r.options().rate()),
                    whole(DEMO_GOAL_RATE)));
        }
        if (r.baseline() != null) {
            Double broker = r.baseline().cpuSeconds().get(CpuMeter.BROKER);
            double brokerAlone = broker == null ? Double.NaN : r.baseline().percentOfOneCore(broker);
            out.append(String.format(
                    Locale.ROOT,
                    "baseline: Kafka's broker alone, idle: %.2f %% of one core; idle stack / idle broker alone: %.1fx;"
                            + " demo / idle broker alone: %.1fx%n",
                    brokerAlone,
                    r.idle().stackPercentOfOneCore() / brokerAlone,
                    r.demo().stackPercentOfOneCore() / brokerAlone));
        } else {
            out.append("baseline: Kafka's broker alone not measured (--baseline 0)\n");
        }
        out.append(String.format(
                Locale.ROOT,
                "the benchmark JVM plays ./crossdesk's launcher (it supervises the children) and runs the demo's"
                        + " load generator: not part of the stack's total%n"));
        return out.toString();
    }

    /** The page: the table and one bar plot, % of one core per process and phase. */
    static Path writePage(Results r, ResultFiles files) {
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        for (String process : processes(r)) {
            Map<String, Double> bars = new LinkedHashMap<>();
            for (PhaseCpu phase : r.phases()) {
                Double seconds = phase.cpuSeconds().get(process);
                if (seconds != null) {
                    bars.put(phase.name(), phase.percentOfOneCore(seconds));
                }
            }
            groups.put(process, bars);
        }
        Map<String, Double> total = new LinkedHashMap<>();
        Map<String, Double> self = new LinkedHashMap<>();
        for (PhaseCpu phase : r.phases()) {
            total.put(phase.name(), phase.stackPercentOfOneCore());
            self.put(phase.name(), phase.percentOfOneCore(phase.selfCpuSeconds()));
        }
        groups.put(STACK_TOTAL, total);
        groups.put(BENCHMARK_JVM, self);
        Path plot = Charts.bars(
                String.format(
                        Locale.ROOT,
                        "CPU by process (goals for the stack total: idle ≤ %s %%, demo at %s/s ≤ %s %%)",
                        whole(IDLE_GOAL_PERCENT),
                        whole(DEMO_GOAL_RATE),
                        whole(DEMO_GOAL_PERCENT)),
                "% of one core",
                groups,
                files.png("cpu"));
        return files.writeHtml("Crossdesk stack CPU", table(r), List.of(plot));
    }

    /** Every process of any phase, in the full stack's start order (the broker first). */
    private static List<String> processes(Results r) {
        List<String> processes = new ArrayList<>();
        for (PhaseCpu phase : List.of(r.idle(), r.demo())) {
            phase.cpuSeconds().keySet().stream()
                    .filter(process -> !processes.contains(process))
                    .forEach(processes::add);
        }
        if (r.baseline() != null) {
            r.baseline().cpuSeconds().keySet().stream()
                    .filter(process -> !processes.contains(process))
                    .forEach(processes::add);
        }
        return processes;
    }

    /** The goal a phase is measured against, in % of one core; NaN for the baseline, which has none. */
    private static double goalPercent(Results r, PhaseCpu phase) {
        if (phase == r.idle()) {
            return IDLE_GOAL_PERCENT;
        }
        return phase == r.demo() ? DEMO_GOAL_PERCENT : Double.NaN;
    }

    private static String goalOf(Results r, PhaseCpu phase) {
        double goal = goalPercent(r, phase);
        return Double.isNaN(goal) ? "" : "≤ " + whole(goal);
    }

    private static String rates(PhaseCpu phase, double cpuSeconds) {
        return String.format(
                Locale.ROOT, " %13.2f %10.2f", phase.perMinute(cpuSeconds), phase.percentOfOneCore(cpuSeconds));
    }

    private static String goal(String what, double goal, PhaseCpu phase) {
        double measured = phase.stackPercentOfOneCore();
        return String.format(
                Locale.ROOT,
                "goal: %s ≤ %s %% of one core: measured %.2f %%, measured/goal %.2f (%s)%n",
                what,
                whole(goal),
                measured,
                measured / goal,
                measured <= goal ? "met" : "not met");
    }

    private static String whole(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
