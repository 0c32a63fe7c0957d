package org.crossdesk.bench.serde;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.events.referral.ReferralEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Crossdesk serde (Confluent framing, registry-backed, cached) against plain Avro binary encoding of the
 * same record in the same run. The record is a fully populated {@code ReferralEvent} wrapping a
 * {@code ReferralSubmitted} (the lifecycle topic's value). The registry is reached during setup only: the
 * measured calls are the steady state, where the schema id is cached. Goal: serde ≤ 1.10 × plain.
 *
 * <p>{@code -p registryUrl=http://host:8081} uses a running registry; empty (default) starts an in-process
 * stand-in. A running registry of the secured stack is reached with the cluster admin's basic auth, read from the
 * stack's data directory ({@code -p dataDir=...}, default {@code .crossdesk/data} under the working directory;
 * {@link BenchStack}). On a loaded machine prefer {@link SerdeRatio}, which interleaves the contenders.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SerdeBenchmark {

    @Param("")
    public String registryUrl;

    /** The running stack's data directory, for the registry's credential; empty: {@code .crossdesk/data}. */
    @Param("")
    public String dataDir;

    private SerdeFixture fixture;

    /** Plain Avro's reusable pieces, per thread, as an application would keep them. */
    @State(Scope.Thread)
    public static class Plain {
        final SerdeFixture.PlainBuffers buffers = new SerdeFixture.PlainBuffers();
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        fixture = new SerdeFixture(
                registryUrl,
                registryUrl.isBlank()
                        ? Map.of()
                        : BenchStack.ofDataDir(dataDir.isBlank() ? BenchStack.DEFAULT_DATA_DIR : Path.of(dataDir))
                                .registryProperties());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public byte[] serdeSerialize() {
        return fixture.serdeSerialize();
    }

    @Benchmark
    public ReferralEvent serdeDeserialize() {
        return fixture.serdeDeserialize();
    }

    @Benchmark
    public ReferralEvent serdeRoundTrip() {
        return fixture.serdeRoundTrip();
    }

    @Benchmark
    public byte[] plainSerialize(Plain plain) {
        return fixture.plainSerialize(plain.buffers);
    }

    @Benchmark
    public ReferralEvent plainDeserialize(Plain plain) {
        return fixture.plainDeserialize(plain.buffers);
    }

    @Benchmark
    public ReferralEvent plainRoundTrip(Plain plain) {
        return fixture.plainRoundTrip(plain.buffers);
    }
}
