package org.crossdesk.events;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Id of a desk, {@code CC-AGENCY}: an ISO 3166-1 alpha-2 country code in upper case, a hyphen, and
 * an agency code of 2 to 16 upper-case letters or digits ({@code DE-BKA}, {@code FR-OCRTIS}). Desk ids
 * appear inside topic names ({@code desk.DE-BKA.inbox.v1}), so the format is strict: no dots, no lower
 * case, nothing that could make one desk's topic name match another's.
 *
 * @param value the desk id text
 */
public record DeskId(String value) {

    /** Regular expression of a well-formed desk id (the country must also be an assigned ISO code). */
    public static final String REGEX = "[A-Z]{2}-[A-Z0-9]{2,16}";

    private static final Pattern FORMAT = Pattern.compile("([A-Z]{2})-([A-Z0-9]{2,16})");

    // The JDK's ISO 3166-1 list, plus XK (Kosovo): user-assigned, but used by INTERPOL and the EU.
    private static final Set<String> COUNTRIES = countries();

    public DeskId {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Parses a desk id, throwing {@link IllegalArgumentException} that says what is wrong. */
    public static DeskId of(String value) {
        return new DeskId(value);
    }

    /** Whether {@code value} is a well-formed desk id with an assigned country code. */
    public static boolean isValid(String value) {
        return problemWith(value) == null;
    }

    /** Returns {@code value} unchanged if it is a valid desk id, else throws {@link IllegalArgumentException}. */
    public static String requireValid(String value) {
        return of(value).value();
    }

    /** The ISO 3166-1 alpha-2 country code, e.g. {@code DE}. */
    public String country() {
        return value.substring(0, 2);
    }

    /** The agency code, e.g. {@code BKA}. */
    public String agency() {
        return value.substring(3);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problemWith(String value) {
        if (value == null) {
            return "Desk id is missing; expected CC-AGENCY, e.g. DE-BKA";
        }
        Matcher matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            return "Invalid desk id '" + value + "': expected CC-AGENCY, an upper-case ISO 3166-1 alpha-2 country code,"
                    + " '-', and an agency code of 2 to 16 upper-case letters or digits (e.g. DE-BKA, FR-OCRTIS)";
        }
        if (!COUNTRIES.contains(matcher.group(1))) {
            return "Invalid desk id '" + value + "': '" + matcher.group(1)
                    + "' is not an ISO 3166-1 alpha-2 country code";
        }
        return null;
    }

    private static Set<String> countries() {
        Set<String> iso = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        iso.add("XK");
        return Set.copyOf(Objects.requireNonNull(iso));
    }
}
