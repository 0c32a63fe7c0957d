package org.crossdesk.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.crossdesk.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Health is DOWN while listeners wait out an outage, and only then. */
class OutageHealthTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T05:00:00Z"));
    private final OutageHealth health = new OutageHealth(clock);
    private final ConsumerRecord<String, String> record =
            new ConsumerRecord<>("desk.FR-OCRTIS.outbox.v1", 2, 41, "k", "v");

    @Test
    void downFromAnOutageUntilItHasBeenQuietForLongerThanTheLongestWait() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        health.failedDelivery(record, new IllegalStateException("cannot read", new TimeoutException("registry")), 1);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails())
                .containsEntry("record", "desk.FR-OCRTIS.outbox.v1-2@41")
                .containsEntry("cause", "TimeoutException: registry");
        clock.advance(OutageBackOff.MAX); // between two attempts of the same outage
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        clock.advance(OutageHealth.QUIET.minus(OutageBackOff.MAX));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aRecordThatCanNeverBeProcessedIsNoOutage() {
        health.failedDelivery(record, new SerializationException("Unknown magic byte!"), 1);
        health.outage("routing's batch", new IllegalArgumentException("no such desk"));

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(1));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
