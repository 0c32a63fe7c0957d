package org.crossdesk.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The arithmetic from two readings to % of one core, and the goals beside the stack's total. */
class CpuReportTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    @Test
    void aPhaseIsTheDifferenceOfTwoReadingsOverTheWallTime() {
        CpuMeter.Reading start = reading(0, Map.of("broker", 10_000, "intake", 5_000), 1_000, 100, 1_000);
        // One minute later: the broker used 1.2 s (2 % of one core), intake 0.6 s; the machine's two cores were busy
        // for 150 of 1,000 ticks.
        CpuMeter.Reading end = reading(MINUTE, Map.of("broker", 11_200, "intake", 5_600), 4_000, 250, 2_000);

        PhaseCpu phase = PhaseCpu.between("idle", start, end, 2);

        assertThat(phase.wallSeconds()).isEqualTo(60.0);
        assertThat(phase.percentOfOneCore(phase.cpuSeconds().get("broker"))).isCloseTo(2.0, within(1e-9));
        assertThat(phase.perMinute(phase.cpuSeconds().get("broker"))).isCloseTo(1.2, within(1e-9));
        assertThat(phase.stackPercentOfOneCore()).isCloseTo(3.0, within(1e-9));
        assertThat(phase.selfCpuSeconds()).isCloseTo(3.0, within(1e-9));
        assertThat(phase.machinePercentOfOneCore().getAsDouble()).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void aProcessThatEndedIsLeftOutRatherThanCountedAsFree() {
        CpuMeter.Reading start = reading(0, Map.of("broker", 1_000, "routing", 1_000), 0, 0, 1);
        CpuMeter.Reading end = reading(MINUTE, Map.of("broker", 1_600), 0, 0, 1);

        assertThat(PhaseCpu.between("idle", start, end, 2).cpuSeconds()).containsOnlyKeys("broker");
    }

    @Test
    void procStatIdleAndIowaitAreNotBusy() {
        assertThat(CpuMeter.parseProcStat("cpu  100 5 20 800 50 3 2 1 7 0"))
                .contains(new CpuMeter.MachineTicks(131, 981));
        assertThat(CpuMeter.parseProcStat("intr 1 2 3 4 5 6 7 8")).isEmpty();
    }

    @Test
    void theTableShowsEachGoalBesideTheTotalAndTheBrokerAloneAsTheBaseline() {
        StackCpu.Options options = StackCpu.Options.parse(new String[] {"--settle", "30", "--demo-warmup", "10"});
        PhaseCpu baseline = new PhaseCpu("broker alone", 60, Map.of("broker", 0.6), 0.1, OptionalDouble.of(50));
        PhaseCpu idle = new PhaseCpu("idle", 60, ordered("broker", 0.9, "intake", 0.3), 0.2, OptionalDouble.empty());
        PhaseCpu demo =
                new PhaseCpu("demo 2/s", 60, ordered("broker", 3.0, "intake", 3.0), 1.5, OptionalDouble.empty());
        CpuReport.Results results =
                new CpuReport.Results("secured", true, List.of("-XX:+UseSerialGC"), options, baseline, idle, demo);

        String table = CpuReport.table(results);

        assertThat(table)
                .contains("goal: idle stack ≤ 3 % of one core: measured 2.00 %, measured/goal 0.67 (met)")
                .contains(
                        "goal: demo at 2 referrals/s ≤ 8 % of one core: measured 10.00 %, measured/goal 1.25 (not met)")
                .contains("idle stack / idle broker alone: 2.0x")
                .contains("measured after 30 s to settle, the demo after 10 s of warm-up");
        assertThat(table.lines().filter(line -> line.startsWith("intake")).findFirst())
                .hasValueSatisfying(
                        line -> assertThat(line).contains("-").contains("0.30").contains("3.00"));
        assertThat(table.lines()
                        .filter(line -> line.startsWith("benchmark JVM"))
                        .findFirst())
                .hasValueSatisfying(line -> assertThat(line).contains("2.50"));
    }

    private static Map<String, Double> ordered(String a, double aSeconds, String b, double bSeconds) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(a, aSeconds);
        map.put(b, bSeconds);
        return map;
    }

    private static CpuMeter.Reading reading(
            long nanos, Map<String, Integer> cpuMillis, long selfMillis, long machineBusy, long machineTotal) {
        Map<String, Duration> processes = new LinkedHashMap<>();
        cpuMillis.forEach((name, millis) -> processes.put(name, Duration.ofMillis(millis)));
        return new CpuMeter.Reading(
                nanos,
                processes,
                Duration.ofMillis(selfMillis),
                Optional.of(new CpuMeter.MachineTicks(machineBusy, machineTotal)));
    }
}
