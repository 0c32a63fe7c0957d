package org.crossdesk.notifications.testing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.crossdesk.notifications.NotificationsApplication;
import org.crossdesk.testsupport.CrossdeskEvents;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.RegistryFixture;

/**
 * A broker, a registry and this service in one JVM, for trying the service or running
 * bench/WebhookBench against it before the launcher exists. Prints the addresses and runs until killed.
 *
 * <pre>
 * java -cp "services/notifications/target/classes:services/notifications/target/test-classes:$(cat cp.txt)" \
 *     org.crossdesk.notifications.testing.LocalStack DE-BKA [more desks...]
 * </pre>
 *
 * The API key of each desk is {@code test-key-<DESK>}; webhooks may point at loopback addresses.
 */
public final class LocalStack {

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        NotificationsApplication.useCommonPoolOnSmallMachines();
        List<String> desks = args.length == 0 ? List.of("DE-BKA") : List.of(args);
        CrossdeskEvents.createDeskTopics(desks.toArray(String[]::new));
        NotificationsApp app = NotificationsApp.start(
                "notifications",
                Clock.systemUTC(),
                desks,
                Map.of(
                        "crossdesk.notifications.webhooks.initial-backoff", "2s",
                        "crossdesk.notifications.webhooks.max-backoff", "2m",
                        "crossdesk.notifications.webhooks.max-attempts", 8,
                        "crossdesk.notifications.webhooks.request-timeout", "10s",
                        "crossdesk.notifications.deadlines.check-interval", "5s",
                        "crossdesk.notifications.stream.heartbeat", "15s",
                        "logging.level.root", "WARN"));
        System.out.println("bootstrap=" + KafkaFixture.bootstrapServers());
        System.out.println("registry=" + RegistryFixture.url());
        System.out.println("notifications=" + app.uri(""));
        desks.forEach(desk -> System.out.println("key " + desk + "=" + NotificationsApp.keyOf(desk)));
        System.out.println("READY");
        Thread.currentThread().join();
    }
}
