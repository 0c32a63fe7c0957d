package org.crossdesk.systemtests.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The partner systems of some desks, as the tests see them: each desk has a webhook subscription pointing
 * at one local receiver, and a live stream open. Built once per test class; tests tell their referrals
 * apart by referral id.
 */
public final class Partners implements AutoCloseable {

    private final WebhookReceiver webhooks = new WebhookReceiver("system-test-secret-" + "x".repeat(24));
    private final Map<String, LiveStream> streams = new LinkedHashMap<>();

    public Partners(CrossdeskStack stack, List<String> desks) {
        for (String desk : desks) {
            HttpDesk http = stack.httpDesk(desk);
            HttpDesk.Answer subscribed = http.subscribe(webhooks.urlFor(desk), webhooks.secret());
            assertThat(subscribed.status())
                    .as("subscription of %s: %s", desk, subscribed.body())
                    .isEqualTo(201);
            streams.put(desk, http.openLiveStream());
        }
    }

    public WebhookReceiver webhooks() {
        return webhooks;
    }

    public LiveStream stream(String desk) {
        return streams.get(desk);
    }

    /** Desks whose webhook received a message of this kind about the referral. */
    public Set<String> webhookDesks(String referralId, String kind) {
        return webhooks.deliveriesOf(referralId).stream()
                .filter(delivery -> kind.equals(delivery.message().path("kind").asText()))
                .map(WebhookReceiver.Delivery::desk)
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
