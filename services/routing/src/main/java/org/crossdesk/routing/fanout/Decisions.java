package org.crossdesk.routing.fanout;

import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.referral.WithheldCandidate;
import org.crossdesk.routing.policy.RoutingDecision;

/** The policy's decision as the {@code ReferralRouted} event every service reads. */
public final class Decisions {

    private Decisions() {}

    public static ReferralRouted toReferralRouted(String referralId, RoutingDecision decision) {
        return ReferralRouted.newBuilder()
                .setReferralId(referralId)
                .setIssuingDesk(decision.issuingDesk())
                .setType(decision.type())
                .setPriority(decision.priority())
                .setRecipients(decision.recipients().stream()
                        .map(recipient -> RoutedRecipient.newBuilder()
                                .setDeskId(recipient.deskId())
                                .setCountry(recipient.country())
                                .setReasons(recipient.reasonsWithLegalBasis())
                                .setAckDueAt(recipient.ackDueAt())
                                .setResponseDueAt(recipient.responseDueAt())
                                .build())
                        .toList())
                .setWithheld(decision.withheld().stream()
                        .map(withheld -> WithheldCandidate.newBuilder()
                                .setDeskId(withheld.deskId().orElse(null))
                                .setCountry(withheld.country())
                                .setReason(withheld.reason())
                                .setDetail(withheld.detail())
                                .build())
                        .toList())
                .build();
    }
}
