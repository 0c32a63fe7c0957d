package org.crossdesk.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.notification.InboxMessageKind;
import org.crossdesk.notifications.rendering.InboxMessageRenderer;
import org.crossdesk.notifications.subscription.SecretSealer;
import org.crossdesk.notifications.subscription.Subscription;
import org.crossdesk.notifications.subscription.SubscriptionFilter;
import org.crossdesk.notifications.subscription.SubscriptionRegistry;
import org.crossdesk.platform.telemetry.RecordObservations;
import org.crossdesk.testsupport.MutableClock;
import org.crossdesk.testsupport.TestTracing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookDispatcherTest {

    private static final String DESK = ExampleEvents.RECIPIENT;
    private static final String SECRET = "dispatcher-test-secret-0123456789abcdef";

    private final SecretSealer sealer = new SecretSealer(new byte[32], new SecureRandom());
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:15:00Z"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final DeliveryLedger ledger = new DeliveryLedger();
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failed = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final InboxMessageRenderer renderer = InboxMessageRenderer.standard();
    private final TestTracing tracing = new TestTracing();
    private final ObservationRegistry observations = tracing.registry();
    private long offsets;

    private record Request(
            URI url, Map<String, String> headers, byte[] body, CompletableFuture<AttemptResult> answer) {}

    private final DeliveryRecorder recorder = new DeliveryRecorder() {
        @Override
        public CompletableFuture<Void> delivered(Delivery delivery, int attempts, Instant at) {
            delivered.add(delivery.deliveryId() + " after " + attempts);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> failed(Delivery delivery, int attempts, String lastError) {
            failed.add(delivery.deliveryId() + " after " + attempts + ": " + lastError);
            return CompletableFuture.completedFuture(null);
        }
    };

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** A transport answering each request with {@code answers}, by URL, on the caller's thread or never. */
    private WebhookTransport transport(Function<Request, AttemptResult> answers) {
        return (url, headers, body) -> {
            Request request = new Request(url, headers, body, new CompletableFuture<>());
            requests.add(request);
            AttemptResult answer = answers.apply(request);
            if (answer != null) {
                request.answer.complete(answer);
            }
            return request.answer;
        };
    }

    private WebhookDispatcher dispatcher(WebhookTransport transport, int maxAttempts, int maxInFlight) {
        RetryPolicy policy =
                new RetryPolicy(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(20));
        return new WebhookDispatcher(
                registry,
                sealer,
                renderer,
                transport,
                recorder,
                ledger,
                policy,
                timer,
                clock,
                maxInFlight,
                observations);
    }

    private Subscription subscribe(String id, String url, SubscriptionFilter filter) {
        Subscription subscription = new Subscription(
                id, DESK, URI.create(url), sealer.seal(SECRET, id, DESK), filter, null, "test", clock.instant());
        registry.apply(id, subscription.toRecord(), offsets++);
        return subscription;
    }

    private Request only() {
        assertThat(requests).hasSize(1);
        return requests.peek();
    }

    private static SourceRecord source(long offset) {
        return new SourceRecord("desk.DE-BKA.inbox.v1", 0, offset, new byte[0], new byte[0]);
    }

    private static InboxMessage alert() {
        return ExampleEvents.inboxMessages().get(0);
    }

    /** The example alert as the {@code n}th distinct message (its own event id). */
    private static InboxMessage alert(int n) {
        InboxMessage message = alert();
        return InboxMessage.newBuilder(message)
                .setMetadata(EventMetadata.newBuilder(message.getMetadata())
                        .setEventId(ExampleEvents.eventId(1000 + n))
                        .build())
                .build();
    }

    private static AttemptResult status(int status) {
        return AttemptResult.ofResponse(status, null, Instant.EPOCH);
    }

    @Test
    void aDeliveryIsSignedAndCarriesItsIdsInHeadersAndBody() {
        Subscription subscription = subscribe("sub-a", "https://a.example/hook", SubscriptionFilter.ALL);
        WebhookDispatcher dispatcher = dispatcher(transport(request -> status(204)), 3, 2);

        assertThat(dispatcher.dispatch(DESK, alert(), source(0)).join()).isTrue();

        Request request = only();
        String deliveryId = Delivery.idOf(alert().getMetadata().getEventId(), subscription.id());
        String timestamp = request.headers().get(WebhookDispatcher.TIMESTAMP_HEADER);
        assertThat(timestamp).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(request.headers())
                .containsEntry(WebhookDispatcher.DELIVERY_ID_HEADER, deliveryId)
                .containsEntry(WebhookDispatcher.KIND_HEADER, "ALERT")
                .containsEntry("Content-Type", "application/json");
        assertThat(request.headers().get(WebhookDispatcher.SIGNATURE_HEADER))
                .isEqualTo(WebhookSigner.signature(
                        SECRET.getBytes(StandardCharsets.UTF_8), Long.parseLong(timestamp), request.body()));

        JsonNode body = renderer.mapper().readTree(request.body());
        assertThat(body.get("deliveryId").asString()).isEqualTo(deliveryId);
        assertThat(body.get("subscriptionId").asString()).isEqualTo("sub-a");
        assertThat(body.get("kind").asString()).isEqualTo("ALERT");
        assertThat(body.get("messageId").asString())
                .isEqualTo(alert().getMetadata().getEventId());
        assertThat(body.get("alert").get("alertId").asString()).isEqualTo(ExampleEvents.ALERT_ID);
        // The webhook document is the live stream's document plus the two delivery members.
        tools.jackson.databind.node.ObjectNode withoutIds = (tools.jackson.databind.node.ObjectNode) body.deepCopy();
        withoutIds.remove(List.of("deliveryId", "subscriptionId"));
        assertThat(withoutIds).isEqualTo(renderer.mapper().readTree(renderer.renderJson(DESK, alert())));
        assertThat(delivered).containsExactly(deliveryId + " after 1");
    }

    @Test
    void everyAttemptCarriesTheDeliverysSpanAChildOfTheInboxRecordsHop() {
        subscribe("sub-a", "https://a.example/hook", SubscriptionFilter.ALL);
        WebhookDispatcher dispatcher =
                dispatcher(transport(request -> requests.size() < 2 ? status(503) : status(204)), 3, 1);
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        ConsumerRecord<String, byte[]> inboxRecord =
                new ConsumerRecord<>("desk.DE-BKA.inbox.v1", 0, 0L, "k", new byte[0]);
        inboxRecord
                .headers()
                .add(
                        TestTracing.TRACEPARENT,
                        TestTracing.traceparent(trace, "00f067aa0ba902b7").getBytes(StandardCharsets.UTF_8));
        Observation hop = new RecordObservations(observations, "inbox-webhooks", "notifications")
                .of(inboxRecord)
                .start();

        CompletableFuture<Boolean> done;
        try (Observation.Scope scope = hop.openScope()) {
            done = dispatcher.dispatch(DESK, alert(), source(0));
        }
        assertThat(done.join()).isTrue();
        hop.stop();

        assertThat(requests).hasSize(2);
        SpanData delivery = tracing.spans().stream()
                .filter(span -> span.getName().equals("webhook delivery"))
                .findFirst()
                .orElseThrow();
        assertThat(delivery.getTraceId()).isEqualTo(trace);
        assertThat(requests)
                .extracting(request -> request.headers().get(TestTracing.TRACEPARENT))
                .as("both attempts name the delivery's span")
                .allSatisfy(
                        traceparent -> assertThat(traceparent).startsWith("00-" + trace + "-" + delivery.getSpanId()));
        assertThat(delivery.getAttributes().asMap().toString()).contains("attempts=2");
    }

    @Test
    void temporaryFailuresAreRetriedWithTheSameIdAndBodyAndRecordedOnceDelivered() {
        subscribe("sub-a", "https://a.example/hook", SubscriptionFilter.ALL);
        int[] calls = {0};
        WebhookDispatcher dispatcher = dispatcher(
                transport(request -> switch (++calls[0]) {
                    case 1 -> status(503);
                    case 2 -> AttemptResult.ofException(new HttpTimeoutException("timed out"));
                    default -> status(200);
                }),
                5,
                2);

        assertThat(dispatcher.dispatch(DESK, alert(), source(0)).join()).isTrue();

        assertThat(requests).hasSize(3);
        assertThat(requests)
                .extracting(r -> r.headers().get(WebhookDispatcher.DELIVERY_ID_HEADER))
                .containsOnly(Delivery.idOf(alert().getMetadata().getEventId(), "sub-a"));
        assertThat(requests)
                .extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                .containsOnly(new String(requests.peek().body(), StandardCharsets.UTF_8));
        assertThat(requests)
                .extracting(r -> r.headers().get(WebhookDispatcher.ATTEMPT_HEADER))
                .containsExactly("1", "2", "3");
        assertThat(delivered).singleElement().asString().endsWith("after 3");
        assertThat(failed).isEmpty();
    }

    @Test
    void aPermanentRefusalIsGivenUpAtOnce() {
        subscribe("sub-a", "https://a.example/hook", SubscriptionFilter.ALL);
        WebhookDispatcher dispatcher = dispatcher(transport(request -> status(410)), 5, 2);

        assertThat(dispatcher.dispatch(DESK, alert(), source(0)).join()).isTrue();

        assertThat(requests).hasSize(1);
        assertThat(failed).singleElement().asString().endsWith("after 1: HTTP 410");
        assertThat(delivered).isEmpty();
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsGivenUpWithTheLastError() {
        subscribe("sub-a", "https://a.example/hook", SubscriptionFilter.ALL);
        WebhookDispatcher dispatcher = dispatcher(transport(request -> status(502)), 4, 2);

        assertThat(dispatcher.dispatch(DESK, alert(), source(0)).join()).isTrue();

        assertThat(requests).hasSize(4);
        assertThat(failed).singleElement().asString().endsWith("after 4: HTTP 502");
    }

    @Test
    void aHungReceiverHoldsUpNeitherTheCallerNorAnotherSubscription() {
        subscribe("sub-hung", "https://hung.example/hook", SubscriptionFilter.ALL);
        subscribe("sub-ok", "https://ok.example/hook", SubscriptionFilter.ALL);
        WebhookDispatcher dispatcher = dispatcher(
                transport(request -> request.url().getHost().equals("hung.example") ? null : status(200)), 3, 1);

        CompletableFuture<Boolean> first = dispatcher.dispatch(DESK, alert(), source(0));
        CompletableFuture<Boolean> second =
                dispatcher.dispatch(DESK, ExampleEvents.inboxMessages().get(1), source(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 2);
        assertThat(delivered).allSatisfy(id -> assertThat(id).contains("sub-ok"));
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        assertThat(requests)
                .filteredOn(r -> r.url().getHost().equals("hung.example"))
                .as("one request in flight on the hung lane; the second waits behind it")
                .hasSize(1);
        assertThat(dispatcher.pending()).isEqualTo(2);
    }

    @Test
    void aSubscriptionNeverHasMoreThanItsShareOfRequestsInFlight() {
        subscribe("sub-a", "https://a.example/hook", SubscriptionFilter.ALL);
        WebhookDispatcher dispatcher = dispatcher(transport(request -> null), 3, 2);

        List<CompletableFuture<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(dispatcher.dispatch(DESK, alert(i), source(i)));
        }
        assertThat(requests).hasSize(2);

        List.copyOf(requests).forEach(request -> request.answer().complete(status(200)));
        assertThat(requests).hasSize(4);
        assertThat(requests).filteredOn(request -> !request.answer().isDone()).hasSize(2);
        List.copyOf(requests).forEach(request -> request.answer().complete(status(200)));
        assertThat(requests).hasSize(5);
        List.copyOf(requests).forEach(request -> request.answer().complete(status(200)));

        assertThat(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)))
                .succeedsWithin(Duration.ofSeconds(5));
        assertThat(delivered).hasSize(5);
    }

    @Test
    void filteredOutMessagesAndRecordedDeliveriesAreFinishedWithoutARequest() {
        Subscription alertsOnly = subscribe(
                "sub-a",
                "https://a.example/hook",
                new SubscriptionFilter(Set.of(), null, Set.of(InboxMessageKind.ALERT)));
        WebhookDispatcher dispatcher = dispatcher(transport(request -> status(200)), 3, 2);

        assertThat(dispatcher
                        .dispatch(DESK, ExampleEvents.inboxMessages().get(3), source(0))
                        .join())
                .isTrue();
        ledger.recorded(Delivery.idOf(alert().getMetadata().getEventId(), alertsOnly.id()));
        assertThat(dispatcher.dispatch(DESK, alert(), source(1)).join()).isTrue();

        assertThat(requests).isEmpty();
        assertThat(delivered).isEmpty();
    }

    @Test
    void cancelledDeliveriesStopAndAreNotFinished() {
        subscribe("sub-a", "https://a.example/hook", SubscriptionFilter.ALL);
        WebhookDispatcher dispatcher = dispatcher(transport(request -> null), 3, 1);
        CompletableFuture<Boolean> inFlight = dispatcher.dispatch(DESK, alert(), source(0));
        CompletableFuture<Boolean> queued = dispatcher.dispatch(DESK, alert(1), source(1));

        dispatcher.cancel(source -> source.partition() == 0);
        assertThat(queued).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(false);

        only().answer().complete(status(200));
        assertThat(inFlight).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(false);
        assertThat(delivered).isEmpty();
        assertThat(requests).hasSize(1);
    }

    @Test
    void aDeletedSubscriptionGetsNoFurtherAttempts() {
        subscribe("sub-a", "https://a.example/hook", SubscriptionFilter.ALL);
        WebhookDispatcher dispatcher = dispatcher(transport(request -> status(503)), 1000, 1);
        CompletableFuture<Boolean> done = dispatcher.dispatch(DESK, alert(), source(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> requests.size() >= 2);

        registry.apply("sub-a", null, offsets++);

        assertThat(done).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
        assertThat(failed).isEmpty();
    }
}
