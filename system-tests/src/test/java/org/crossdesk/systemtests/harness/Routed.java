package org.crossdesk.systemtests.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.launcher.services.Service;

/** What desks read over Kafka about the referrals a test submitted: to count alerts and receipts per referral. */
public final class Routed {

    private Routed() {}

    /**
     * Submits {@code count} fugitive referrals of {@code issuer} over HTTP, spread over the intake instances but
     * {@code down} (an instance name, or null), each of which must be accepted; their ids are added to {@code into}.
     */
    public static void submitFugitives(CrossdeskStack stack, String issuer, int count, List<String> into, String down) {
        List<Integer> up = new ArrayList<>();
        for (int instance = 1; instance <= stack.urls(Service.INTAKE).size(); instance++) {
            String name = instance == 1 ? Service.INTAKE.id() : Service.INTAKE.id() + "-" + instance;
            if (!name.equals(down)) {
                up.add(instance);
            }
        }
        for (int i = 0; i < count; i++) {
            HttpDesk desk = stack.httpDesk(issuer, up.get(into.size() % up.size()));
            ObjectNode referral = Referrals.fugitiveFromFrance();
            // As docs/intake.md tells a desk: a 503 ("Kafka did not acknowledge in time") is retried with the same
            // desk reference, which is recognised, never doubled; 202 is the first acceptance, 200 a repeated one.
            AtomicReference<HttpDesk.Answer> answer = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                answer.set(desk.submit(referral));
                return answer.get().status() != 503;
            });
            assertThat(answer.get().status())
                    .as("submission answer %s", answer.get().body())
                    .isIn(200, 202);
            into.add(answer.get().text("referralId"));
        }
    }

    /**
     * Waits until every one of {@code referrals} has an alert in each recipient's inbox and a ROUTED receipt in the
     * issuer's, then checks for a while that none has two: a second would come from a decision made twice, in a later
     * transaction. Exactly once, as each desk reads it (read_committed).
     */
    public static void assertRoutedExactlyOnce(
            KafkaDesk issuer, List<KafkaDesk> recipients, List<String> referrals, Duration atMost) {
        for (KafkaDesk recipient : recipients) {
            await().atMost(atMost)
                    .untilAsserted(() -> assertThat(
                                    perReferral(alerts(recipient), referrals).keySet())
                            .as("referrals with an alert in %s's inbox", recipient.id())
                            .containsExactlyInAnyOrderElementsOf(referrals));
        }
        await().atMost(atMost)
                .untilAsserted(() -> assertThat(
                                perReferral(routedReceipts(issuer), referrals).keySet())
                        .as("referrals with a ROUTED receipt")
                        .containsExactlyInAnyOrderElementsOf(referrals));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (KafkaDesk recipient : recipients) {
                assertThat(perReferral(alerts(recipient), referrals))
                        .as("alerts per referral in %s's inbox", recipient.id())
                        .allSatisfy((referral, count) -> assertThat(count).isEqualTo(1L));
            }
            assertThat(perReferral(routedReceipts(issuer), referrals))
                    .as("ROUTED receipts per referral")
                    .allSatisfy((referral, count) -> assertThat(count).isEqualTo(1L));
        });
        recipients.forEach(recipient -> assertThat(recipient.readErrors()).isEmpty());
    }

    /** The referral id of every alert in the desk's inbox so far, once per alert. */
    public static List<String> alerts(KafkaDesk recipient) {
        return recipient.inbox().stream()
                .map(InboxMessage::getMessage)
                .filter(Alert.class::isInstance)
                .map(message -> ((Alert) message).getReferralId())
                .toList();
    }

    /** The referral id of every ROUTED receipt in the issuer's inbox so far, once per receipt. */
    public static List<String> routedReceipts(KafkaDesk issuer) {
        return issuer.inbox().stream()
                .map(InboxMessage::getMessage)
                .filter(SubmissionReceipt.class::isInstance)
                .map(SubmissionReceipt.class::cast)
                .filter(receipt -> receipt.getStatus().name().equals("ROUTED"))
                .map(SubmissionReceipt::getReferralId)
                .toList();
    }

    /** How often each of {@code ours} occurs in {@code referralIds} (absent: never). */
    public static Map<String, Long> perReferral(List<String> referralIds, List<String> ours) {
        Set<String> wanted = Set.copyOf(ours);
        return referralIds.stream()
                .filter(wanted::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
