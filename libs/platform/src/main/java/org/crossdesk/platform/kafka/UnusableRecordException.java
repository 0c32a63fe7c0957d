package org.crossdesk.platform.kafka;

/**
 * Thrown by a listener for a record it can read but must never process (a desk claiming another
 * desk, a message kind that makes no sense on this topic). Not retried: the record goes straight
 * to the dead-letter topic with this message as the cause, and the consumer goes on.
 */
public class UnusableRecordException extends RuntimeException {
    public UnusableRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnusableRecordException(String message) {
        super(message);
    }
}
