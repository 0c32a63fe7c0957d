package org.crossdesk.launcher.broker;

/** The broker could not be formatted or started; the message carries the tail of its log. */
public final class BrokerStartException extends RuntimeException {

    public BrokerStartException(String message) {
        super(message);
    }
}
