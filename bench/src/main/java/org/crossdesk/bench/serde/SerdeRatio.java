package org.crossdesk.bench.serde;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.crossdesk.bench.BenchStack;

/**
 * The serde/plain cost ratio measured by interleaving: short alternating blocks of each contender, timed in
 * thread CPU time, the ratio taken per round and the median reported. Slow drifts in machine load (other
 * processes on a shared box) hit both sides of a round alike, which sequential JMH runs cannot promise. A plain/plain round (A/A) in the same
 * loop shows the noise floor. Complements {@link SerdeBenchmark}; it is not a substitute for JMH on a quiet
 * machine.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.crossdesk.bench.serde.SerdeRatio [rounds] [block] [registryUrl] [dataDir]</pre>
 *
 * A running registry of the secured stack is reached with the cluster admin's basic auth from the stack's data
 * directory ({@code dataDir}, default {@code .crossdesk/data}; {@link BenchStack}), without auth if it has none.
 */
public final class SerdeRatio {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private static volatile Object sink;

    private SerdeRatio() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        String url = args.length > 2 ? args[2] : null;
        Map<String, String> auth = url == null || url.isBlank()
                ? Map.of()
                : BenchStack.ofDataDir(args.length > 3 ? Path.of(args[3]) : BenchStack.DEFAULT_DATA_DIR)
                        .registryProperties();
        try (SerdeFixture f = new SerdeFixture(url, auth)) {
            SerdeFixture.PlainBuffers buffers = new SerdeFixture.PlainBuffers();
            List<double[]> samples = new ArrayList<>();
            int warmupRounds = Math.max(5, rounds / 5);
            for (int round = 0; round < warmupRounds + rounds; round++) {
                double serdeSer = time(block, f::serdeSerialize);
                double plainSer = time(block, () -> f.plainSerialize(buffers));
                double serdeDe = time(block, f::serdeDeserialize);
                double plainDe = time(block, () -> f.plainDeserialize(buffers));
                double plainDe2 = time(block, () -> f.plainDeserialize(buffers));
                double serdeRt = time(block, f::serdeRoundTrip);
                double plainRt = time(block, () -> f.plainRoundTrip(buffers));
                if (round >= warmupRounds) {
                    samples.add(new double[] {serdeSer, plainSer, serdeDe, plainDe, plainDe2, serdeRt, plainRt});
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d interleaved rounds of %d calls each; record %d bytes framed; %s%n",
                    rounds,
                    block,
                    f.framed.length,
                    CPU_TIME ? "thread CPU time" : "wall time");
            System.out.printf(
                    Locale.ROOT,
                    "%-12s %12s %12s %10s %18s%n",
                    "",
                    "serde ns/op",
                    "plain ns/op",
                    "ratio",
                    "ratio p25..p75");
            report("serialize", samples, 0, 1);
            report("deserialize", samples, 2, 3);
            report("round trip", samples, 5, 6);
            report("A/A (plain)", samples, 4, 3);
        }
    }

    private static void report(String name, List<double[]> samples, int serde, int plain) {
        List<Double> ratios = new ArrayList<>();
        List<Double> serdeNs = new ArrayList<>();
        List<Double> plainNs = new ArrayList<>();
        for (double[] s : samples) {
            ratios.add(s[serde] / s[plain]);
            serdeNs.add(s[serde]);
            plainNs.add(s[plain]);
        }
        System.out.printf(
                Locale.ROOT,
                "%-12s %12.0f %12.0f %10.3f %8.3f..%.3f%n",
                name,
                median(serdeNs),
                median(plainNs),
                median(ratios),
                quantile(ratios, 0.25),
                quantile(ratios, 0.75));
    }

    /**
     * CPU time of this thread per call: time spent descheduled while other processes run does not count, which
     * makes the figures usable on a loaded machine. Wall time where the JVM cannot measure thread CPU time.
     */
    private static double time(int calls, Supplier<?> call) {
        long start = now();
        for (int i = 0; i < calls; i++) {
            sink = call.get();
        }
        return (now() - start) / (double) calls;
    }

    private static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
    }
}
