package org.crossdesk.systemtests.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.crossdesk.testsupport.WebhookReceiver;

/**
 * The partner systems of some desks, as the tests see them: each desk has a webhook subscription pointing
 * at one local receiver, and a live stream open. Built once per test class; tests tell their referrals
 * apart by referral id.
 */
public final class Partners implements AutoCloseable {

    private static final String SECRET = "system-test-secret-" + "x".repeat(24);
    private static final String HOOKS = "/hooks/";

    /** One webhook POST the partner system of {@code desk} received, with whether its signature verified. */
    public record Delivery(
            String desk, JsonNode message, boolean signatureValid, String deliveryId, String traceparent) {}

    private final WebhookReceiver webhooks = new WebhookReceiver().requireSignature(SECRET);
    private final Map<String, LiveStream> streams = new LinkedHashMap<>();

    public Partners(CrossdeskStack stack, List<String> desks) {
        this(stack, desks, true);
    }

    /** Partner systems that take webhooks only, without a live stream (which ends with the instance serving it). */
    public static Partners webhooksOnly(CrossdeskStack stack, List<String> desks) {
        return new Partners(stack, desks, false);
    }

    private Partners(CrossdeskStack stack, List<String> desks, boolean liveStreams) {
        for (String desk : desks) {
            HttpDesk http = stack.httpDesk(desk);
            HttpDesk.Answer subscribed = http.subscribe(URI.create(webhooks.url(HOOKS + desk)), SECRET);
            assertThat(subscribed.status())
                    .as("subscription of %s: %s", desk, subscribed.body())
                    .isEqualTo(201);
            if (liveStreams) {
                streams.put(desk, http.openLiveStream());
            }
        }
    }

    /** Webhook deliveries of one referral's messages, whichever desk they were for. */
    public List<Delivery> deliveriesOf(String referralId) {
        return webhooks.received().stream()
                .filter(request -> request.path().startsWith(HOOKS))
                .map(request -> new Delivery(
                        request.path().substring(HOOKS.length()),
                        json(request.body()),
                        request.signedWith(SECRET),
                        request.header("Crossdesk-Delivery-Id"),
                        request.header("traceparent")))
                .filter(delivery ->
                        referralId.equals(delivery.message().path("referralId").asText()))
                .toList();
    }

    private static JsonNode json(byte[] body) {
        try {
            return HttpDesk.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LiveStream stream(String desk) {
        return streams.get(desk);
    }

    /** Desks whose webhook received a message of this kind about the referral. */
    public Set<String> webhookDesks(String referralId, String kind) {
        return deliveriesOf(referralId).stream()
                .filter(delivery -> kind.equals(delivery.message().path("kind").asText()))
                .map(Delivery::desk)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Desks whose live stream carried a message of this kind about the referral. */
    public Set<String> streamDesks(String referralId, String kind) {
        Set<String> desks = new TreeSet<>();
        streams.forEach((desk, stream) -> {
            if (stream.eventsOf(referralId).stream()
                    .anyMatch(event -> kind.equals(event.path("kind").asText()))) {
                desks.add(desk);
            }
        });
        return desks;
    }

    @Override
    public void close() {
        streams.values().forEach(LiveStream::close);
        webhooks.close();
    }
}
