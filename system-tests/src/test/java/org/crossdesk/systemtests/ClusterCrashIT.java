package org.crossdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.crossdesk.systemtests.harness.CrossdeskStack;
import org.crossdesk.systemtests.harness.KafkaDesk;
import org.crossdesk.systemtests.harness.Routed;
import org.junit.jupiter.api.Test;

/**
 * The services on a three-broker cluster (issue #16): started by the launcher with {@code --brokers 3}, unchanged.
 * While a desk keeps submitting, one broker and then another is killed without warning and restarted by the launcher;
 * every accepted referral is routed exactly once, as on one broker.
 */
class ClusterCrashIT {

    private static final String ISSUER = "FR-BNRF";
    private static final List<String> RECIPIENTS = List.of("DE-BKA", "ES-CNP");
    private static final int PER_ROUND = 10;
    private static final Duration BACK = Duration.ofMinutes(4);

    @Test
    void killingBrokersOneAtATimeUnderSubmissionsLosesAndDuplicatesNothing() {
        List<Routed.Submitted> submitted = new ArrayList<>();
        try (CrossdeskStack cluster = CrossdeskStack.startOwn("cluster-stack", options -> options.brokers(3));
                KafkaDesk issuer = cluster.kafkaDesk(ISSUER);
                KafkaDesk germany = cluster.kafkaDesk(RECIPIENTS.get(0));
                KafkaDesk spain = cluster.kafkaDesk(RECIPIENTS.get(1))) {
            Routed.submitFugitives(cluster, ISSUER, PER_ROUND, submitted, null);
            for (String broker : List.of("kafka-2", "kafka-1")) {
                long before = cluster.pid(broker);
                int restartsBefore = cluster.restarts().getOrDefault(broker, 0);
                cluster.kill(broker);
                // Writes go on with two of three brokers: every submission is acknowledged by two replicas.
                Routed.submitFugitives(cluster, ISSUER, PER_ROUND, submitted, null);
                await().atMost(BACK)
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .untilAsserted(() -> {
                            assertThat(cluster.restarts()).containsEntry(broker, restartsBefore + 1);
                            assertThat(cluster.pid(broker)).isNotEqualTo(before);
                        });
            }
            Routed.submitFugitives(cluster, ISSUER, PER_ROUND, submitted, null);

            List<String> referrals = Routed.assertRoutedExactlyOnce(issuer, List.of(germany, spain), submitted, BACK);
        }
        assertThat(submitted).hasSize(PER_ROUND * 4);
    }
}
