package org.crossdesk.dashboard.views;

/** The country of a desk id ({@code CC-AGENCY}), without re-validating ids the producers validated. */
final class DeskCountry {

    private DeskCountry() {}

    static String of(String deskId) {
        return deskId != null && deskId.length() > 2 && deskId.charAt(2) == '-' ? deskId.substring(0, 2) : "??";
    }
}
