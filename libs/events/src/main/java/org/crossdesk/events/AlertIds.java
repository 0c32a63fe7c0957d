package org.crossdesk.events;

/**
 * Naming of alert ids. An alert is one referral delivered to one recipient desk, so its id is
 * {@code <referralId>/<recipientDesk>}: stable, readable, and derivable by every service without a lookup.
 */
public final class AlertIds {

    private static final char SEPARATOR = '/';

    private AlertIds() {}

    /** The id of the alert of referral {@code referralId} at desk {@code recipientDesk}. */
    public static String of(String referralId, String recipientDesk) {
        if (referralId == null || referralId.isBlank() || referralId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException(
                    "Invalid referral id '" + referralId + "': must be non-blank and contain no '/'");
        }
        return referralId + SEPARATOR + DeskId.requireValid(recipientDesk);
    }

    /** The referral id part of an alert id. */
    public static String referralIdOf(String alertId) {
        return alertId.substring(0, separatorIndex(alertId));
    }

    /** The recipient desk part of an alert id. */
    public static String recipientDeskOf(String alertId) {
        return alertId.substring(separatorIndex(alertId) + 1);
    }

    private static int separatorIndex(String alertId) {
        int at = alertId == null ? -1 : alertId.lastIndexOf(SEPARATOR);
        if (at <= 0 || !DeskId.isValid(alertId.substring(at + 1))) {
            throw new IllegalArgumentException(
                    "Invalid alert id '" + alertId + "': expected <referralId>/<recipientDesk>");
        }
        return at;
    }
}
