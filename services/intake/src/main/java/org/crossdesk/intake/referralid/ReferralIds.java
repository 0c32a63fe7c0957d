package org.crossdesk.intake.referralid;

import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossdesk.events.DeskId;

/**
 * Referral ids: {@code CD-<year>-<desk>-<partition>-<offset>}, e.g. {@code CD-2026-FR-OCRTIS-1-000123}.
 *
 * <p>The id is the position of the submission in its desk's outbox. That position is unique for as long as
 * the outbox topic exists (Kafka never reuses an offset), so the id is unique across intake instances and
 * restarts without any counter to coordinate; it is deterministic, so a record reprocessed after a crash
 * gets the same id; and the HTTP gateway, which learns the position from the producer acknowledgement,
 * answers the id the outbox consumer will assign without asking it. The year (from the record's
 * timestamp, UTC) and the desk make it readable; the offset is zero-padded to six digits for sorting
 * within a desk and partition.
 *
 * <p>Caveat: deleting and recreating an outbox topic restarts its offsets; intake then refuses a
 * submission whose id is already taken ({@code REFERRAL_ID_COLLISION}) rather than merge two referrals.
 */
public final class ReferralIds {

    private static final Pattern FORMAT = Pattern.compile("CD-(\\d{4})-(" + DeskId.REGEX + ")-(\\d{1,9})-(\\d{6,19})");

    private ReferralIds() {}

    /** The referral id of the submission at {@code position}. */
    public static String of(OutboxPosition position) {
        int year = position.timestamp().atZone(ZoneOffset.UTC).getYear();
        return String.format("CD-%04d-%s-%d-%06d", year, position.desk(), position.partition(), position.offset());
    }

    /** Whether {@code text} has the form of a referral id. */
    public static boolean isWellFormed(String text) {
        return parse(text).map(parts -> DeskId.isValid(parts.desk())).orElse(false);
    }

    /** The parts of a referral id, if {@code text} is one. */
    public static Optional<Parts> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parts(
                    Integer.parseInt(matcher.group(1)),
                    matcher.group(2),
                    Integer.parseInt(matcher.group(3)),
                    Long.parseLong(matcher.group(4))));
        } catch (NumberFormatException outOfRange) {
            return Optional.empty();
        }
    }

    /**
     * The parts of a referral id.
     *
     * @param year      year of submission (UTC)
     * @param desk      issuing desk: the desk of the outbox the submission was written to
     * @param partition outbox partition of the submission
     * @param offset    outbox offset of the submission
     */
    public record Parts(int year, String desk, int partition, long offset) {}
}
