package org.crossdesk.notifications.subscription;

import java.util.List;

/** A subscription request or lookup that cannot be honoured, and why; the HTTP adapter maps it to a problem. */
public final class SubscriptionRejectedException extends RuntimeException {

    /** Why it was rejected. */
    public enum Reason {
        /** Fields are invalid; see {@link #errors()}. */
        INVALID,
        /** The desk has as many subscriptions as allowed. */
        LIMIT_REACHED,
        /** No such subscription for this desk (another desk's subscriptions do not exist for it). */
        NOT_FOUND
    }

    /** One invalid field. */
    public record FieldError(String field, String message) {}

    private final Reason reason;
    private final transient List<FieldError> errors;

    public SubscriptionRejectedException(Reason reason, String detail, List<FieldError> errors) {
        super(detail);
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
