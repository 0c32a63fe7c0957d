package org.crossdesk.events;

/**
 * The headers a dead letter carries ({@code <topic>-dlt}, docs/platform.md), named once for the code that writes
 * them (libs/platform's recoverer) and the code that reads them (the launcher's {@code dead-letters} command), which
 * shares no library with Spring Kafka.
 *
 * <p>Spring Kafka's names are restated here because this library depends on Avro only; libs/platform's
 * {@code DeadLetterHeadersTest} fails if they ever differ from Spring's {@code KafkaHeaders}. Spring writes the
 * original partition as a 4-byte and the offset and timestamp as 8-byte big-endian numbers, everything else as
 * UTF-8 text.
 */
public final class DeadLetterHeaders {

    /** Prefix of every header Spring Kafka's dead-letter publisher adds. */
    public static final String SPRING_PREFIX = "kafka_dlt-";
    /** Prefix of the headers Crossdesk's recoverer adds to Spring's. */
    public static final String CROSSDESK_PREFIX = "crossdesk_dlt-";

    public static final String ORIGINAL_TOPIC = SPRING_PREFIX + "original-topic";
    /** 4-byte big-endian int. */
    public static final String ORIGINAL_PARTITION = SPRING_PREFIX + "original-partition";
    /** 8-byte big-endian long. */
    public static final String ORIGINAL_OFFSET = SPRING_PREFIX + "original-offset";
    /** 8-byte big-endian long, epoch milliseconds. */
    public static final String ORIGINAL_TIMESTAMP = SPRING_PREFIX + "original-timestamp";

    public static final String ORIGINAL_CONSUMER_GROUP = SPRING_PREFIX + "original-consumer-group";
    public static final String EXCEPTION_FQCN = SPRING_PREFIX + "exception-fqcn";
    public static final String EXCEPTION_CAUSE_FQCN = SPRING_PREFIX + "exception-cause-fqcn";
    public static final String EXCEPTION_MESSAGE = SPRING_PREFIX + "exception-message";
    public static final String EXCEPTION_STACKTRACE = SPRING_PREFIX + "exception-stacktrace";

    /**
     * The innermost cause, {@code <class>: <message>}: Spring's message header gives the outermost one, which for
     * unreadable bytes says only "failed to deserialize".
     */
    public static final String ROOT_CAUSE = CROSSDESK_PREFIX + "root-cause";

    /**
     * On a record an operator wrote back to its topic from a dead-letter topic: which dead letter it was,
     * {@code <dead-letter topic>-<partition>@<offset>}. Not a dead-letter header: it stays with the record.
     */
    public static final String REDRIVEN_FROM = "crossdesk-redriven-from";

    private DeadLetterHeaders() {}

    /**
     * Whether a header describes the dead-lettering rather than the record: what a redrive leaves behind, so that a
     * record failing again is described by its new failure only.
     */
    public static boolean describesTheFailure(String header) {
        return header.startsWith(SPRING_PREFIX) || header.startsWith(CROSSDESK_PREFIX);
    }
}
