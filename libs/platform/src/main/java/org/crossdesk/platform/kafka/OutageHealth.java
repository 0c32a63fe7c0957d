package org.crossdesk.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.RetryListener;

/**
 * DOWN while the service's listeners are waiting out an outage ({@link Outages}): the broker or the schema registry does
 * not answer, so records wait and nothing moves, though every process is up. Fed by the listeners' error handlers (a
 * {@link RetryListener}: every failed attempt) and by code that waits itself ({@link #outage}); DOWN from a failure until
 * {@link #QUIET} has passed without another, longer than the longest {@link OutageBackOff} wait, so it stays DOWN
 * between the attempts of one outage and turns UP once an attempt succeeds and none fails after it.
 */
public final class OutageHealth implements HealthIndicator, RetryListener {

    /** How long after the last failed attempt the outage counts as over. */
    public static final Duration QUIET = OutageBackOff.MAX.plusSeconds(15);

    private record Seen(Instant at, String where, String cause) {}

    private final Clock clock;
    private volatile Seen last;

    public OutageHealth(Clock clock) {
        this.clock = clock;
    }

    /** A failed attempt to process a record of {@code where}: counted if it is an outage. */
    public void outage(String where, Throwable failure) {
        if (Outages.isOutage(failure)) {
            last = new Seen(clock.instant(), where, rootCause(failure));
        }
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        outage(record.topic() + "-" + record.partition() + "@" + record.offset(), failure);
    }

    @Override
    public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int deliveryAttempt) {
        outage("a batch of " + records.count() + " records", failure);
    }

    @Override
    public Health health() {
        Seen seen = last;
        if (seen == null || !clock.instant().isBefore(seen.at().plus(QUIET))) {
            return Health.up().build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("waitingSince", seen.at().toString());
        details.put("record", seen.where());
        details.put("cause", seen.cause());
        return Health.down().withDetails(details).build();
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
