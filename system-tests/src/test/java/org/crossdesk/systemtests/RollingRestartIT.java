package org.crossdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.launcher.services.Service;
import org.crossdesk.systemtests.harness.CrossdeskStack;
import org.crossdesk.systemtests.harness.HttpDesk;
import org.crossdesk.systemtests.harness.KafkaDesk;
import org.crossdesk.systemtests.harness.Referrals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rolling restart that is not gentle (issue #16): while desks submit through both intake instances, each routing
 * instance in turn is killed without warning (SIGKILL) and restarted by the launcher. Every accepted referral is
 * routed exactly once: each recipient reads exactly one alert per referral (read_committed), none lost, none twice.
 */
@ExtendWith(CrossdeskStack.Extension.class)
class RollingRestartIT {

    private static final String ISSUER = "FR-BNRF";
    private static final int PER_ROUND = 12;
    private static final Duration BACK = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void killingEachRoutingInstanceInTurnUnderSubmissionsRoutesEveryReferralExactlyOnce(CrossdeskStack stack) {
        List<URI> routing = stack.urls(Service.ROUTING);
        assumeTrue(routing.size() > 1, "the stack runs one instance of each service (crossdesk.systemtests.instances)");
        List<String> referrals = new ArrayList<>();
        // The recipients of a fugitive from France (Referrals.fugitiveFromFrance), reading their inboxes over Kafka.
        try (KafkaDesk germany = stack.kafkaDesk("DE-BKA");
                KafkaDesk spain = stack.kafkaDesk("ES-CNP")) {
            submit(stack, referrals);
            for (int instance = 1; instance <= routing.size(); instance++) {
                String name = instance == 1 ? Service.ROUTING.id() : Service.ROUTING.id() + "-" + instance;
                long before = stack.pid(name);
                int restartsBefore = stack.restarts().getOrDefault(name, 0);
                stack.kill(name);
                submit(stack, referrals); // while it is down, and its partitions move
                URI restarted = routing.get(instance - 1);
                await().atMost(BACK).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(stack.restarts()).containsEntry(name, restartsBefore + 1);
                    assertThat(stack.pid(name)).isNotEqualTo(before);
                    assertThat(health(restarted)).isEqualTo(200);
                });
            }
            submit(stack, referrals);

            for (KafkaDesk recipient : List.of(germany, spain)) {
                await().atMost(BACK)
                        .untilAsserted(() -> assertThat(
                                        alertsPerReferral(recipient, referrals).keySet())
                                .as("referrals with an alert in %s's inbox", recipient.id())
                                .containsExactlyInAnyOrderElementsOf(referrals));
            }
            // A second alert would come from a decision made twice, in a later transaction: give it time to show.
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (KafkaDesk recipient : List.of(germany, spain)) {
                    assertThat(alertsPerReferral(recipient, referrals))
                            .as("alerts per referral in %s's inbox", recipient.id())
                            .allSatisfy((referral, alerts) -> assertThat(alerts).isEqualTo(1L));
                }
            });
            assertThat(germany.readErrors()).isEmpty();
            assertThat(spain.readErrors()).isEmpty();
        }
        assertThat(referrals).hasSize(PER_ROUND * (routing.size() + 2));
    }

    /** A round of submissions, alternating between the intake instances; each must be accepted. */
    private static void submit(CrossdeskStack stack, List<String> referrals) {
        int instances = stack.urls(Service.INTAKE).size();
        for (int i = 0; i < PER_ROUND; i++) {
            HttpDesk issuer = stack.httpDesk(ISSUER, 1 + referrals.size() % instances);
            HttpDesk.Answer answer = issuer.submit(Referrals.fugitiveFromFrance());
            assertThat(answer.status())
                    .as("submission answer %s", answer.body())
                    .isEqualTo(202);
            referrals.add(answer.text("referralId"));
        }
    }

    private static Map<String, Long> alertsPerReferral(KafkaDesk recipient, List<String> referrals) {
        Set<String> ours = Set.copyOf(referrals);
        return recipient.inbox().stream()
                .map(InboxMessage::getMessage)
                .filter(Alert.class::isInstance)
                .map(message -> ((Alert) message).getReferralId())
                .filter(ours::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private int health(URI instance) {
        try {
            return http.send(
                            HttpRequest.newBuilder(instance.resolve("/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
