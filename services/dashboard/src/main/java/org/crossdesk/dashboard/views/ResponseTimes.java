package org.crossdesk.dashboard.views;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.crossdesk.events.common.Priority;

/** Time-to-deliver and time-to-acknowledge distributions per priority. */
final class ResponseTimes {

    // A year in milliseconds: a recipient that acknowledges after months is still counted, not clipped.
    private static final long HIGHEST_MS = 366L * 24 * 3_600_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram[] toDeliver = histograms();
    private final Histogram[] toAcknowledge = histograms();

    void delivered(Priority priority, long millis) {
        record(toDeliver[priority.ordinal()], millis);
    }

    void acknowledged(Priority priority, long millis) {
        record(toAcknowledge[priority.ordinal()], millis);
    }

    ResponseTimesView view() {
        List<ResponseTimesView.PriorityTimes> rows = new ArrayList<>();
        Priority[] priorities = Priority.values();
        for (int i = priorities.length - 1; i >= 0; i--) {
            rows.add(new ResponseTimesView.PriorityTimes(
                    priorities[i].name(), distribution(toDeliver[i]), distribution(toAcknowledge[i])));
        }
        return new ResponseTimesView(rows);
    }

    private static void record(Histogram histogram, long millis) {
        // Producers' clocks differ slightly; a response stamped before its routing is "immediate", not an error.
        histogram.recordValue(Math.min(Math.max(millis, 0), HIGHEST_MS));
    }

    private static ResponseTimesView.Distribution distribution(Histogram h) {
        long count = h.getTotalCount();
        if (count == 0) {
            return new ResponseTimesView.Distribution(0, 0, 0, 0, 0, 0);
        }
        return new ResponseTimesView.Distribution(count, at(h, 50), at(h, 90), at(h, 99), at(h, 100), h.getMean());
    }

    // HdrHistogram answers the top of the value's bucket (3,000 ms reads 3,001); the bottom shows recorded
    // round values as they were, within the same 0.1 % precision.
    private static long at(Histogram h, double percentile) {
        return h.lowestEquivalentValue(h.getValueAtPercentile(percentile));
    }

    private static Histogram[] histograms() {
        Histogram[] histograms = new Histogram[Priority.values().length];
        for (int i = 0; i < histograms.length; i++) {
            histograms[i] = new Histogram(HIGHEST_MS, SIGNIFICANT_DIGITS);
        }
        return histograms;
    }
}
