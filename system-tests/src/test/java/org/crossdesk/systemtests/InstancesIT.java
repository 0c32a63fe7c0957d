package org.crossdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.crossdesk.launcher.services.Service;
import org.crossdesk.systemtests.harness.CrossdeskStack;
import org.crossdesk.systemtests.harness.HttpDesk;
import org.crossdesk.systemtests.harness.Referrals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several instances of every service (issue #16): each instance of routing holds the decisions of the partitions it
 * routes, and any instance answers for any referral, asking its peers; intake's instances share one case view.
 */
@ExtendWith(CrossdeskStack.Extension.class)
class InstancesIT {

    private static final String ISSUER = "FR-BNRF";
    private static final Duration ROUTED = Duration.ofSeconds(90);

    @Test
    void aReferralSubmittedThroughOneInstanceIsAnsweredForByEveryInstance(CrossdeskStack stack) {
        List<URI> routing = stack.urls(Service.ROUTING);
        List<URI> intake = stack.urls(Service.INTAKE);
        assumeTrue(routing.size() > 1, "the stack runs one instance of each service (crossdesk.systemtests.instances)");

        HttpDesk.Answer submitted = stack.httpDesk(ISSUER, 2).submit(Referrals.fugitiveFromFrance());
        assertThat(submitted.status()).as("answer %s", submitted.body()).isEqualTo(202);
        String referralId = submitted.text("referralId");

        HttpDesk issuer = stack.httpDesk(ISSUER);
        for (URI instance : routing) {
            await().atMost(ROUTED).untilAsserted(() -> {
                HttpDesk.Answer decision = issuer.get(instance, "/api/v1/routing/" + referralId);
                assertThat(decision.status())
                        .as("%s answered %s", instance, decision.body())
                        .isEqualTo(200);
                assertThat(decision.text("referralId")).isEqualTo(referralId);
                assertThat(decision.body().path("recipients").size()).isPositive();
            });
        }
        for (int instance = 1; instance <= intake.size(); instance++) {
            HttpDesk through = stack.httpDesk(ISSUER, instance);
            await().atMost(ROUTED)
                    .untilAsserted(() ->
                            assertThat(through.status(referralId).status()).isEqualTo(200));
        }

        // A desk that did not issue it is refused by whichever instance holds it, and so by every instance.
        HttpDesk stranger = stack.httpDesk("JP-NPA");
        for (URI instance : routing) {
            assertThat(stranger.get(instance, "/api/v1/routing/" + referralId).status())
                    .as("a stranger asking %s", instance)
                    .isEqualTo(403);
        }
    }
}
