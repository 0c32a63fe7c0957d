package org.crossdesk.intake.validation;

/**
 * Upper bounds of texts and lists. They keep one referral's size (and so every recipient's inbox and
 * every replay) bounded, and are generous for real cases: an INTERPOL notice rarely names more than a
 * handful of persons or warrants.
 */
public final class Limits {

    /** Desk reference: used as a Kafka key and inside URLs. */
    public static final int DESK_REFERENCE = 64;
    /** Names, authorities, places, identifiers and other one-line texts. */
    public static final int SHORT_TEXT = 200;
    /** Declared purpose. */
    public static final int PURPOSE = 500;
    /** Case summary, action details. */
    public static final int LONG_TEXT = 4000;
    /** Charge text and its translation, caveats, reasons, notes. */
    public static final int MEDIUM_TEXT = 2000;

    /** Persons in one referral. */
    public static final int SUBJECTS = 50;
    /** Warrants, identity documents, marks, names per person and other per-item lists. */
    public static final int SMALL_LIST = 20;
    /** Desks requested or excluded, locations, conveyances, references, targets and other case lists. */
    public static final int LARGE_LIST = 100;

    private Limits() {}
}
