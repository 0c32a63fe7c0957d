package org.crossdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aKilledServiceIsRestartedCountedAndHealthyAgain(CrossdeskStack stack) {
        long before = stack.pid(Service.NOTIFICATIONS);
        int restartsBefore = stack.restarts().getOrDefault(Service.NOTIFICATIONS.id(), 0);

        stack.kill(Service.NOTIFICATIONS);

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(stack.restarts()).containsEntry(Service.NOTIFICATIONS.id(), restartsBefore + 1);
                    assertThat(stack.pid(Service.NOTIFICATIONS)).isNotEqualTo(before);
                    assertThat(health(stack, Service.NOTIFICATIONS)).isEqualTo(200);
                });
        assertThat(health(stack, Service.INTAKE)).as("the others went on").isEqualTo(200);
    }

    private int health(CrossdeskStack stack, Service service) {
        try {
            return http.send(
                            HttpRequest.newBuilder(stack.url(service).resolve("/actuator/health"))
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
