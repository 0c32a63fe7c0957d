package org.crossdesk.intake.validation;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** ISO code lists the validator checks against. */
final class Codes {

    // The JDK's ISO 3166-1 alpha-2 list plus XK (Kosovo, user-assigned but used by INTERPOL and the EU),
    // the same set DeskId accepts, so a desk's country and a referral's countries agree.
    private static final Set<String> COUNTRIES = countries();
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private Codes() {}

    static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    static boolean isLanguage(String code) {
        return code != null && LANGUAGES.contains(code);
    }

    private static Set<String> countries() {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        return Set.copyOf(codes);
    }
}
