package org.crossdesk.launcher;

/** The stack could not start; the message names the component and quotes its log. */
public final class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
