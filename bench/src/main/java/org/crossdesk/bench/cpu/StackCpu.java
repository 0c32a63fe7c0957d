package org.crossdesk.bench.cpu;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.bench.report.ResultFiles;
import org.crossdesk.launcher.Stack;
import org.crossdesk.launcher.StackOptions;
import org.crossdesk.launcher.demo.DemoTraffic;
import org.crossdesk.launcher.services.Service;

/**
 * What the stack costs in CPU when nobody uses it and under the demo's traffic, per process, against the goals
 * (issue #15: idle stack ≤ 3 % of one core in total, demo at 2 referrals/s ≤ 8 %).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.crossdesk.bench.cpu.StackCpu [--settle 60] [--baseline 60] [--idle 120]
 *     [--demo 120] [--demo-warmup 30] [--rate 2] [--service-jvm launcher|peak] [--insecure] [--home .]
 * </pre>
 *
 * <p>Same-run baseline first: Kafka's broker alone (the launcher's {@code --only broker}), settled for
 * {@code --settle} seconds, then idle for {@code --baseline} seconds ({@code 0}: skipped); it is stopped. Then the
 * whole stack as {@code ./crossdesk --demo} runs it (secured, or {@code --insecure}; the demo directory seeded, the
 * launcher's service JVM options, fresh data under bench/target/stack-cpu, free ports): {@code --settle} seconds not
 * measured (start-up work and the JIT finish), {@code --idle} seconds without traffic, then the launcher's own demo
 * traffic ({@link DemoTraffic}, as {@code ./crossdesk --demo} sends it) at {@code --rate} referrals/s, measured for
 * {@code --demo} seconds after {@code --demo-warmup} seconds (its first referrals load classes and start the follow-ups
 * that a steady demo always has in flight).
 *
 * <p>Each process's CPU time (user + system, with whatever it started) is read at the start and the end of each
 * phase ({@link CpuMeter}). This JVM stands for {@code ./crossdesk}'s launcher and runs the load generator: it is
 * reported on its own line and not counted in the stack's total. Results: a table on stdout, and JSON, an HTML page
 * and a PNG plot under bench/target/results/ ({@code stack-cpu-<time>}).
 */
public final class StackCpu {

    private StackCpu() {}

    record Options(
            Duration settle,
            Duration baseline,
            Duration idle,
            Duration demo,
            Duration demoWarmup,
            double rate,
            boolean insecure,
            List<String> serviceJvmOptions,
            Path home) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> flags = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--insecure")) {
                    flags.add(args[i]);
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    values.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            for (String name : values.keySet()) {
                if (!List.of("settle", "baseline", "idle", "demo", "demo-warmup", "rate", "service-jvm", "home")
                        .contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            }
            double rate = Double.parseDouble(values.getOrDefault("rate", "2"));
            if (!(rate > 0)) {
                throw new IllegalArgumentException("--rate must be more than 0");
            }
            Options options = new Options(
                    seconds(values.getOrDefault("settle", "60")),
                    seconds(values.getOrDefault("baseline", "60")),
                    seconds(values.getOrDefault("idle", "120")),
                    seconds(values.getOrDefault("demo", "120")),
                    seconds(values.getOrDefault("demo-warmup", "30")),
                    rate,
                    flags.contains("--insecure"),
                    serviceJvmOptions(values.getOrDefault("service-jvm", "launcher")),
                    Path.of(values.getOrDefault("home", ".")).toAbsolutePath().normalize());
            if (options.idle().isZero() || options.demo().isZero()) {
                throw new IllegalArgumentException("--idle and --demo are measured: they need at least 1 s");
            }
            return options;
        }

        /**
         * The services' JVM options: the launcher's ({@code launcher}, what {@code ./crossdesk} runs and the goals are
         * about) or the benchmarks' {@code peak} ones (both JIT compilers), to weigh start-up against steady CPU.
         */
        private static List<String> serviceJvmOptions(String name) {
            return switch (name) {
                case "launcher" -> StackOptions.DEFAULT_SERVICE_JVM_OPTIONS;
                case "peak" -> StackOptions.PEAK_SERVICE_JVM_OPTIONS;
                default -> throw new IllegalArgumentException("--service-jvm is launcher or peak, not " + name);
            };
        }

        private static Duration seconds(String value) {
            Duration duration = Duration.ofSeconds(Long.parseLong(value));
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a duration cannot be negative: " + value);
            }
            return duration;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int cores = Runtime.getRuntime().availableProcessors();
        Stack.Progress progress = line -> System.out.println("[stack] " + line);

