package org.crossdesk.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.notification.InboxMessageKind;
import org.crossdesk.events.notification.WebhookSubscription;
import org.crossdesk.notifications.egress.EgressPolicy;
import org.crossdesk.notifications.subscription.SubscriptionRejectedException.FieldError;
import org.crossdesk.notifications.subscription.SubscriptionRejectedException.Reason;
import org.crossdesk.notifications.testing.TestDns;
import org.junit.jupiter.api.Test;

class SubscriptionServiceTest {

    private static final String URL = "https://cases.bka.example.de/crossdesk";
    private static final String SECRET = "0123456789abcdef0123456789abcdef-given";

    /** Stands in for the compacted topic: records get offsets, and the registry reads them back. */
    private final List<WebhookSubscription> topic = new ArrayList<>();

    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final SubscriptionStore store = (id, record) -> {
        topic.add(record);
        long offset = topic.size() - 1;
        registry.apply(id, record, offset);
        return offset;
    };
    private final SecretSealer sealer = new SecretSealer(new byte[32], new SecureRandom());
    private final AtomicInteger ids = new AtomicInteger();
    private final SubscriptionService service = new SubscriptionService(
            registry,
            store,
            sealer,
            new UrlPolicy(new EgressPolicy(false, false, new TestDns())),
            Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC),
            () -> "sub-" + ids.incrementAndGet(),
            new SecureRandom(),
            3,
            Duration.ofSeconds(1));

    private static SubscriptionRequest request(String url, String secret) {
        return new SubscriptionRequest(url, secret, null, null, null, null);
    }

    @Test
    void aRegisteredSubscriptionIsStoredWithItsFilterAndASealedSecret() {
        SubscriptionService.Created created = service.register(
                "DE-BKA",
                "de-bka-system",
                new SubscriptionRequest(
                        URL,
                        SECRET,
                        List.of("fugitive", "COUNTER_TERRORISM"),
                        "URGENT",
                        List.of("ALERT", "ALERT_WITHDRAWN"),
                        "case system"));

        Subscription subscription = created.subscription();
        assertThat(created.generatedSecret()).isEmpty();
        assertThat(subscription.deskId()).isEqualTo("DE-BKA");
        assertThat(subscription.createdBy()).isEqualTo("de-bka-system");
        assertThat(subscription.filter())
                .isEqualTo(new SubscriptionFilter(
                        Set.of(ReferralType.FUGITIVE, ReferralType.COUNTER_TERRORISM),
                        Priority.URGENT,
                        Set.of(InboxMessageKind.ALERT, InboxMessageKind.ALERT_WITHDRAWN)));

        WebhookSubscription stored = topic.get(0);
        assertThat(stored.getSubscriptionId()).isEqualTo(subscription.id());
        assertThat(stored.toString()).doesNotContain(SECRET);
        byte[] opened = sealer.open(Subscription.fromRecord(stored).secret(), subscription.id(), "DE-BKA");
        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(SECRET);
        assertThat(service.list("DE-BKA")).containsExactly(subscription);
    }

    @Test
    void withoutASecretOneIsGeneratedAndReturnedOnce() {
        SubscriptionService.Created created = service.register("DE-BKA", "p", request(URL, null));

        String generated = created.generatedSecret().orElseThrow();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(SubscriptionService.MIN_SECRET_LENGTH);
        assertThat(created.toString()).doesNotContain(generated);
        Subscription stored = service.get("DE-BKA", created.subscription().id());
        assertThat(new String(sealer.open(stored.secret(), stored.id(), "DE-BKA"), StandardCharsets.UTF_8))
                .isEqualTo(generated);
        assertThat(service.register("DE-BKA", "p", request(URL, null))
                        .generatedSecret()
                        .orElseThrow())
                .isNotEqualTo(generated);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> service.register(
                        "DE-BKA",
                        "p",
                        new SubscriptionRequest(
                                "ftp://x",
                                "short",
                                List.of("FUGITIVE", "SHOPLIFTING"),
                                "SOMEDAY",
                                List.of("ALERT", "UNKNOWN"),
                                "x".repeat(201))))
                .isInstanceOfSatisfying(SubscriptionRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.errors())
                            .extracting(FieldError::field)
                            .containsExactlyInAnyOrder(
                                    "url",
                                    "secret",
                                    "referralTypes[1]",
                                    "minimumPriority",
                                    "messageKinds[1]",
                                    "description");
                    assertThat(e.errors())
                            .filteredOn(error -> error.field().equals("minimumPriority"))
                            .singleElement()
                            .extracting(FieldError::message)
                            .asString()
                            .contains("ROUTINE, URGENT, IMMEDIATE");
                });
        assertThat(topic).isEmpty();
    }

    @Test
    void aDeskSeesAndDeletesOnlyItsOwnSubscriptions() {
        String bka = service.register("DE-BKA", "p", request(URL, SECRET))
                .subscription()
                .id();
        String ocrtis = service.register("FR-OCRTIS", "q", request(URL, SECRET))
                .subscription()
                .id();

        assertThat(service.list("DE-BKA")).extracting(Subscription::id).containsExactly(bka);
        assertThatThrownBy(() -> service.get("DE-BKA", ocrtis))
                .isInstanceOfSatisfying(
                        SubscriptionRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThatThrownBy(() -> service.delete("DE-BKA", ocrtis)).isInstanceOf(SubscriptionRejectedException.class);
        assertThat(service.list("FR-OCRTIS")).hasSize(1);

        service.delete("DE-BKA", bka);
        assertThat(service.list("DE-BKA")).isEmpty();
        assertThat(topic.get(topic.size() - 1)).as("a tombstone").isNull();
    }

    @Test
    void aDeskHasAtMostTheConfiguredNumberOfSubscriptions() {
        for (int i = 0; i < 3; i++) {
            service.register("DE-BKA", "p", request(URL, SECRET));
        }
        assertThatThrownBy(() -> service.register("DE-BKA", "p", request(URL, SECRET)))
                .isInstanceOfSatisfying(
                        SubscriptionRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_REACHED));
        assertThat(service.register("FR-OCRTIS", "q", request(URL, SECRET)).subscription())
                .isNotNull();
    }
}
