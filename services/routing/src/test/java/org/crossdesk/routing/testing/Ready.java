package org.crossdesk.routing.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.crossdesk.routing.fanout.FanOutListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Waits until the service under test routes: directory loaded (and seeded), fan-out partitions assigned. */
public final class Ready {

    // The first start seeds 62 desks (about 250 topics) and joins the group: on a loaded 2-core machine
    // that has taken well over a minute.
    private static final Duration START_UP = Duration.ofMinutes(4);

    private Ready() {}

    public static void awaitRouting(KafkaListenerEndpointRegistry listeners) {
        await("routing service ready").atMost(START_UP).until(() -> {
            var container = listeners.getListenerContainer(FanOutListener.ID);
            return container != null
                    && container.isRunning()
                    && !container.getAssignedPartitions().isEmpty();
        });
    }
}
