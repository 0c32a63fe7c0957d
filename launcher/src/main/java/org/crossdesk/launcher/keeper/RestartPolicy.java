package org.crossdesk.launcher.keeper;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.utils.ExponentialBackoff;

/**
 * When the launcher restarts a component that died on its own, as docker-compose's {@code restart: unless-stopped}
 * does: after a back-off that doubles with each quick failure in a row (1 s to 1 min, each within 20 %: the one
 * back-off of docs/decisions/0010), starting again from 1 s once a component ran for {@link #STABLE} before it died.
 * A component that cannot stay up is thus retried about once a minute, for ever, and says so each time.
 *
 * <p>Plain bookkeeping by name and time, for the launcher's keeper thread; times are {@link System#nanoTime()}.
 */
public final class RestartPolicy {

    /** A run this long counts as a success: the next failure is retried after the first step again. */
    public static final Duration STABLE = Duration.ofMinutes(1);

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(1);

    private final ExponentialBackoff backoff = new ExponentialBackoff(
            FIRST.toMillis(),
            CommonClientConfigs.RETRY_BACKOFF_EXP_BASE,
            MAX.toMillis(),
            CommonClientConfigs.RETRY_BACKOFF_JITTER);

    private final Map<String, Component> components = new ConcurrentHashMap<>();

    private static final class Component {
        int restarts;
        int failuresInARow;
        long startedAt;
        Long dueAt;
        boolean restarting;
    }

    /** A component (re)started at {@code now}, e.g. each one at the stack's start. */
    public void started(String name, long now) {
        components.computeIfAbsent(name, key -> new Component()).startedAt = now;
    }

    /**
     * The component was found dead at {@code now}: the delay before it is restarted, the first time it is found so;
     * empty if a restart is already scheduled or under way.
     */
    public synchronized Optional<Duration> died(String name, long now) {
        Component component = components.computeIfAbsent(name, key -> new Component());
        if (component.dueAt != null || component.restarting) {
            return Optional.empty();
        }
        if (now - component.startedAt >= STABLE.toNanos()) {
            component.failuresInARow = 0;
        }
        Duration delay = Duration.ofMillis(backoff.backoff(component.failuresInARow));
        component.failuresInARow++;
        component.dueAt = now + delay.toNanos();
        return Optional.of(delay);
    }

    /**
     * Whether the restart of a dead component is due at {@code now}; if so, it is marked under way and counted, and the
     * caller restarts it and then calls {@link #restarted}.
     */
    public synchronized boolean takeDue(String name, long now) {
        Component component = components.get(name);
        if (component == null || component.dueAt == null || component.restarting || now < component.dueAt) {
            return false;
        }
        component.dueAt = null;
        component.restarting = true;
        component.restarts++;
        component.startedAt = now;
        return true;
    }

    /** The restart of {@code name} ended; if the component died again, the next {@link #died} schedules another. */
    public synchronized void restarted(String name) {
        Component component = components.get(name);
        if (component != null) {
            component.restarting = false;
        }
    }

    /** How often {@code name} was restarted since the stack started. */
    public int restarts(String name) {
        Component component = components.get(name);
        return component == null ? 0 : component.restarts;
    }

    /** Every component restarted at least once, with its count. */
    public Map<String, Integer> restarts() {
        Map<String, Integer> counts = new TreeMap<>();
        components.forEach((name, component) -> {
            if (component.restarts > 0) {
                counts.put(name, component.restarts);
            }
        });
        return counts;
    }
}
