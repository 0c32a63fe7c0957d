package org.crossdesk.schemaregistry.serde;

import org.apache.kafka.common.errors.RetriableException;
import org.crossdesk.schemaregistry.client.SchemaRegistryUnavailableException;

/**
 * The serde needed the schema registry and it did not answer (every URL failed at the network level, or kept answering
 * 408, 429 or 5xx through the client's retries): the record is fine and will be read or written once the registry is
 * back. A Kafka {@link RetriableException}, not a {@link org.apache.kafka.common.errors.SerializationException}, so that
 * callers can tell an outage, to wait out, from a record that can never be read, which goes to a dead-letter topic.
 * (Confluent's serde makes both a SerializationException; a caller that only catches that still catches neither
 * more nor less, since both are KafkaExceptions.)
 */
public class SchemaRegistryUnreachableException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistryUnreachableException(String message, SchemaRegistryUnavailableException cause) {
        super(message, cause);
    }
}
