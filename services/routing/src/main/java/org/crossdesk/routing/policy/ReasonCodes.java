package org.crossdesk.routing.policy;

/**
 * Reason codes of recipients besides the {@link CountrySource} names. They end up in
 * {@code RoutedRecipient.reasons} and {@code Alert.routingReasons}, which partner systems read.
 */
public final class ReasonCodes {

    /** The issuer listed the desk in {@code requestedDesks}. */
    public static final String REQUESTED = "REQUESTED";
    /** The issuer asked for a broadcast and the desk handles the referral type. */
    public static final String BROADCAST = "BROADCAST";
    /** No desk of the country handles the type, so its national central desk receives it. */
    public static final String NATIONAL_CENTRAL_DESK = "NATIONAL_CENTRAL_DESK";
    /** Prefix of the legal basis entry: {@code AGREEMENT:<agreement id>}. */
    public static final String AGREEMENT_PREFIX = "AGREEMENT:";
    /** Legal basis entry of a recipient in the issuer's own country: national law, no treaty needed. */
    public static final String DOMESTIC = "DOMESTIC";

    private ReasonCodes() {}
}
