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
import java.util.stream.Stream;
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
    public static void submitFugitives(
            CrossdeskStack stack, String issuer, int count, List<Submitted> into, String down) {
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
            into.add(new Submitted(
                    referral.path("deskReference").asText(), answer.get().text("referralId")));
        }
    }

    /** A submission as the desk knows it: its own reference, and the referral id intake answered. */
    public record Submitted(String deskReference, String answeredId) {}

    /**
     * Checks that every submission was routed exactly once, as the desks read it (read_committed), and returns the
     * routed referral ids. The issuer gets a ROUTED receipt for each desk reference, and no desk reference is routed as
     * two referrals; a submission answered with another id (retried after a 503 although its first write had landed:
     * docs/intake.md) must have a DUPLICATE receipt naming the routed one, which is how the desk learns it. Each
     * recipient reads exactly one alert per routed referral: a second one would come from a decision made twice, in a
     * later transaction, so the counts are watched for a while once complete.
     */
    public static List<String> assertRoutedExactlyOnce(
            KafkaDesk issuer, List<KafkaDesk> recipients, List<Submitted> submitted, Duration atMost) {
        List<String> references =
                submitted.stream().map(Submitted::deskReference).toList();
        await().atMost(atMost)
                .untilAsserted(() -> assertThat(routedByReference(issuer).keySet())
                        .as("desk references with a ROUTED receipt")
                        .containsAll(references));
        Map<String, List<String>> routed = routedByReference(issuer);
        List<String> referrals = new ArrayList<>();
        for (Submitted submission : submitted) {
            String routedId = routed.get(submission.deskReference()).get(0);
            referrals.add(routedId);
            if (!routedId.equals(submission.answeredId())) {
                System.out.printf(
                        "[routed] %s was answered %s and routed as %s%n",
                        submission.deskReference(), submission.answeredId(), routedId);
                assertThat(receipts(issuer, "DUPLICATE"))
                        .as("the receipt telling the desk that %s is %s", submission.answeredId(), routedId)
                        .contains(submission.deskReference() + " " + routedId);
            }
        }
        for (KafkaDesk recipient : recipients) {
            await().atMost(atMost)
                    .untilAsserted(() -> assertThat(
                                    perReferral(alerts(recipient), referrals).keySet())
                            .as("referrals with an alert in %s's inbox", recipient.id())
                            .containsExactlyInAnyOrderElementsOf(referrals));
        }
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (KafkaDesk recipient : recipients) {
                assertThat(perReferral(alerts(recipient), referrals))
                        .as("alerts per referral in %s's inbox", recipient.id())
                        .allSatisfy((referral, count) -> assertThat(count).isEqualTo(1L));
            }
            // One referral per desk reference. (The receipt itself may come twice: docs/reliability.md, "not covered".)
            assertThat(routedByReference(issuer))
                    .as("referrals routed per desk reference")
                    .allSatisfy((reference, ids) -> assertThat(Set.copyOf(ids)).hasSize(1));
        });
        routedByReference(issuer).forEach((reference, ids) -> {
            if (ids.size() > 1) {
                System.out.printf("[routed] %s: %d ROUTED receipts for %s%n", reference, ids.size(), ids.get(0));
            }
        });
        recipients.forEach(recipient -> assertThat(recipient.readErrors()).isEmpty());
        return referrals;
    }

    private static Map<String, List<String>> routedByReference(KafkaDesk issuer) {
        return submissionReceipts(issuer)
                .filter(receipt -> receipt.getStatus().name().equals("ROUTED"))
                .collect(Collectors.groupingBy(
                        SubmissionReceipt::getDeskReference,
                        Collectors.mapping(SubmissionReceipt::getReferralId, Collectors.toList())));
    }

    private static List<String> receipts(KafkaDesk issuer, String status) {
        return submissionReceipts(issuer)
                .filter(receipt -> receipt.getStatus().name().equals(status))
                .map(receipt -> receipt.getDeskReference() + " " + receipt.getReferralId())
                .toList();
    }

    private static Stream<SubmissionReceipt> submissionReceipts(KafkaDesk issuer) {
        return issuer.inbox().stream()
                .map(InboxMessage::getMessage)
                .filter(SubmissionReceipt.class::isInstance)
                .map(SubmissionReceipt.class::cast);
    }

    /** The referral id of every alert in the desk's inbox so far, once per alert. */
    public static List<String> alerts(KafkaDesk recipient) {
        return recipient.inbox().stream()
                .map(InboxMessage::getMessage)
                .filter(Alert.class::isInstance)
                .map(message -> ((Alert) message).getReferralId())
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
