package org.crossdesk.platform.kafka;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells an outage, to wait out, from a record that can never be processed, to dead-letter. The one rule every reader
 * and listener applies (issue #16: nothing is skipped or dead-lettered for an outage): a failure is an outage when
 * Kafka's client says so, that is when it or any of its causes is a Kafka {@link RetriableException}. That covers the
 * brokers' (a timeout, no leader, not enough in-sync replicas) and the schema registry's: the serde throws
 * {@code SchemaRegistryUnreachableException}, a RetriableException, when the registry does not answer.
 */
public final class Outages {

    private Outages() {}

    /** Whether {@code failure} is an outage: trying again later may succeed with the same record. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
