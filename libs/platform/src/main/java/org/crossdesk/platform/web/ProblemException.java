package org.crossdesk.platform.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An expected refusal of an HTTP request, rendered as RFC 9457 problem+json by
 * {@link ProblemDetailsAdvice}. Services throw it from plain code; controllers stay thin.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<FieldViolation> violations;

    public ProblemException(HttpStatus status, String type, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                "validation",
                "The request has " + violations.size() + " invalid field(s); see errors.",
                violations);
    }

    public static ProblemException businessRule(List<FieldViolation> violations) {
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "business-rule",
                "The request is well-formed but breaks " + violations.size() + " rule(s); see errors.",
                violations);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail, List.of());
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return typeUri(type);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** URNs, not URLs: problem types are identifiers, and nothing has to be served behind them. */
    static URI typeUri(String type) {
        return URI.create("urn:crossdesk:problem:" + type);
    }
}
