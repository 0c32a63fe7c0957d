package org.crossdesk.intake.cases;

import java.time.Instant;
import java.util.List;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;

/**
 * A snapshot of one referral's status: its lifecycle and each recipient's progress. Carries no personal
 * data: the content stays on the topics, read only by the desks it was routed to.
 *
 * @param referralId   referral id
 * @param issuingDesk  desk that issued it
 * @param deskReference the issuer's own reference
 * @param type         referral type
 * @param priority     priority of the latest version
 * @param status       lifecycle status
 * @param version      1 for the original submission, +1 per amendment
 * @param submittedAt  when intake accepted it
 * @param routedAt     when routing decided its recipients, or null
 * @param endedAt      when it was withdrawn or closed, or null
 * @param recipients   every desk that received an alert, in routing order
 * @param withheld     every candidate routing withheld, with the reason
 */
public record CaseStatus(
        String referralId,
        String issuingDesk,
        String deskReference,
        ReferralType type,
        Priority priority,
        ReferralStatus status,
        int version,
        Instant submittedAt,
        Instant routedAt,
        Instant endedAt,
        List<Recipient> recipients,
        List<Withheld> withheld) {

    /** Whether {@code desk} issued the referral or received an alert for it. */
    public boolean isIssuerOrRecipient(String desk) {
        return issuingDesk.equals(desk)
                || recipients.stream().anyMatch(r -> r.desk().equals(desk));
    }

    /**
     * One recipient's progress.
     *
     * @param desk           recipient desk
     * @param country        its country
     * @param state          current state
     * @param ackDueAt       acknowledgement deadline
     * @param responseDueAt  response deadline
     * @param deliveredAt    machine receipt, or null
     * @param acknowledgedAt acknowledgement, or null
     * @param actionedAt     latest action report, or null
     * @param outcome        outcome of the latest action report, or null
     * @param breaches       deadlines missed (ACKNOWLEDGEMENT, RESPONSE), even if met late
     */
    public record Recipient(
            String desk,
            String country,
            RecipientState state,
            Instant ackDueAt,
            Instant responseDueAt,
            Instant deliveredAt,
            Instant acknowledgedAt,
            Instant actionedAt,
            String outcome,
            List<String> breaches) {}

    /**
     * A candidate routing withheld.
     *
     * @param desk    the desk, or null when the country has none
     * @param country the candidate country
     * @param reason  why it was withheld
     */
    public record Withheld(String desk, String country, String reason) {}
}
