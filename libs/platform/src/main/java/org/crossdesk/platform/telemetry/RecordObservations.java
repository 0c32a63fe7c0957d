package org.crossdesk.platform.telemetry;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * A consumed record's hop, observed as Spring Kafka's listener containers observe theirs, for code that takes records
 * from a consumer itself: routing's batch fan-out, notifications' consumer loops. The observation's span continues the
 * trace in the record's {@code traceparent} header, and whatever is sent while it is current (a {@code KafkaTemplate}
 * send, an HTTP request) becomes its child, so one referral is one trace from the desk's submission to the partner's
 * webhook (docs/observability.md).
 *
 * <pre>{@code
 * observations.observe(record, () -> process(record)); // sends inside carry the trace on
 * }</pre>
 */
public final class RecordObservations {

    private final ObservationRegistry registry;
    private final String listenerId;
    private final String groupId;

    /**
     * @param listenerId names the hop in spans and metrics, e.g. {@code routing-fanout}
     * @param groupId    the consumer group, or null for a reader outside any group
     */
    public RecordObservations(ObservationRegistry registry, String listenerId, String groupId) {
        this.registry = registry;
        this.listenerId = listenerId;
        this.groupId = groupId;
    }

    /** Observes nothing: for tests and tools that run without tracing. */
    public static RecordObservations none() {
        return new RecordObservations(ObservationRegistry.NOOP, "none", null);
    }

    /** The hop of {@code record}, not yet started: start it, and stop it when the record's work is done. */
    public Observation of(ConsumerRecord<?, ?> record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(
                null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, listenerId, groupId, () -> null),
                registry);
    }

    /** Runs {@code work} as the hop of {@code record}: started, current while it runs, stopped after. */
    public void observe(ConsumerRecord<?, ?> record, Runnable work) {
        of(record).observe(work);
    }
}
