package org.crossdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.crossdesk.launcher.services.Service;
import org.crossdesk.systemtests.harness.CrossdeskStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The launcher keeps the stack running as docker-compose's restart policy does (issue #16): a service killed without
 * warning is started again, counted, and healthy again, while the rest of the stack goes on.
 */
@ExtendWith(CrossdeskStack.Extension.class)
class ServiceRestartIT {

    @Test
    void aKilledServiceIsRestartedCountedAndHealthyAgain(CrossdeskStack stack) {
        long before = stack.pid(Service.NOTIFICATIONS);
        int restartsBefore = stack.restarts().getOrDefault(Service.NOTIFICATIONS.id(), 0);

        stack.kill(Service.NOTIFICATIONS);

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                // Until it is back, it has no process to ask for its pid.
                .ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(stack.restarts()).containsEntry(Service.NOTIFICATIONS.id(), restartsBefore + 1);
                    assertThat(stack.pid(Service.NOTIFICATIONS)).isNotEqualTo(before);
                    assertThat(stack.health(Service.NOTIFICATIONS.id())).isEqualTo(200);
                });
        assertThat(stack.health(Service.INTAKE.id())).as("the others went on").isEqualTo(200);
    }
}
