package org.crossdesk.intake.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.intake.validation.Violation;

/**
 * Bean validation of request bodies, reported with the shared reason codes (a missing value is
 * {@code REQUIRED} whether bean validation or the content rules notice it) and merged with the content
 * rules' findings by the gateway, so a client gets every error of a request in one 400.
 */
final class Shapes {

    private static final Set<String> PRESENCE = Set.of("NotNull", "NotBlank", "NotEmpty");

    private final Validator validator;

    Shapes(Validator validator) {
        this.validator = validator;
    }

    /** The shape problems of {@code body}, paths as in JSON ({@code subjects[0].names[0].familyName}). */
    List<Violation> of(Object body) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(body)) {
            String constraint =
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            String field = v.getPropertyPath().toString();
            ReasonCode code = PRESENCE.contains(constraint) ? ReasonCode.REQUIRED : ReasonCode.INVALID_VALUE;
            String message = code == ReasonCode.REQUIRED ? field + " is required" : field + " " + v.getMessage();
            violations.add(new Violation(code, field.isEmpty() ? null : field, message));
        }
        violations.sort(Comparator.comparing(v -> String.valueOf(v.field())));
        return violations;
    }
}
