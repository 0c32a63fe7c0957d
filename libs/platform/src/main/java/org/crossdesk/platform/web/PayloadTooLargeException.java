package org.crossdesk.platform.web;

/** A request body larger than {@code crossdesk.http.max-body-bytes}; answered with 413. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes.");
    }
}
