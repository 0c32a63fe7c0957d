package org.crossdesk.platform.web;

/**
 * One reason a request or record is refused: which field (a JSON-pointer-like path such as
 * {@code subjects[0].dateOfBirth}, or null for the whole request), a stable code a client can
 * switch on, and a sentence a desk officer can act on.
 */
public record FieldViolation(String field, String code, String message) {}
