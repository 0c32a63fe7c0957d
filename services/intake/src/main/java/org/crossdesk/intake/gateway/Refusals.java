package org.crossdesk.intake.gateway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.intake.validation.Violation;
import org.crossdesk.platform.web.FieldViolation;
import org.crossdesk.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Turns violations into the platform's problem+json refusals, with the same codes as Kafka receipts. */
public final class Refusals {

    private Refusals() {}

    /**
     * The refusal for {@code violations} (not empty): 400 if anything is malformed, else the status of the
     * most fundamental kind present (403, 404, 409, 422 in that order). Every violation is listed.
     */
    public static ProblemException of(List<Violation> violations) {
        List<FieldViolation> errors = violations.stream()
                .map(v -> new FieldViolation(v.field(), v.code().name(), v.message()))
                .toList();
        Set<ReasonCode.Kind> kinds = new HashSet<>();
        violations.forEach(v -> kinds.add(v.code().kind()));
        if (kinds.contains(ReasonCode.Kind.MALFORMED)) {
            return ProblemException.invalid(errors);
        }
        if (kinds.contains(ReasonCode.Kind.FORBIDDEN)) {
            return new ProblemException(
                    HttpStatus.FORBIDDEN, "forbidden", violations.get(0).message(), errors);
        }
        if (kinds.contains(ReasonCode.Kind.NOT_FOUND)) {
            return new ProblemException(
                    HttpStatus.NOT_FOUND, "not-found", violations.get(0).message(), errors);
        }
        if (kinds.contains(ReasonCode.Kind.CONFLICT)) {
            return new ProblemException(
                    HttpStatus.CONFLICT, "conflict", violations.get(0).message(), errors);
        }
        return ProblemException.businessRule(errors);
    }

    /** The refusal for one violation. */
    public static ProblemException of(Violation violation) {
        return of(List.of(violation));
    }

    /**
     * The request's shape problems (bean validation, mapping) followed by the content rules' findings on the
     * fields the shape stage found nothing wrong with: one answer with every error, each field reported once.
     */
    public static List<Violation> merge(List<Violation> shape, List<Violation> content) {
        Set<String> flagged = new HashSet<>();
        shape.forEach(v -> flagged.add(String.valueOf(v.field())));
        List<Violation> all = new ArrayList<>(shape);
        content.stream()
                .filter(v -> v.field() == null || !flagged.contains(v.field()))
                .forEach(all::add);
        return all;
    }
}
