package org.crossdesk.routing.fanout;

import org.crossdesk.platform.kafka.UnusableRecordException;

/**
 * An event the fan-out cannot act on, however often it tries: it goes to the dead-letter topic with
 * this message as the cause, and the fan-out goes on.
 */
public class UnroutableEventException extends UnusableRecordException {
    public UnroutableEventException(String message) {
        super(message);
    }
}
