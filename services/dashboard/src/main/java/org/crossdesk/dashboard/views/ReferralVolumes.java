package org.crossdesk.dashboard.views;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;

/** Counts of referrals by type, priority, issuing country and time, and of lifecycle steps. */
final class ReferralVolumes {

    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;

    private final long[] byType = new long[ReferralType.values().length];
    private final long[] byPriority = new long[Priority.values().length];
    private final Map<String, long[]> byCountry = new HashMap<>();
    // Keyed by epoch hour / epoch day: a year of traffic is 8,760 + 365 small entries.
    private final Map<Long, long[]> perHour = new HashMap<>();
    private final Map<Long, long[]> perDay = new HashMap<>();
    private long submitted;
    private long rejected;
    private long routed;
    private long amended;
    private long withdrawn;
    private long closed;

    void submitted(ReferralType type, Priority priority, String issuingCountry, long atMillis) {
        submitted++;
        byType[type.ordinal()]++;
        byPriority[priority.ordinal()]++;
        byCountry.computeIfAbsent(issuingCountry, c -> new long[1])[0]++;
        perHour.computeIfAbsent(Math.floorDiv(atMillis, HOUR_MS), h -> new long[1])[0]++;
        perDay.computeIfAbsent(Math.floorDiv(atMillis, DAY_MS), d -> new long[1])[0]++;
    }

    void rejected() {
        rejected++;
    }

    void routed() {
        routed++;
    }

    void amended() {
        amended++;
    }

    void withdrawn() {
        withdrawn++;
    }

    void closed() {
        closed++;
    }

    VolumesView view(Instant end, int hours, int days) {
        Map<String, Long> types = new LinkedHashMap<>();
        for (ReferralType type : ReferralType.values()) {
            types.put(type.name(), byType[type.ordinal()]);
        }
        Map<String, Long> priorities = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            priorities.put(priority.name(), byPriority[priority.ordinal()]);
        }
        Map<String, Long> countries = new LinkedHashMap<>();
        byCountry.entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue((a, b) -> Long.compare(b[0], a[0]))
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> countries.put(e.getKey(), e.getValue()[0]));
        return new VolumesView(
                submitted,
                rejected,
                routed,
                amended,
                withdrawn,
                closed,
                types,
                priorities,
                countries,
                buckets(perHour, end.truncatedTo(ChronoUnit.HOURS).toEpochMilli(), HOUR_MS, hours),
                buckets(perDay, end.truncatedTo(ChronoUnit.DAYS).toEpochMilli(), DAY_MS, days));
    }

    private static List<VolumesView.Bucket> buckets(Map<Long, long[]> counts, long lastStart, long width, int n) {
        List<VolumesView.Bucket> buckets = new ArrayList<>(n);
        long last = Math.floorDiv(lastStart, width);
        for (long slot = last - n + 1; slot <= last; slot++) {
            long[] count = counts.get(slot);
            buckets.add(new VolumesView.Bucket(Instant.ofEpochMilli(slot * width), count == null ? 0 : count[0]));
        }
        return buckets;
    }
}
