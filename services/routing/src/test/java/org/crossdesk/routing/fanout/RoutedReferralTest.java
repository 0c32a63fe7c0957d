package org.crossdesk.routing.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.referral.WithheldCandidate;
import org.crossdesk.events.referral.WithholdReason;
import org.junit.jupiter.api.Test;

/** The ledger keeps each decision as bytes: what it hands back must be the decision it was given. */
class RoutedReferralTest {

    private static final Instant ACK_DUE = Instant.parse("2026-11-26T12:00:00Z");

    private final ReferralRouted decision = ReferralRouted.newBuilder()
            .setReferralId("CD-2026-000042")
            .setIssuingDesk("FR-BNRF")
            .setType(ReferralType.FUGITIVE)
            .setPriority(Priority.URGENT)
            .setRecipients(List.of(recipient("DE-BKA", "DE"), recipient("ES-CNP", "ES")))
            .setWithheld(List.of(WithheldCandidate.newBuilder()
                    .setDeskId("XX-NCB")
                    .setCountry("XX")
                    .setReason(WithholdReason.NO_AGREEMENT)
                    .setDetail("no agreement covers FUGITIVE")
                    .build()))
            .build();

    @Test
    void theDecisionComesBackEqualToTheOneRouted() {
        RoutedReferral referral = RoutedReferral.submitted("CD-2026-000042", "FR-BNRF", "FR/2026/7")
                .withRouted(decision);

        assertThat(referral.isRouted()).isTrue();
        assertThat(referral.routed()).isEqualTo(decision);
        assertThat(referral.recipients()).extracting(RoutedRecipient::getDeskId).containsExactly("DE-BKA", "ES-CNP");
        assertThat(referral.recipient("ES-CNP"))
                .get()
                .extracting(RoutedRecipient::getAckDueAt)
                .isEqualTo(ACK_DUE);
        assertThat(referral.recipient("IT-SCO")).isEmpty();
    }

    @Test
    void laterVersionsAndWithdrawalKeepTheDecisionAndTheIssuer() {
        RoutedReferral referral = RoutedReferral.submitted("CD-2026-000042", "FR-BNRF", "FR/2026/7")
                .withRouted(decision)
                .withVersion(3)
                .withVersion(2)
                .asWithdrawn();

        assertThat(referral.routed()).isEqualTo(decision);
        assertThat(referral.version()).isEqualTo(3);
        assertThat(referral.withdrawn()).isTrue();
        assertThat(referral.issuingDesk()).isEqualTo("FR-BNRF");
        assertThat(referral.deskReference()).isEqualTo("FR/2026/7");
    }

    @Test
    void aSubmissionNotYetRoutedHasNoDecisionAndNoRecipients() {
        RoutedReferral referral = RoutedReferral.submitted("CD-2026-000043", "FR-BNRF", "FR/2026/8");

        assertThat(referral.isRouted()).isFalse();
        assertThat(referral.routed()).isNull();
        assertThat(referral.recipients()).isEmpty();
    }

    @Test
    void eachCallDecodesAFreshCopySoACallerCannotChangeTheLedger() {
        RoutedReferral referral = RoutedReferral.submitted("CD-2026-000042", "FR-BNRF", "FR/2026/7")
                .withRouted(decision);

        referral.routed().getRecipients().clear();

        assertThat(referral.recipients()).hasSize(2);
    }

    private static RoutedRecipient recipient(String deskId, String country) {
        return RoutedRecipient.newBuilder()
                .setDeskId(deskId)
                .setCountry(country)
                .setReasons(List.of("NATIONALITY:" + country, "LEGAL_BASIS:INTERPOL_CONSTITUTION"))
                .setAckDueAt(ACK_DUE)
                .setResponseDueAt(ACK_DUE.plusSeconds(86_400))
                .build();
    }
}
