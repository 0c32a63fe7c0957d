package org.crossdesk.bench.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * What one phase measured: when each referral was submitted (by desk reference), and the latencies from
 * submission to each alert in a recipient's inbox and to each alert delivered to a webhook.
 */
final class Probes {

    /** Submission instant per desk reference, {@link System#nanoTime()}. */
    final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
    /** Desk references whose first alert has arrived in an inbox. */
    final Map<String, Boolean> routed = new ConcurrentHashMap<>();

    final Recorder toInbox = new Recorder(3);
    final Recorder toWebhook = new Recorder(3);
    final LongAdder alertsInInboxes = new LongAdder();
    final LongAdder alertsAtWebhooks = new LongAdder();
    final AtomicLong lastRoutedNanos = new AtomicLong();
    volatile boolean recording;

    void submitted(String deskReference, long nanos) {
        submittedAt.put(deskReference, nanos);
    }

    void alertInInbox(String deskReference, long nanos) {
        Long sent = submittedAt.get(deskReference);
        if (sent == null) {
            return;
        }
        alertsInInboxes.increment();
        if (routed.putIfAbsent(deskReference, Boolean.TRUE) == null) {
            lastRoutedNanos.accumulateAndGet(nanos, Math::max);
        }
        if (recording) {
            toInbox.recordValue(Math.max(0, (nanos - sent) / 1_000));
        }
    }

    void alertAtWebhook(String deskReference, long nanos) {
        Long sent = submittedAt.get(deskReference);
        if (sent == null) {
            return;
        }
        alertsAtWebhooks.increment();
        if (recording) {
            toWebhook.recordValue(Math.max(0, (nanos - sent) / 1_000));
        }
    }
}
