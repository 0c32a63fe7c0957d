package org.crossdesk.platform.kafka.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ConsumersHealthTest {

    @Test
    void downWhileAConsumerIsRestartingWithItsLastFailure() {
        ConsumerSessions tables = new ConsumerSessions(
                "tables", Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC(), p -> {});
        AtomicReference<Health> duringBackoff = new AtomicReference<>();
        ConsumerSessions[] webhooks = new ConsumerSessions[1];
        ConsumersHealth[] health = new ConsumersHealth[1];
        webhooks[0] = new ConsumerSessions(
                "inbox-webhooks",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Clock.systemUTC(),
                p -> duringBackoff.set(health[0].health()));
        health[0] = new ConsumersHealth(List.of(tables, webhooks[0]));
        assertThat(health[0].health().getStatus()).isEqualTo(Status.UP);

        int[] runs = {0};
        boolean[] running = {true};
        webhooks[0].run(() -> running[0], () -> {
            if (++runs[0] == 1) {
                throw new TimeoutException("commit timed out");
            }
            running[0] = false; // the second session is stopped
        });

        assertThat(duringBackoff.get().getStatus()).isEqualTo(Status.DOWN);
        assertThat(duringBackoff.get().getDetails()).containsKey("inbox-webhooks");
        assertThat(duringBackoff.get().getDetails().get("inbox-webhooks").toString())
                .contains("commit timed out");
        assertThat(health[0].health().getStatus()).isEqualTo(Status.UP);
    }
}
