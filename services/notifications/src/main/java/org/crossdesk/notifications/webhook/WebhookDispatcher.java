package org.crossdesk.notifications.webhook;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.notifications.rendering.InboxMessageRenderer;
import org.crossdesk.notifications.rendering.MessageFacts;
import org.crossdesk.notifications.subscription.SecretSealer;
import org.crossdesk.notifications.subscription.Subscription;
import org.crossdesk.notifications.subscription.SubscriptionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers inbox messages to their desk's webhook subscriptions without ever blocking the caller (the
 * Kafka consumer thread). Each subscription has a lane: a queue with at most {@code maxInFlight} requests
 * under way, so a slow or dead receiver occupies only its own lane and never the consumer or another
 * subscription. HTTP calls are asynchronous; a failed attempt waits for its retry on a timer, not on a
 * thread, and then goes to the front of its lane.
 *
 * <p>Each message's future completes once every one of its deliveries is finished: delivered and
 * recorded, given up and dead-lettered, or skipped (filtered out, subscription deleted, outcome already
 * recorded). Only then may its offset be committed. A cancelled delivery (its partition was revoked, or
 * the service is stopping) completes the future with {@code false}: not finished, to be delivered again by
 * whoever reads the partition next.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** The header names of a delivery (docs/webhooks.md). */
    public static final String DELIVERY_ID_HEADER = "Crossdesk-Delivery-Id";
    /** The observation (metric {@code crossdesk.webhook.delivery}, one span per delivery) of a webhook delivery. */
    public static final String DELIVERY_OBSERVATION = "crossdesk.webhook.delivery";

    public static final String TIMESTAMP_HEADER = "Crossdesk-Timestamp";
    public static final String SIGNATURE_HEADER = "Crossdesk-Signature";
    public static final String SUBSCRIPTION_HEADER = "Crossdesk-Subscription-Id";
    public static final String KIND_HEADER = "Crossdesk-Message-Kind";
    public static final String ATTEMPT_HEADER = "Crossdesk-Attempt";

    private final SubscriptionRegistry subscriptions;
    private final SecretSealer sealer;
    private final InboxMessageRenderer renderer;
    private final WebhookTransport transport;
    private final DeliveryRecorder recorder;
    private final DeliveryLedger ledger;
    private final RetryPolicy policy;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final int maxInFlight;
    private final ObservationRegistry observations;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<Task> live = ConcurrentHashMap.newKeySet();

    public WebhookDispatcher(
            SubscriptionRegistry subscriptions,
            SecretSealer sealer,
            InboxMessageRenderer renderer,
            WebhookTransport transport,
            DeliveryRecorder recorder,
            DeliveryLedger ledger,
            RetryPolicy policy,
            ScheduledExecutorService timer,
            Clock clock,
            int maxInFlightPerSubscription,
            ObservationRegistry observations) {
        this.observations = observations;
        this.subscriptions = subscriptions;
        this.sealer = sealer;
        this.renderer = renderer;
        this.transport = transport;
        this.recorder = recorder;
        this.ledger = ledger;
        this.policy = policy;
        this.timer = timer;
        this.clock = clock;
        this.maxInFlight = maxInFlightPerSubscription;
    }

    /**
     * Starts delivering {@code message}, read from the inbox of {@code deskId} at {@code source}, to every
     * matching subscription of that desk, and returns at once.
     *
     * @return completes with true when every delivery is finished, false if any was cancelled
     */
    public CompletableFuture<Boolean> dispatch(String deskId, InboxMessage message, SourceRecord source) {
        MessageFacts facts = MessageFacts.of(message);
        List<Subscription> targets = subscriptions.forDesk(deskId).stream()
                .filter(subscription -> subscription.filter().accepts(facts))
                .toList();
        if (targets.isEmpty()) {
            return CompletableFuture.completedFuture(true);
        }
        String rendered = renderer.renderJson(deskId, message);
        List<CompletableFuture<Boolean>> done = new ArrayList<>(targets.size());
        for (Subscription subscription : targets) {
            String deliveryId = Delivery.idOf(message.getMetadata().getEventId(), subscription.id());
            byte[] body = webhookBody(deliveryId, subscription.id(), rendered);
            Task task = new Task(
                    new Delivery(deliveryId, subscription.id(), deskId, facts, body, source), deliveryHop(deskId));
            live.add(task);
            task.done.whenComplete((finished, error) -> live.remove(task));
            done.add(task.done);
            lanes.computeIfAbsent(subscription.id(), Lane::new).add(task);
        }
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> done.stream().allMatch(CompletableFuture::join));
    }

    /**
     * The webhook body: the message document (the live stream's event data) with the delivery id and the
     * subscription id first, so they are signed with it. The message is rendered once for all
     * subscriptions and the two members spliced in front of its own (it is a non-empty JSON object).
     */
    private byte[] webhookBody(String deliveryId, String subscriptionId, String renderedMessage) {
        String ids = "{\"deliveryId\":" + renderer.mapper().writeValueAsString(deliveryId) + ",\"subscriptionId\":"
                + renderer.mapper().writeValueAsString(subscriptionId) + ",";
        return (ids + renderedMessage.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Stops the deliveries of messages matching {@code which}: none of them starts another attempt or
     * records an outcome, and their futures complete with false.
     */
    public void cancel(Predicate<SourceRecord> which) {
        for (Task task : List.copyOf(live)) {
            if (which.test(task.delivery.source())) {
                task.cancel();
            }
        }
        lanes.values().forEach(Lane::pump);
    }

    /** Deliveries started and not yet finished, across all subscriptions. */
    public int pending() {
        return live.size();
    }

    /** Cancels every delivery in progress. */
    @Override
    public void close() {
        cancel(source -> true);
    }

    private void attempt(Lane lane, Task task) {
        Delivery delivery = task.delivery;
        Optional<Subscription> subscription = subscriptions.find(delivery.subscriptionId());
        if (subscription.isEmpty()) {
            lane.release();
            task.finish(true); // deleted: nothing more is owed to it
            return;
        }
        if (task.attempts == 0 && ledger.isRecorded(delivery.deliveryId())) {
            lane.release();
            task.finish(true); // recorded before a restart; the receiver has it
            return;
        }
        task.attempts++;
        CompletableFuture<AttemptResult> sent;
        try {
            byte[] secret = sealer.open(
                    subscription.get().secret(),
                    subscription.get().id(),
                    subscription.get().deskId());
            long timestamp = clock.instant().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put(DELIVERY_ID_HEADER, delivery.deliveryId());
            headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
            headers.put(SIGNATURE_HEADER, WebhookSigner.signature(secret, timestamp, delivery.body()));
            headers.put(SUBSCRIPTION_HEADER, delivery.subscriptionId());
            headers.put(KIND_HEADER, delivery.facts().kind().name());
            headers.put(ATTEMPT_HEADER, Integer.toString(task.attempts));
            // W3C traceparent of this delivery's span: the partner's system can join the referral's trace.
            headers.putAll(task.trace);
            sent = transport.post(subscription.get().url(), headers, delivery.body());
        } catch (RuntimeException e) {
            // A secret that no longer opens (the sealing key changed) fails every attempt alike: give up now.
            sent = CompletableFuture.completedFuture(
                    new AttemptResult(false, false, 0, "cannot sign: " + e.getMessage(), Optional.empty()));
        }
        sent.handle((result, error) -> error != null ? AttemptResult.ofException(error) : result)
                .thenAccept(result -> {
                    lane.release();
                    onResult(lane, task, result);
                });
    }

    private void onResult(Lane lane, Task task, AttemptResult result) {
        Delivery delivery = task.delivery;
        if (task.cancelled) {
            task.finish(false);
        } else if (result.delivered()) {
            log.debug(
                    "Delivered {} to subscription {} on attempt {}",
                    delivery.deliveryId(),
                    delivery.subscriptionId(),
                    task.attempts);
            record(task, () -> recorder.delivered(delivery, task.attempts, clock.instant()), 1);
        } else if (result.retryable() && policy.mayRetryAfter(task.attempts)) {
            task.lastError = result.error();
            Duration delay = policy.delayAfter(task.attempts, result.retryAfter());
            log.debug(
                    "Delivery {} attempt {} failed ({}); retrying in {}",
                    delivery.deliveryId(),
                    task.attempts,
                    result.error(),
                    delay);
            schedule(delay, () -> lane.retry(task));
        } else {
            log.warn(
                    "Giving up delivery {} of {} to subscription {} of desk {} after {} attempt(s): {}",
                    delivery.deliveryId(),
                    delivery.source(),
                    delivery.subscriptionId(),
                    delivery.deskId(),
                    task.attempts,
                    result.error());
            record(task, () -> recorder.failed(delivery, task.attempts, result.error()), 1);
        }
    }

    /** Records an outcome; if Kafka does not acknowledge, tries again later (the outcome must not be lost). */
    private void record(Task task, Supplier<CompletableFuture<Void>> recording, int attempt) {
        if (task.cancelled) {
            task.finish(false);
            return;
        }
        CompletableFuture<Void> written;
        try {
            written = recording.get();
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((ok, error) -> {
            if (error == null) {
                ledger.recorded(task.delivery.deliveryId());
                task.finish(true);
            } else {
                Duration delay = policy.backoff(attempt);
                log.warn(
                        "Could not record the outcome of delivery {} ({}); retrying in {}",
                        task.delivery.deliveryId(),
                        error.toString(),
                        delay);
                schedule(delay, () -> record(task, recording, attempt + 1));
            }
        });
    }

    private void schedule(Duration delay, Runnable action) {
        try {
            timer.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("Timer stopped; dropping a scheduled delivery step");
        }
    }

    /** One delivery in progress. */
    private static final class Task {
        final Delivery delivery;
        final CompletableFuture<Boolean> done = new CompletableFuture<>();
        volatile boolean cancelled;
        int attempts;
        String lastError;
        final Observation hop;
        final Map<String, String> trace;

        Task(Delivery delivery, SenderHop hop) {
            this.delivery = delivery;
            this.hop = hop.observation();
            this.trace = hop.headers();
        }

        void cancel() {
            cancelled = true;
        }

        void finish(boolean finished) {
            // finished: delivered, or given up and dead-lettered; stopped: cancelled (revoked partition, shutdown).
            hop.lowCardinalityKeyValue("outcome", finished ? "finished" : "stopped")
                    .highCardinalityKeyValue("attempts", Integer.toString(attempts));
            if (lastError != null) {
                hop.highCardinalityKeyValue("last.error", lastError);
            }
            hop.stop();
            done.complete(finished);
        }
    }

    /** A delivery's span and the headers that carry it to the receiver. */
    private record SenderHop(Observation observation, Map<String, String> headers) {}

    /**
     * The span of one delivery, from the first attempt to the last, a child of the inbox record's hop (current while
     * {@link #dispatch} runs); its trace context is written into the headers every attempt sends.
     */
    private SenderHop deliveryHop(String deskId) {
        Map<String, String> headers = new LinkedHashMap<>();
        SenderContext<Map<String, String>> context = new SenderContext<>(Map::put);
        context.setCarrier(headers);
        context.setRemoteServiceName("webhook");
        Observation observation = Observation.createNotStarted(DELIVERY_OBSERVATION, () -> context, observations)
                .contextualName("webhook delivery")
                .lowCardinalityKeyValue("desk", deskId)
                .start();
        return new SenderHop(observation, Collections.unmodifiableMap(headers));
    }

    /** The queue of one subscription, with at most {@code maxInFlight} requests under way. */
    private final class Lane {
        final String subscriptionId;
        final ArrayDeque<Task> queue = new ArrayDeque<>();
        int inFlight;
        boolean pumping;
        boolean again;

        Lane(String subscriptionId) {
            this.subscriptionId = subscriptionId;
        }

        void add(Task task) {
            synchronized (this) {
                queue.addLast(task);
            }
            pump();
        }

        void retry(Task task) {
            synchronized (this) {
                queue.addFirst(task);
            }
            pump();
        }

        void release() {
            synchronized (this) {
                inFlight--;
            }
            pump();
        }

        /**
         * Starts queued deliveries while the lane has room. Re-entrant calls (an attempt that completes at
         * once releases its slot and pumps again) and calls from other threads while one thread pumps only
         * ask that thread to go round once more, so a long run of instant completions cannot grow the stack.
         */
        void pump() {
            synchronized (this) {
                if (pumping) {
                    again = true;
                    return;
                }
                pumping = true;
            }
            while (true) {
                Task next = null;
                List<Task> dropped = new ArrayList<>();
                synchronized (this) {
                    again = false;
                    queue.removeIf(task -> task.cancelled && dropped.add(task));
                    if (!queue.isEmpty() && inFlight < maxInFlight) {
                        next = queue.pollFirst();
                        inFlight++;
                    }
                    if (next == null && dropped.isEmpty() && !again) {
                        pumping = false;
                        return;
                    }
                }
                dropped.forEach(task -> task.finish(false));
                if (next != null) {
                    try {
                        attempt(this, next);
                    } catch (RuntimeException e) {
                        log.error("Delivery {} could not be started", next.delivery.deliveryId(), e);
                        release();
                        next.finish(false);
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "Lane[" + subscriptionId + "]";
        }
    }
}
