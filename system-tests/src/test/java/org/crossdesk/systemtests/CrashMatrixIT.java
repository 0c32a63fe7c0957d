package org.crossdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.crossdesk.launcher.services.Service;
import org.crossdesk.systemtests.harness.CrossdeskStack;
import org.crossdesk.systemtests.harness.KafkaDesk;
import org.crossdesk.systemtests.harness.Partners;
import org.crossdesk.systemtests.harness.Routed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The crash matrix (issue #16) on the launched stack with two instances of each service: while desks keep submitting,
 * one component after the other is killed without warning (SIGKILL), every routing instance in turn (a rolling restart
 * that is not gentle), intake, notifications, the dashboard and the schema registry, and the launcher restarts each.
 * Afterwards every accepted referral is routed exactly once: each recipient reads exactly one alert per referral
 * (read_committed), the issuer exactly one ROUTED receipt, and each recipient's webhook got its alert at least once,
 * always under the same delivery id. docs/reliability.md has the table.
 */
@ExtendWith(CrossdeskStack.Extension.class)
class CrashMatrixIT {

    private static final String ISSUER = "FR-BNRF";
    /** The recipients of a fugitive from France (Referrals.fugitiveFromFrance). */
    private static final List<String> RECIPIENTS = List.of("DE-BKA", "ES-CNP");

    private static final int PER_ROUND = 10;
    private static final Duration BACK = Duration.ofMinutes(4);

    @Test
    void killingEachComponentInTurnUnderSubmissionsLosesAndDuplicatesNothing(CrossdeskStack stack) {
        List<URI> routing = stack.urls(Service.ROUTING);
        assumeTrue(routing.size() > 1, "the stack runs one instance of each service (crossdesk.systemtests.instances)");
        List<String> killed = List.of(
                "routing",
                "routing-2",
                Service.INTAKE.id(),
                Service.NOTIFICATIONS.id(),
                Service.DASHBOARD.id(),
                Service.SCHEMA_REGISTRY.id());
        List<Routed.Submitted> submitted = new ArrayList<>();
        try (KafkaDesk issuer = stack.kafkaDesk(ISSUER);
                KafkaDesk germany = stack.kafkaDesk(RECIPIENTS.get(0));
                KafkaDesk spain = stack.kafkaDesk(RECIPIENTS.get(1));
                Partners partners = Partners.webhooksOnly(stack, RECIPIENTS)) {
            Routed.submitFugitives(stack, ISSUER, PER_ROUND, submitted, null);
            for (String component : killed) {
                long before = stack.pid(component);
                int restartsBefore = stack.restarts().getOrDefault(component, 0);
                stack.kill(component);
                // While it is down (and its partitions move, or not).
                Routed.submitFugitives(stack, ISSUER, PER_ROUND, submitted, component);
                await().atMost(BACK)
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .untilAsserted(() -> {
                            assertThat(stack.restarts()).containsEntry(component, restartsBefore + 1);
                            assertThat(stack.pid(component)).isNotEqualTo(before);
                            assertThat(stack.health(component))
                                    .as("%s's health", component)
                                    .isEqualTo(200);
                        });
            }
            Routed.submitFugitives(stack, ISSUER, PER_ROUND, submitted, null);

            List<String> referrals = Routed.assertRoutedExactlyOnce(issuer, List.of(germany, spain), submitted, BACK);
            await().atMost(BACK).untilAsserted(() -> {
                for (String referral : referrals) {
                    assertThat(partners.webhookDesks(referral, "ALERT"))
                            .as("webhooks with the alert of %s", referral)
                            .containsExactlyInAnyOrderElementsOf(RECIPIENTS);
                }
            });
            for (String referral : referrals) {
                Map<String, Set<String>> ids = partners.deliveriesOf(referral).stream()
                        .filter(delivery ->
                                "ALERT".equals(delivery.message().path("kind").asText()))
                        .collect(Collectors.groupingBy(
                                Partners.Delivery::desk,
                                Collectors.mapping(Partners.Delivery::deliveryId, Collectors.toSet())));
                assertThat(ids)
                        .as("delivery ids of %s's alert per desk (a redelivery keeps its id)", referral)
                        .allSatisfy(
                                (desk, deliveryIds) -> assertThat(deliveryIds).hasSize(1));
            }
        }
        assertThat(submitted).hasSize(PER_ROUND * (killed.size() + 2));
    }
}
