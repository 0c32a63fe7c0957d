package org.crossdesk.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of every Crossdesk HTTP API is RFC 9457 problem+json, with an {@code errors}
 * array naming each offending field, so a desk's integrator can fix a request in one round trip.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> onProblem(ProblemException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setType(e.type());
        if (!e.violations().isEmpty()) {
            body.setProperty("errors", e.violations());
        }
        HttpHeaders headers = new HttpHeaders();
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"crossdesk\"");
        }
        return ResponseEntity.status(e.status()).headers(headers).body(body);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> onTooLarge(PayloadTooLargeException e) {
        return onProblem(
                new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", e.getMessage(), List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(f -> violations.add(new FieldViolation(f.getField(), f.getCode(), f.getDefaultMessage())));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> violations.add(new FieldViolation(null, g.getCode(), g.getDefaultMessage())));
        return asObject(onProblem(ProblemException.invalid(violations)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOf(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return asObject(onTooLarge(tooLarge));
        }
        String detail = ex.getMostSpecificCause().getMessage();
        FieldViolation violation = new FieldViolation(
                null, "unreadable", "The body is not valid JSON for this resource: " + firstLine(detail));
        return asObject(onProblem(ProblemException.invalid(List.of(violation))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && problem.getType() != null
                && "about:blank".equals(problem.getType().toString())) {
            problem.setType(ProblemException.typeUri("http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<?> entity) {
        return (ResponseEntity) entity;
    }
}
