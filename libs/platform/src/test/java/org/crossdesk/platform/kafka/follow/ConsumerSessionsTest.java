package org.crossdesk.platform.kafka.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.crossdesk.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class ConsumerSessionsTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));

    private ConsumerSessions sessions() {
        return new ConsumerSessions("webhooks", Duration.ofSeconds(1), Duration.ofSeconds(8), clock, pauses::add);
    }

    @Test
    void aFailedSessionIsStartedAgainWithDoublingBackoffUpToTheMaximum() {
        ConsumerSessions sessions = sessions();
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);

        sessions.run(running::get, () -> {
            if (runs.incrementAndGet() <= 5) {
                throw new TimeoutException("Timeout of 60000ms expired before the position could be determined");
            }
            running.set(false); // the sixth is stopped
        });

        assertThat(runs).hasValue(6);
        assertThat(pauses).hasSize(5);
        assertWithinJitter(pauses.get(0), Duration.ofSeconds(1));
        assertWithinJitter(pauses.get(1), Duration.ofSeconds(2));
        assertWithinJitter(pauses.get(2), Duration.ofSeconds(4));
        assertThat(pauses.get(3)).isBetween(Duration.ofMillis(6_400), Duration.ofSeconds(8));
        assertThat(pauses.get(4)).isBetween(Duration.ofMillis(6_400), Duration.ofSeconds(8));
        assertThat(sessions.failures()).isEqualTo(5);
        assertThat(sessions.lastFailure()).contains("position could be determined");
        assertThat(sessions.state()).isEqualTo(ConsumerSessions.State.STOPPED);
    }

    @Test
    void aSessionThatRanLongerThanTheMaximumBackoffStartsTheBackoffAfresh() {
        ConsumerSessions sessions = sessions();
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);

        sessions.run(running::get, () -> {
            int run = runs.incrementAndGet();
            if (run == 3) {
                clock.advance(Duration.ofMinutes(5)); // a long healthy session before it fails
            }
            if (run <= 3) {
                throw new IllegalStateException("failure " + run);
            }
            running.set(false);
        });

        assertThat(pauses).hasSize(3);
        assertWithinJitter(pauses.get(0), Duration.ofSeconds(1));
        assertWithinJitter(pauses.get(1), Duration.ofSeconds(2));
        assertWithinJitter(pauses.get(2), Duration.ofSeconds(1));
    }

    @Test
    void theWakeupThatStopsASessionIsNotAFailure() {
        ConsumerSessions sessions = sessions();
        AtomicBoolean running = new AtomicBoolean(true);

        sessions.run(running::get, () -> {
            running.set(false);
            throw new WakeupException();
        });

        assertThat(sessions.failures()).isZero();
        assertThat(pauses).isEmpty();
    }

    @Test
    void reportsRestartingWhileWaitingToStartAgain() {
        List<ConsumerSessions.State> seenWhilePaused = new ArrayList<>();
        ConsumerSessions[] holder = new ConsumerSessions[1];
        holder[0] = new ConsumerSessions(
                "deadlines",
                Duration.ofMillis(10),
                Duration.ofMillis(10),
                clock,
                pause -> seenWhilePaused.add(holder[0].state()));
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);

        holder[0].run(running::get, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            running.set(false);
        });

        assertThat(seenWhilePaused).containsExactly(ConsumerSessions.State.RESTARTING);
    }

    @Test
    void anInterruptedBackoffEndsTheLoopAndKeepsTheInterrupt() {
        ConsumerSessions sessions =
                new ConsumerSessions("tables", Duration.ofSeconds(1), Duration.ofSeconds(1), clock, pause -> {
                    throw new InterruptedException();
                });
        AtomicInteger runs = new AtomicInteger();

        sessions.run(() -> true, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("boom");
        });

        assertThat(runs).hasValue(1);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(sessions.state()).isEqualTo(ConsumerSessions.State.STOPPED);
    }

    @Test
    void aSessionThatReturnsOnItsOwnHasStoppedReadingAndIsStartedAgainAsAFailure() {
        ConsumerSessions sessions = sessions();
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);

        sessions.run(running::get, () -> {
            if (runs.incrementAndGet() == 2) {
                running.set(false);
            }
        });

        assertThat(runs).hasValue(2);
        assertThat(sessions.failures()).isEqualTo(1);
        assertThat(sessions.lastFailure()).contains("ended although nothing stopped it");
        assertThat(sessions.state()).isEqualTo(ConsumerSessions.State.STOPPED);
    }

    @Test
    void aLoopKilledByAnErrorIsDeadAndTheServiceIsDown() {
        ConsumerSessions sessions = sessions();

        assertThatThrownBy(() -> sessions.run(() -> true, () -> {
                    throw new StackOverflowError();
                }))
                .isInstanceOf(StackOverflowError.class);

        assertThat(sessions.state()).isEqualTo(ConsumerSessions.State.DEAD);
        assertThat(new ConsumersHealth(List.of(sessions)).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void refusesABackoffThatCannotWork() {
        assertThatThrownBy(() -> new ConsumerSessions("x", Duration.ZERO, Duration.ofSeconds(1), clock, p -> {}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new ConsumerSessions("x", Duration.ofSeconds(2), Duration.ofSeconds(1), clock, p -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Kafka's back-off: the step, randomly within 20 % of it, so that instances failing together do not retry together. */
    private static void assertWithinJitter(Duration pause, Duration step) {
        assertThat(pause)
                .isBetween(
                        step.multipliedBy(8).dividedBy(10),
                        step.multipliedBy(12).dividedBy(10));
    }
}
