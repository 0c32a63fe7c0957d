package org.crossdesk.bench.serde;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The serde/plain cost ratio measured by interleaving: short alternating blocks of each contender, the ratio
 * taken per round and the median reported. Slow drifts in machine load (other processes on a shared box) hit
 * both sides of a round alike, which sequential JMH runs cannot promise. A plain/plain round (A/A) in the same
 * loop shows the noise floor. Complements {@link SerdeBenchmark}; it is not a substitute for JMH on a quiet
 * machine.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.crossdesk.bench.serde.SerdeRatio [rounds] [block] [registryUrl]</pre>
 */
public final class SerdeRatio {

  private static volatile Object sink;

  private SerdeRatio() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    String url = args.length > 2 ? args[2] : null;
    try (SerdeFixture f = new SerdeFixture(url)) {
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
      System.out.printf(Locale.ROOT, "%d interleaved rounds of %d calls each; record %d bytes framed%n",
          rounds, block, f.framed.length);
      System.out.printf(Locale.ROOT, "%-12s %12s %12s %10s %18s%n", "", "serde ns/op", "plain ns/op",
          "ratio", "ratio p25..p75");
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
    System.out.printf(Locale.ROOT, "%-12s %12.0f %12.0f %10.3f %8.3f..%.3f%n", name, median(serdeNs),
        median(plainNs), median(ratios), quantile(ratios, 0.25), quantile(ratios, 0.75));
  }

  private static double time(int calls, Supplier<?> call) {
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      sink = call.get();
    }
    return (System.nanoTime() - start) / (double) calls;
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
