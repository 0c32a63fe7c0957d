package org.crossdesk.dashboard.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.deadline.DeadlineKind;

/** Counts of missed deadlines by recipient desk, kind and priority. */
final class DeadlineBreaches {

    private final Map<String, long[]> byDesk = new HashMap<>();
    private final long[] byPriority = new long[Priority.values().length];
    private long total;

    // Per desk: [acknowledgement, response, total, escalated]
    void breached(String recipientDesk, DeadlineKind kind, Priority priority, boolean escalated) {
        long[] desk = byDesk.computeIfAbsent(recipientDesk, d -> new long[4]);
        if (kind == DeadlineKind.ACKNOWLEDGEMENT) {
            desk[0]++;
        } else if (kind == DeadlineKind.RESPONSE) {
            desk[1]++;
        }
        desk[2]++;
        if (escalated) {
            desk[3]++;
        }
        byPriority[priority.ordinal()]++;
        total++;
    }

    BreachesView view() {
        Map<String, Long> priorities = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            priorities.put(priority.name(), byPriority[priority.ordinal()]);
        }
        List<BreachesView.DeskBreaches> desks = new ArrayList<>(byDesk.size());
        byDesk.forEach((desk, n) ->
                desks.add(new BreachesView.DeskBreaches(desk, DeskCountry.of(desk), n[0], n[1], n[2], n[3])));
        desks.sort(Comparator.comparingLong(BreachesView.DeskBreaches::total)
                .reversed()
                .thenComparing(BreachesView.DeskBreaches::deskId));
        return new BreachesView(total, priorities, desks);
    }
}
