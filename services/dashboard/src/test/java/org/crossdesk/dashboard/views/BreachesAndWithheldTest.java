package org.crossdesk.dashboard.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.dashboard.views.Replay.apply;
import static org.crossdesk.events.common.ReferralType.DRUG_TRAFFICKING;
import static org.crossdesk.events.deadline.DeadlineKind.ACKNOWLEDGEMENT;
import static org.crossdesk.events.deadline.DeadlineKind.RESPONSE;

import java.time.Instant;
import java.util.List;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.examples.ReferralStory;
import org.crossdesk.events.referral.WithholdReason;
import org.junit.jupiter.api.Test;

class BreachesAndWithheldTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");

    @Test
    void countsBreachesPerRecipientDeskByKindWithEscalations() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory urgent = ReferralStory.of("CD-1", "TH-RTP", DRUG_TRAFFICKING, Priority.URGENT, NOW);
        ReferralStory immediate = ReferralStory.of("CD-2", "TH-RTP", DRUG_TRAFFICKING, Priority.IMMEDIATE, NOW);
        DeadlineBreached notEscalated = DeadlineBreached.newBuilder(immediate.breached("LA-MPS", RESPONSE, NOW))
                .setEscalatedTo(null)
                .build();

        apply(
                picture,
                urgent.breached("LA-MPS", ACKNOWLEDGEMENT, NOW),
                urgent.breached("LA-MPS", RESPONSE, NOW),
                urgent.breached("CN-MPS", ACKNOWLEDGEMENT, NOW),
                immediate.breached("LA-MPS", ACKNOWLEDGEMENT, NOW),
                notEscalated);

        BreachesView view = picture.breaches();
        assertThat(view.total()).isEqualTo(5);
        assertThat(view.byPriority())
                .containsEntry("URGENT", 3L)
                .containsEntry("IMMEDIATE", 2L)
                .containsEntry("ROUTINE", 0L);
        assertThat(view.desks())
                .containsExactly(
                        new BreachesView.DeskBreaches("LA-MPS", "LA", 2, 2, 4, 3),
                        new BreachesView.DeskBreaches("CN-MPS", "CN", 1, 0, 1, 1));
    }

    @Test
    void countsCandidatesWithheldForWantOfAnAgreementByCountryPair() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory thai1 = ReferralStory.of("CD-1", "TH-RTP", DRUG_TRAFFICKING, Priority.URGENT, NOW);
        ReferralStory thai2 = ReferralStory.of("CD-2", "TH-ONCB", DRUG_TRAFFICKING, Priority.URGENT, NOW);
        ReferralStory french = ReferralStory.of("CD-3", "FR-OCRTIS", DRUG_TRAFFICKING, Priority.URGENT, NOW);

        apply(
                picture,
                thai1.routed(NOW, List.of("LA-MPS"), List.of("CN", "MM")),
                thai2.routed(NOW, List.of("LA-MPS"), List.of("CN")),
                french.routedWithheld(
                        NOW,
                        List.of("ES-CNP"),
                        List.of(
                                ReferralStory.withheld("CN", WithholdReason.NO_AGREEMENT),
                                ReferralStory.withheld("PT", WithholdReason.EXCLUDED_BY_ISSUER),
                                ReferralStory.withheld("FR", WithholdReason.ISSUER_COUNTRY))));

        WithheldView view = picture.withheld();
        assertThat(view.noAgreement()).isEqualTo(4);
        assertThat(view.noAgreementPairs())
                .containsExactly(
                        new WithheldView.CountryPair("TH", "CN", 2),
                        new WithheldView.CountryPair("FR", "CN", 1),
                        new WithheldView.CountryPair("TH", "MM", 1));
        assertThat(view.byReason())
                .containsEntry("NO_AGREEMENT", 4L)
                .containsEntry("EXCLUDED_BY_ISSUER", 1L)
                .containsEntry("ISSUER_COUNTRY", 1L)
                .containsEntry("INACTIVE_DESK", 0L)
                .hasSize(WithholdReason.values().length);
    }
}
