package org.crossdesk.routing.explain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.crossdesk.events.DeskId;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.platform.web.FieldViolation;
import org.crossdesk.platform.web.ProblemException;
import org.crossdesk.routing.policy.RoutingRequest;

/**
 * A submission to dry-run the policy on, in the JSON shape of a {@code ReferralSubmission} (field names
 * of the Avro schema). Only what routing reads is needed; anything else (names, warrants, substances) may
 * be sent and is ignored, so a desk can preview the very JSON it is about to submit.
 *
 * @param issuingDesk    issuing desk; a desk caller may omit it (it is the caller's desk)
 * @param type           FUGITIVE, DRUG_TRAFFICKING or COUNTER_TERRORISM
 * @param priority       ROUTINE, URGENT or IMMEDIATE (default ROUTINE)
 * @param handling       handling code, e.g. {"code": "H2"} (default H3, the most restrictive)
 * @param subjects       persons: role and nationalities are read
 * @param requestedDesks desks asked for
 * @param excludedDesks  desks ruled out
 * @param broadcast      broadcast asked for
 * @param details        lastKnownLocations[].country, route, countriesConcerned
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PreviewRequest(
        String issuingDesk,
        String type,
        String priority,
        Handling handling,
        List<Subject> subjects,
        List<String> requestedDesks,
        List<String> excludedDesks,
        Boolean broadcast,
        Details details) {

    /** The handling part. @param code H0 to H3 */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Handling(String code) {}

    /** A person. @param role SUBJECT, ASSOCIATE, VICTIM or OTHER @param nationalities ISO codes */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(String role, List<String> nationalities) {}

    /** A location. @param country ISO code */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String country) {}

    /** A drug route. @param originCountry origin @param transitCountries transit @param destinationCountry destination */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Route(String originCountry, List<String> transitCountries, String destinationCountry) {}

    /**
     * The type-specific details, flattened.
     *
     * @param lastKnownLocations fugitive's last known locations
     * @param route              drug route
     * @param countriesConcerned countries concerned by a threat
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(List<Location> lastKnownLocations, Route route, List<String> countriesConcerned) {}

    /** The routing view of this request, issued by {@code issuer}; 400 listing every invalid field. */
    RoutingRequest toRoutingRequest(String issuer) {
        List<FieldViolation> violations = new ArrayList<>();
        if (issuer == null || !DeskId.isValid(issuer)) {
            violations.add(new FieldViolation(
                    "issuingDesk", "INVALID_DESK_ID", "issuingDesk must be a desk id CC-AGENCY, got '" + issuer + "'"));
        }
        ReferralType referralType = parse(violations, "type", type, ReferralType.class, null);
        if (referralType == ReferralType.UNKNOWN) {
            violations.add(new FieldViolation(
                    "type", "INVALID_VALUE", "type must be FUGITIVE, DRUG_TRAFFICKING or COUNTER_TERRORISM"));
        }
        Priority priorityValue = parse(violations, "priority", priority, Priority.class, Priority.ROUTINE);
        HandlingCode code = parse(
                violations,
                "handling.code",
                handling == null ? null : handling.code(),
                HandlingCode.class,
                HandlingCode.H3);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<String> nationalities = new ArrayList<>();
        for (Subject subject : subjects == null ? List.<Subject>of() : subjects) {
            if (subject != null && "SUBJECT".equalsIgnoreCase(subject.role()) && subject.nationalities() != null) {
                nationalities.addAll(subject.nationalities());
            }
        }
        Details d = details == null ? new Details(null, null, null) : details;
        List<String> locations = d.lastKnownLocations() == null
                ? List.of()
                : d.lastKnownLocations().stream()
                        .filter(Objects::nonNull)
                        .map(Location::country)
                        .toList();
        Route route = d.route();
        return new RoutingRequest(
                issuer,
                referralType,
                priorityValue,
                code,
                requestedDesks,
                excludedDesks,
                Boolean.TRUE.equals(broadcast),
                nationalities,
                locations,
                route == null || route.originCountry() == null ? List.of() : List.of(route.originCountry()),
                route == null ? List.of() : route.transitCountries(),
                route == null || route.destinationCountry() == null ? List.of() : List.of(route.destinationCountry()),
                d.countriesConcerned());
    }

    private static <E extends Enum<E>> E parse(
            List<FieldViolation> violations, String field, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                violations.add(new FieldViolation(field, "REQUIRED", field + " is required"));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(
                    field,
                    "INVALID_VALUE",
                    "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants())));
            return fallback;
        }
    }
}