        PhaseCpu baseline = null;
        if (!options.baseline().isZero()) {
            // Kafka alone first: what the broker costs with nothing on it is the floor the stack is built on.
            StackOptions brokerOnly = stackOptions(options).only(true, EnumSet.noneOf(Service.class));
            try (Stack broker = Stack.start(brokerOnly, progress)) {
                System.out.println("stack: " + BenchStack.of(broker).describe());
                System.out.printf(
                        Locale.ROOT,
                        "baseline: Kafka's broker alone; settling %d s, then measuring %d s idle ...%n",
                        options.settle().toSeconds(),
                        options.baseline().toSeconds());
                Thread.sleep(options.settle().toMillis());
                baseline = measure("broker alone", options.baseline(), new CpuMeter(broker), cores);
            }
        }

        StackOptions full = stackOptions(options).only(true, EnumSet.allOf(Service.class));
        try (Stack stack = Stack.start(full, progress)) {
            if (baseline == null) {
                System.out.println("stack: " + BenchStack.of(stack).describe());
            }
            CpuMeter meter = new CpuMeter(stack);
            System.out.printf(
                    Locale.ROOT,
                    "settling %d s (not measured) ...%n",
                    options.settle().toSeconds());
            Thread.sleep(options.settle().toMillis());
            System.out.printf(
                    Locale.ROOT,
                    "idle: %d s without traffic ...%n",
                    options.idle().toSeconds());
            PhaseCpu idle = measure("idle", options.idle(), meter, cores);
            requireRunning(stack);

            PhaseCpu demo;
            String demoName = String.format(Locale.ROOT, "demo %s/s", rate(options.rate()));
            try (DemoTraffic traffic =
                    DemoTraffic.start(stack, options.rate(), line -> System.out.println("[stack] " + line))) {
                System.out.printf(
                        Locale.ROOT,
                        "demo: %s referrals/s; warming up %d s (not measured), then measuring %d s ...%n",
                        rate(options.rate()),
                        options.demoWarmup().toSeconds(),
                        options.demo().toSeconds());
                Thread.sleep(options.demoWarmup().toMillis());
                demo = measure(demoName, options.demo(), meter, cores);
            }
            requireRunning(stack);

            CpuReport.Results results = new CpuReport.Results(
                    BenchStack.of(stack).describe(),
                    stack.access().isPresent(),
                    options.serviceJvmOptions(),
                    options,
                    baseline,
                    idle,
                    demo);
            ResultFiles files = ResultFiles.of(options.home(), "stack-cpu");
            files.writeJson(results.json());
            CpuReport.writePage(results, files);
            System.out.println(CpuReport.table(results));
            System.out.println("results: " + files.json() + ", .html and "
                    + files.png("cpu").getFileName());
        }
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static PhaseCpu measure(String name, Duration duration, CpuMeter meter, int cores)
            throws InterruptedException {
        CpuMeter.Reading start = meter.read();
        Thread.sleep(duration.toMillis());
        PhaseCpu phase = PhaseCpu.between(name, start, meter.read(), cores);
        System.out.printf(
                Locale.ROOT,
                "%s: %.2f %% of one core in total over %.0f s (this JVM %.2f %%)%n",
                name,
                phase.stackPercentOfOneCore(),
                phase.wallSeconds(),
                phase.percentOfOneCore(phase.selfCpuSeconds()));
        return phase;
    }

    /** A service that died would make its phase look cheap: the run is void. */
    private static void requireRunning(Stack stack) {
        if (!stack.crashed().isEmpty()) {
            throw new IllegalStateException("exited during the measurement: "
                    + String.join(
                            ", ",
                            stack.crashed().stream()
                                    .map(service -> service.service().id() + " (see "
                                            + service.process().log() + ")")
                                    .toList()));
        }
    }

    /**
     * As {@code ./crossdesk --demo --fresh} starts it, the launcher's service JVM options included (they are what the
     * goal is about), but with its state under bench/target/stack-cpu and on free ports, so that it runs beside a
     * stack on the default ports.
     */
    private static StackOptions stackOptions(Options options) throws IOException {
        StackOptions stackOptions = StackOptions.forHome(options.home())
                .stateDir(options.home().resolve("bench/target/stack-cpu"))
                .fresh(true)
                // The demo's desks submit and answer with the published demo API keys, accepted only so.
                .demoCredentials(true)
                .insecure(options.insecure())
                .serviceJvmOptions(options.serviceJvmOptions())
                .onFreePorts();
        return stackOptions;
    }
}
