package org.crossdesk.routing.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.referral.WithholdReason;

/**
 * What the policy decided for one referral: every recipient with why it receives the referral, its
 * legal basis and deadlines, and every candidate that was withheld with the reason. Recipients are in
 * desk id order, withheld candidates in country then desk order.
 *
 * @param issuingDesk              issuing desk
 * @param type                     referral type
 * @param priority                 priority
 * @param handling                 handling code
 * @param decidedAt                when the policy ran (deadlines count from here)
 * @param recipients               desks that receive it
 * @param withheld                 candidates that do not, with the reason
 * @param onwardForwardingAllowed  whether recipients may pass it on (false under H2 and H3)
 * @param evidentialUseAllowed     whether recipients may use it as evidence (false under H1 and H3)
 */
public record RoutingDecision(
        String issuingDesk,
        ReferralType type,
        Priority priority,
        HandlingCode handling,
        Instant decidedAt,
        List<Recipient> recipients,
        List<Withheld> withheld,
        boolean onwardForwardingAllowed,
        boolean evidentialUseAllowed) {

    public RoutingDecision {
        recipients = List.copyOf(recipients);
        withheld = List.copyOf(withheld);
    }

    /**
     * A desk that receives the referral.
     *
     * @param deskId        recipient desk
     * @param country       its country
     * @param reasons       why, in the order found ({@code REQUESTED}, {@code NATIONALITY}, ...)
     * @param legalBasis    {@code AGREEMENT:<id>} of the agreement that allows the exchange, or {@code DOMESTIC}
     * @param ackDueAt      acknowledgement deadline
     * @param responseDueAt response deadline
     */
    public record Recipient(
            String deskId,
            String country,
            List<String> reasons,
            String legalBasis,
            Instant ackDueAt,
            Instant responseDueAt) {
        public Recipient {
            reasons = List.copyOf(reasons);
        }

        /** The reasons followed by the legal basis, as {@code RoutedRecipient.reasons} carries them. */
        public List<String> reasonsWithLegalBasis() {
            List<String> all = new ArrayList<>(reasons);
            all.add(legalBasis);
            return List.copyOf(all);
        }
    }

    /**
     * A candidate that does not receive the referral.
     *
     * @param deskId  the desk, or empty when the country has no desk to name
     * @param country the candidate country
     * @param reason  why it was withheld
     * @param detail  a sentence for the issuer
     */
    public record Withheld(Optional<String> deskId, String country, WithholdReason reason, String detail) {}

    /** The recipient desk ids, in order. */
    public List<String> recipientDesks() {
        return recipients.stream().map(Recipient::deskId).toList();
    }
}
