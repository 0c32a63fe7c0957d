package org.crossdesk.routing.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crossdesk.routing.testing.Submissions.drugs;
import static org.crossdesk.routing.testing.Submissions.fugitive;
import static org.crossdesk.routing.testing.Submissions.terrorism;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.AlertWithdrawn;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.outbox.OutboxMessageKind;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.routing.testing.Kafka;
import org.crossdesk.routing.testing.RoutingProcess;
import org.crossdesk.testsupport.CrossdeskKafka;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once across a crash: 5,000 referrals go in; the routing service (a child JVM) is killed with
 * SIGKILL in the middle of the run and started again; afterwards every referral has exactly its
 * recipients' alerts, one each, one decision and one receipt, as read_committed consumers see them; and
 * withdrawals of referrals routed before the crash reach exactly their recipients (the restarted instance
 * rebuilt who received what from the lifecycle topic).
 *
 * <p>Three kinds of referral whose recipients follow by hand from config/demo/directory.yaml:
 * <ul>
 *   <li>fugitive from FR-BNRF, subject German, last seen in Spain: DE-BKA and ES-CNP (EU arrest warrant);</li>
 *   <li>drugs from ES-GC, Colombia via Morocco to the Netherlands: CO-DIRAN, MA-DGSN, NL-NP (bilateral
 *       agreements and the EU directive);</li>
 *   <li>terrorism from DE-BKA concerning Turkey and France: TR-EGM and FR-DGSI.</li>
 * </ul>
 */
@CrossdeskKafka
class ExactlyOnceCrashIT {

    private static final int REFERRALS = 5_000;
    private static final int PER_SECOND = 1_000;
    private static final List<Set<String>> RECIPIENTS =
            List.of(Set.of("DE-BKA", "ES-CNP"), Set.of("CO-DIRAN", "MA-DGSN", "NL-NP"), Set.of("FR-DGSI", "TR-EGM"));
    private static final List<String> ISSUERS = List.of("FR-BNRF", "ES-GC", "DE-BKA");

    @Test
    void aServiceKilledMidRunAndRestartedAlertsEveryRecipientExactlyOnce() throws Exception {
        String run = "CD-CRASH-" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-";
        Path logs = Files.createDirectories(Path.of("target", "crash-it"));
        DecisionCounter decisions = new DecisionCounter(run);
        decisions.start();

        int routedAtKill;
        try (RoutingProcess first = RoutingProcess.start(logs.resolve("routing-1.log"))) {
            await("first instance routing").atMost(Duration.ofMinutes(3)).until(RoutingProcess::groupIsStable);
            Thread producer = new Thread(() -> produce(run), "crash-it-producer");
            producer.start();
            await("a third of the referrals routed")
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> decisions.distinct() >= REFERRALS / 3);
            first.kill();
            routedAtKill = decisions.distinct();
            producer.join();
        }
        assertThat(routedAtKill).as("killed in the middle of the run").isBetween(1, REFERRALS - 1);
        System.out.printf("ExactlyOnceCrashIT: killed with %d of %d referrals routed%n", routedAtKill, REFERRALS);

