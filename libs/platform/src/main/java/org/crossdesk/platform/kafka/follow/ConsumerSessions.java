package org.crossdesk.platform.kafka.follow;

import static org.apache.kafka.clients.CommonClientConfigs.RETRY_BACKOFF_EXP_BASE;
import static org.apache.kafka.clients.CommonClientConfigs.RETRY_BACKOFF_JITTER;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one consumer thread working across failures nobody planned for: a broker that does not answer in
 * time under load, a commit that cannot complete, a bug in a handler. Without it such an exception ends the
 * thread, and the service goes on answering HTTP and reporting UP while it delivers nothing.
 *
 * <p>{@link #run} runs a session (open a consumer, poll until stopped, close it); when the session throws,
 * it is started again after a backoff that doubles from {@code first} up to {@code max}, each within 20 % of that:
 * Kafka's own {@link ExponentialBackoff}, the policy its clients use for {@code retry.backoff.ms} and the one
 * Crossdesk uses everywhere (docs/decisions/0010-one-back-off-policy.md). A session that ran longer than
 * {@code max} counts as having recovered, so its failure starts the backoff from {@code first} again. Each session must leave nothing half-done behind it: it closes its consumer, and what it had not
 * committed is read again by the next one.
 */
public final class ConsumerSessions {

    private static final Logger log = LoggerFactory.getLogger(ConsumerSessions.class);

    /** One consumer's life: returns when asked to stop, throws when it cannot go on. */
    @FunctionalInterface
    public interface Session {
        void run();
    }

    /** Waits out a backoff; tests pass one that returns at once. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** What the loop is doing now, for health reports. */
    public enum State {
        NOT_STARTED,
        RUNNING,
        RESTARTING,
        STOPPED,
        /** The loop's thread ended without being told to (an Error): nothing reads any more until a restart. */
        DEAD
    }

    private final String name;
    private final Duration max;
    private final ExponentialBackoff backoff;
    private final Clock clock;
    private final Pause pause;
    private volatile State state = State.NOT_STARTED;
    private volatile Thread thread;
    private volatile long failures;
    private volatile String lastFailure;

    public ConsumerSessions(String name, Duration first, Duration max, Clock clock, Pause pause) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < first <= max; got " + first + " and " + max);
        }
        this.name = name;
        this.max = max;
        this.backoff =
                new ExponentialBackoff(first.toMillis(), RETRY_BACKOFF_EXP_BASE, max.toMillis(), RETRY_BACKOFF_JITTER);
        this.clock = clock;
        this.pause = pause;
    }

    /** One second doubling up to thirty, in real time. */
    public static ConsumerSessions of(String name) {
        return new ConsumerSessions(
                name,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    /** {@link #run} on a daemon thread named after this loop. */
    public void start(BooleanSupplier keepGoing, Session session) {
        Thread started = new Thread(() -> run(keepGoing, session), name);
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    /** Waits up to {@code timeout} for the thread {@link #start} began; true if it has ended (or never began). */
    public boolean awaitStop(Duration timeout) {
        Thread started = thread;
        if (started == null) {
            return true;
        }
        try {
            started.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !started.isAlive();
    }

    /**
     * Runs sessions until {@code keepGoing} turns false or the thread is interrupted. An exception thrown
     * once {@code keepGoing} is false is the stop itself (e.g. a wakeup), not a failure.
     */
    public void run(BooleanSupplier keepGoing, Session session) {
        int retries = 0;
        boolean ended = false; // told to stop (keepGoing false, or an interrupt), as opposed to dying
        try {
            while (keepGoing.getAsBoolean()) {
                state = State.RUNNING;
                Instant started = clock.instant();
                RuntimeException failure;
                try {
                    session.run();
                    if (!keepGoing.getAsBoolean()) {
                        ended = true;
                        return;
                    }
                    // A session ends when told to; one that returns on its own has stopped reading, and would leave
                    // the service reporting UP while it builds or delivers nothing.
                    failure = new IllegalStateException(name + " ended although nothing stopped it");
                } catch (RuntimeException e) {
                    if (!keepGoing.getAsBoolean()) {
                        ended = true;
                        return;
                    }
                    failure = e;
                }
                if (Duration.between(started, clock.instant()).compareTo(max) > 0) {
                    retries = 0;
                }
                long delay = backoff.backoff(retries++);
                failures++;
                lastFailure = failure.toString();
                state = State.RESTARTING;
                log.error("{} failed; starting it again in {} ms (failure {})", name, delay, failures, failure);
                pause.pause(Duration.ofMillis(delay));
            }
            ended = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = true;
        } finally {
            // An Error (a StackOverflowError, a class that cannot load) ends the thread: DEAD, so health says DOWN.
            state = ended ? State.STOPPED : State.DEAD;
        }
    }

    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    /** Sessions that failed since start. */
    public long failures() {
        return failures;
    }

    /** The last failure, or null. */
    public String lastFailure() {
        return lastFailure;
    }
}
