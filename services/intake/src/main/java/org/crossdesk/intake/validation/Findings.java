package org.crossdesk.intake.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects violations while walking a message; knows the common checks on texts and lists. */
final class Findings {

    private final List<Violation> violations = new ArrayList<>();

    void add(ReasonCode code, String field, String message) {
        violations.add(new Violation(code, field, message));
    }

    /** Required text: present, not blank, at most {@code max} characters. Returns whether it is usable. */
    boolean requiredText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(ReasonCode.REQUIRED, field, field + " is required");
            return false;
        }
        return optionalText(field, value, max);
    }

    /** Optional text: absent, or at most {@code max} characters. */
    boolean optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(
                    ReasonCode.TOO_LONG,
                    field,
                    field + " has " + value.length() + " characters; at most " + max + " are allowed");
            return false;
        }
        return true;
    }

    /** A list of at most {@code max} entries (null counts as empty). */
    boolean maxSize(String field, Collection<?> list, int max) {
        if (list != null && list.size() > max) {
            add(
                    ReasonCode.TOO_MANY,
                    field,
                    field + " has " + list.size() + " entries; at most " + max + " are allowed");
            return false;
        }
        return true;
    }

    /** A list with at least one and at most {@code max} entries. */
    boolean requiredList(String field, Collection<?> list, int max) {
        if (list == null || list.isEmpty()) {
            add(ReasonCode.REQUIRED, field, field + " needs at least one entry");
            return false;
        }
        return maxSize(field, list, max);
    }

    /** Required ISO 3166-1 alpha-2 country code. */
    void country(String field, String value) {
        if (value == null || value.isBlank()) {
            add(ReasonCode.REQUIRED, field, field + " is required");
        } else if (!Codes.isCountry(value)) {
            add(
                    ReasonCode.INVALID_COUNTRY,
                    field,
                    "'" + abbreviate(value) + "' is not an ISO 3166-1 alpha-2 country code (upper case, e.g. DE)");
        }
    }

    /** A list of country codes, each checked. */
    void countries(String field, List<String> values, int max) {
        if (values == null || !maxSize(field, values, max)) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            country(field + "[" + i + "]", values.get(i));
        }
    }

    List<Violation> list() {
        return List.copyOf(violations);
    }

    /** Echoes at most a few characters of a bad value: enough to recognise it, not a way to flood logs. */
    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