        try (RoutingProcess second = RoutingProcess.start(logs.resolve("routing-2.log"))) {
            await("every referral routed after the restart")
                    .atMost(Duration.ofMinutes(4))
                    .until(() -> decisions.distinct() == REFERRALS);
            decisions.stop();
            // The restarted instance knows who received what the first one routed only from the lifecycle topic.
            for (int i = 0; i < 3; i++) {
                Kafka.lifecycle(
                        run + i,
                        ReferralWithdrawn.newBuilder()
                                .setReferralId(run + i)
                                .setIssuingDesk(ISSUERS.get(i))
                                .setReason("Withdrawn after the restart")
                                .setWithdrawnBy("crash-it")
                                .build());
            }
            await("withdrawals forwarded")
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> withdrawals(run).size() >= 7);
        }
        assertThat(withdrawals(run))
                .containsExactlyInAnyOrder(
                        run + "0 DE-BKA",
                        run + "0 ES-CNP",
                        run + "1 CO-DIRAN",
                        run + "1 MA-DGSN",
                        run + "1 NL-NP",
                        run + "2 FR-DGSI",
                        run + "2 TR-EGM");

        assertThat(decisions.duplicates())
                .as("referrals with more than one committed decision")
                .isZero();
        Map<String, Map<String, Integer>> alerts = new HashMap<>();
        Map<String, Integer> receipts = new HashMap<>();
        for (ConsumerRecord<String, Object> record : readAllInboxes()) {
            if (record.key() == null || !record.key().startsWith(run)) {
                continue;
            }
            Object message = ((InboxMessage) record.value()).getMessage();
            String desk = Topics.deskIdOf(record.topic());
            if (message instanceof Alert) {
                alerts.computeIfAbsent(record.key(), key -> new TreeMap<>()).merge(desk, 1, Integer::sum);
            } else if (message instanceof SubmissionReceipt receipt
                    && receipt.getSubjectOfReceipt() == OutboxMessageKind.SUBMISSION) {
                receipts.merge(record.key() + " " + desk, 1, Integer::sum);
            }
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            String referralId = run + i;
            Map<String, Integer> expected = new TreeMap<>();
            RECIPIENTS.get(i % 3).forEach(desk -> expected.put(desk, 1));
            Map<String, Integer> actual = alerts.getOrDefault(referralId, Map.of());
            if (!actual.equals(expected)) {
                wrong.add(referralId + " alerts " + actual + " expected " + expected);
            }
            Integer receipt = receipts.get(referralId + " " + ISSUERS.get(i % 3));
            if (receipt == null || receipt != 1) {
                wrong.add(referralId + " receipts " + receipt);
            }
        }
        assertThat(wrong.size())
                .as(
                        "referrals without exactly their recipients' alerts, once; e.g. %s",
                        wrong.stream().limit(20).toList())
                .isZero();
        assertThat(alerts.values().stream()
                        .mapToInt(m ->
                                m.values().stream().mapToInt(Integer::intValue).sum())
                        .sum())
                .isEqualTo(REFERRALS / 3 * 7 + (REFERRALS % 3 >= 1 ? 2 : 0) + (REFERRALS % 3 >= 2 ? 3 : 0));
    }

    /** "referralId desk" of every committed AlertWithdrawn of this run. */
    private static List<String> withdrawals(String run) throws Exception {
        List<String> withdrawals = new ArrayList<>();
        for (ConsumerRecord<String, Object> record : readAllInboxes()) {
            if (record.key() != null
                    && record.key().startsWith(run)
                    && ((InboxMessage) record.value()).getMessage() instanceof AlertWithdrawn) {
                withdrawals.add(record.key() + " " + Topics.deskIdOf(record.topic()));
            }
        }
        return withdrawals;
    }

    private static ReferralSubmission submission(int i, String referralId) {
        return switch (i % 3) {
            case 0 ->
                fugitive("FR-BNRF")
                        .reference(referralId)
                        .subject("DE")
                        .seenIn("ES")
                        .build();
            case 1 ->
                drugs("ES-GC")
                        .reference(referralId)
                        .route("CO", List.of("MA"), "NL")
                        .build();
            default ->
                terrorism("DE-BKA").reference(referralId).threatTo("TR", "FR").build();
        };
    }

    /** Writes the referrals at a steady rate, as intake would. */
    private static void produce(String run) {
        try (KafkaProducer<String, Object> producer =
                new KafkaProducer<>(Kafka.settings().producer("crash-it-intake"))) {
            long start = System.nanoTime();
            for (int i = 0; i < REFERRALS; i++) {
                long due = start + (long) i * 1_000_000_000L / PER_SECOND;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                String referralId = run + i;
                ReferralSubmission submission = submission(i, referralId);
                producer.send(new ProducerRecord<>(
                        Topics.REFERRALS_LIFECYCLE,
                        referralId,
                        ReferralEvent.newBuilder()
                                .setMetadata(Kafka.metadata(referralId))
                                .setEvent(ReferralSubmitted.newBuilder()
                                        .setReferralId(referralId)
                                        .setSubmission(submission)
                                        .setReceivedFromTopic(Topics.deskOutboxName(submission.getIssuingDesk()))
                                        .build())
                                .build()));
            }
            producer.flush();
        }
    }

    /** Every record of every desk inbox, read_committed. */
    private static List<ConsumerRecord<String, Object>> readAllInboxes() throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(Kafka.settings().admin())) {
            for (String topic : admin.listTopics().names().get()) {
                if (Topics.isDeskInbox(topic)) {
                    for (int p = 0; p < Topics.deskInbox(Topics.deskIdOf(topic)).partitions(); p++) {
                        partitions.add(new TopicPartition(topic, p));
                    }
                }
            }
        }
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = committedReader()) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static KafkaConsumer<String, Object> committedReader() {
        Map<String, Object> config = new HashMap<>(Kafka.settings().consumer("crash-it-reader"));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return new KafkaConsumer<>(config);
    }

    /** Follows the lifecycle topic (read_committed) and counts this run's committed decisions. */
    private static final class DecisionCounter {
        private final String run;
        private final Map<String, AtomicInteger> decisions = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        DecisionCounter(String run) {
            this.run = run;
            this.thread = new Thread(this::follow, "crash-it-decisions");
        }

        void start() throws InterruptedException {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        int distinct() {
            return decisions.size();
        }

        long duplicates() {
            return decisions.values().stream().filter(count -> count.get() > 1).count();
        }

        private void follow() {
            try (KafkaConsumer<String, Object> consumer = committedReader()) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (int p = 0; p < Topics.REFERRALS_LIFECYCLE_TOPIC.partitions(); p++) {
                    partitions.add(new TopicPartition(Topics.REFERRALS_LIFECYCLE, p));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (running.get()) {
                    for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
                        if (record.key() != null
                                && record.key().startsWith(run)
                                && record.value() instanceof ReferralEvent event
                                && event.getEvent() instanceof ReferralRouted) {
                            decisions
                                    .computeIfAbsent(record.key(), key -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                }
            }
        }
    }
}
