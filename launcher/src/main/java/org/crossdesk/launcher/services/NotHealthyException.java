package org.crossdesk.launcher.services;

/** A service did not become healthy; the message says whether it died (with its log) or timed out. */
public final class NotHealthyException extends RuntimeException {

    public NotHealthyException(String message) {
        super(message);
    }
}
