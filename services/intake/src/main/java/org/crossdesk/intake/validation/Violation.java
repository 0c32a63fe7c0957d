package org.crossdesk.intake.validation;

import java.util.Objects;
import org.crossdesk.events.referral.RejectionReason;

/**
 * One reason a message was refused.
 *
 * @param code    stable reason code
 * @param field   path of the offending field ({@code subjects[0].names}, {@code details.warrants[1].issuedOn}),
 *                the same in JSON and Avro; null when the reason is not about one field
 * @param message explanation for a desk officer, in English
 */
public record Violation(ReasonCode code, String field, String message) {

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A violation not tied to one field. */
    public static Violation of(ReasonCode code, String message) {
        return new Violation(code, null, message);
    }

    /** This violation as the Avro {@link RejectionReason} carried by receipts and {@code ReferralRejected}. */
    public RejectionReason toRejectionReason() {
        return RejectionReason.newBuilder()
                .setCode(code.name())
                .setField(field)
                .setMessage(message)
                .build();
    }
}
