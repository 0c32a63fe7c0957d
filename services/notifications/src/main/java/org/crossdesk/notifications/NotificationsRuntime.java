package org.crossdesk.notifications;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crossdesk.notifications.deadline.DeadlineConsumer;
import org.crossdesk.notifications.deadline.DeadlineTracker;
import org.crossdesk.notifications.stream.InboxStreams;
import org.crossdesk.notifications.webhook.InboxDeliveryLoop;
import org.crossdesk.notifications.webhook.WebhookDispatcher;
import org.crossdesk.platform.kafka.follow.TopicFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the service's consumers in order: first the tables (subscriptions, directory, delivery records)
 * are read up to date, then webhook delivery and deadline tracking begin, then (a later lifecycle
 * phase) the web server opens. Stopping reverses it: deliveries in progress are cancelled, uncommitted
 * ones are delivered again after the restart.
 */
final class NotificationsRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationsRuntime.class);

    private final TopicFollower tables;
    private final InboxDeliveryLoop webhooks;
    private final DeadlineConsumer deadlines;
    private final DeadlineTracker tracker;
    private final InboxStreams streams;
    private final WebhookDispatcher dispatcher;
    private final ScheduledExecutorService timer;
    private final Duration checkInterval;
    private final Duration startupTimeout;
    private volatile boolean running;
    private ScheduledFuture<?> checks;

    NotificationsRuntime(
            TopicFollower tables,
            InboxDeliveryLoop webhooks,
            DeadlineConsumer deadlines,
            DeadlineTracker tracker,
            InboxStreams streams,
            WebhookDispatcher dispatcher,
            ScheduledExecutorService timer,
            Duration checkInterval,
            Duration startupTimeout) {
        this.tables = tables;
        this.webhooks = webhooks;
        this.deadlines = deadlines;
        this.tracker = tracker;
        this.streams = streams;
        this.dispatcher = dispatcher;
        this.timer = timer;
        this.checkInterval = checkInterval;
        this.startupTimeout = startupTimeout;
    }

    @Override
    public void start() {
        tables.start();
        try {
            tables.replayed().get(startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading subscriptions and directory", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Could not read subscriptions, directory and delivery records within " + startupTimeout
                            + " (is Kafka reachable?)",
                    e);
        }
        webhooks.start();
        deadlines.start();
        checks = timer.scheduleWithFixedDelay(
                this::check, checkInterval.toMillis(), checkInterval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
        log.info("Notifications started: webhooks, live stream and deadline checks every {}", checkInterval);
    }

    private void check() {
        try {
            tracker.checkNow();
        } catch (RuntimeException e) {
            log.error("Deadline check failed", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (checks != null) {
            checks.cancel(false);
        }
        timer.shutdown();
        streams.close();
        webhooks.close();
        dispatcher.close();
        deadlines.close();
        tables.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts in a later phase and stops in an earlier one). */
    @Override
    public int getPhase() {
        return 0;
    }
}
