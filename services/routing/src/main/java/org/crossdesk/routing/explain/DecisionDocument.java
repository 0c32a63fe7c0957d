package org.crossdesk.routing.explain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.referral.WithheldCandidate;
import org.crossdesk.routing.fanout.RoutedReferral;
import org.crossdesk.routing.policy.ReasonCodes;
import org.crossdesk.routing.policy.RoutingDecision;

/**
 * A routing decision as the explain and preview endpoints answer it: each recipient with its reason
 * codes, legal basis, deadlines and a sentence saying why; each withheld candidate with its reason.
 *
 * @param referralId               referral id (null for a preview)
 * @param issuingDesk              issuing desk
 * @param type                     referral type
 * @param priority                 priority
 * @param published                false for a preview: nothing was written
 * @param version                  latest version (explain only)
 * @param withdrawn                whether the issuer withdrew it (explain only)
 * @param onwardForwardingAllowed  recipients may pass it on (preview only: explain reads it from the alerts)
 * @param evidentialUseAllowed     recipients may use it as evidence (preview only)
 * @param recipients               desks that receive (or would receive) it
 * @param withheld                 candidates withheld, with the reason
 */
public record DecisionDocument(
        String referralId,
        String issuingDesk,
        String type,
        String priority,
        boolean published,
        Integer version,
        Boolean withdrawn,
        Boolean onwardForwardingAllowed,
        Boolean evidentialUseAllowed,
        List<RecipientDocument> recipients,
        List<WithheldDocument> withheld) {

    /**
     * A recipient.
     *
     * @param deskId        desk
     * @param country       its country
     * @param reasons       reason codes (REQUESTED, NATIONALITY, ...)
     * @param legalBasis    AGREEMENT:&lt;id&gt; or DOMESTIC
     * @param explanation   the same in a sentence
     * @param ackDueAt      acknowledgement deadline
     * @param responseDueAt response deadline
     */
    public record RecipientDocument(
            String deskId,
            String country,
            List<String> reasons,
            String legalBasis,
            String explanation,
            Instant ackDueAt,
            Instant responseDueAt) {}

    /**
     * A withheld candidate.
     *
     * @param deskId  desk, or null when the country has none to name
     * @param country country
     * @param reason  NO_AGREEMENT, EXCLUDED_BY_ISSUER, HANDLING_RESTRICTED, ISSUER_COUNTRY, INACTIVE_DESK,
     *                NO_DESK_IN_COUNTRY or OTHER
     * @param detail  a sentence for the issuer
     */
    public record WithheldDocument(String deskId, String country, String reason, String detail) {}

    /** The recorded decision of a routed referral. */
    static DecisionDocument of(RoutedReferral referral) {
        ReferralRouted routed = referral.routed();
        return new DecisionDocument(
                referral.referralId(),
                routed.getIssuingDesk(),
                routed.getType().name(),
                routed.getPriority().name(),
                true,
                referral.version(),
                referral.withdrawn(),
                null,
                null,
                routed.getRecipients().stream().map(DecisionDocument::recipient).toList(),
                routed.getWithheld().stream().map(DecisionDocument::withheld).toList());
    }

    /** A decision the policy made without publishing it. */
    static DecisionDocument preview(RoutingDecision decision) {
        return new DecisionDocument(
                null,
                decision.issuingDesk(),
                decision.type().name(),
                decision.priority().name(),
                false,
                null,
                null,
                decision.onwardForwardingAllowed(),
                decision.evidentialUseAllowed(),
                decision.recipients().stream()
                        .map(recipient -> recipient(
                                recipient.deskId(),
                                recipient.country(),
                                recipient.reasons(),
                                recipient.legalBasis(),
                                recipient.ackDueAt(),
                                recipient.responseDueAt()))
                        .toList(),
                decision.withheld().stream()
                        .map(candidate -> new WithheldDocument(
                                candidate.deskId().orElse(null),
                                candidate.country(),
                                candidate.reason().name(),
                                candidate.detail()))
                        .toList());
    }

    private static RecipientDocument recipient(RoutedRecipient recipient) {
        // The published reasons end with the legal basis (see RoutingDecision.Recipient#reasonsWithLegalBasis).
        List<String> reasons = new ArrayList<>(recipient.getReasons());
        String legalBasis = null;
        if (!reasons.isEmpty() && isLegalBasis(reasons.get(reasons.size() - 1))) {
            legalBasis = reasons.remove(reasons.size() - 1);
        }
        return recipient(
                recipient.getDeskId(),
                recipient.getCountry(),
                reasons,
                legalBasis,
                recipient.getAckDueAt(),
                recipient.getResponseDueAt());
    }

    private static RecipientDocument recipient(
            String deskId,
            String country,
            List<String> reasons,
            String legalBasis,
            Instant ackDueAt,
            Instant responseDueAt) {
        return new RecipientDocument(
                deskId,
                country,
                List.copyOf(reasons),
                legalBasis,
                explain(deskId, reasons, legalBasis),
                ackDueAt,
                responseDueAt);
    }

    private static WithheldDocument withheld(WithheldCandidate candidate) {
        return new WithheldDocument(
                candidate.getDeskId(),
                candidate.getCountry(),
                candidate.getReason().name(),
                candidate.getDetail());
    }

    private static boolean isLegalBasis(String reason) {
        return reason.startsWith(ReasonCodes.AGREEMENT_PREFIX) || reason.equals(ReasonCodes.DOMESTIC);
    }

    static String explain(String deskId, List<String> reasons, String legalBasis) {
        List<String> parts = reasons.stream().map(DecisionDocument::phrase).toList();
        String basis = legalBasis == null
                ? "no recorded legal basis"
                : legalBasis.equals(ReasonCodes.DOMESTIC)
                        ? "a desk of the issuer's own country (national law)"
                        : "agreement " + legalBasis.substring(ReasonCodes.AGREEMENT_PREFIX.length());
        return deskId + " receives it because " + String.join("; ", parts) + ". Legal basis: " + basis + ".";
    }

    private static String phrase(String reason) {
        return switch (reason) {
            case "REQUESTED" -> "the issuer requested this desk";
            case "NATIONALITY" -> "a subject is a national of its country";
            case "LAST_KNOWN_LOCATION" -> "the subject was last seen in its country";
            case "ROUTE_ORIGIN" -> "the drug route starts in its country";
            case "ROUTE_TRANSIT" -> "the drug route passes through its country";
            case "ROUTE_DESTINATION" -> "the drug route ends in its country";
            case "THREAT_COUNTRY" -> "the threat concerns its country";
            case "BROADCAST" -> "the issuer broadcast it to every desk handling this type";
            case "NATIONAL_CENTRAL_DESK" ->
                "no desk of its country handles this type, so the national central desk does";
            default -> reason.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
