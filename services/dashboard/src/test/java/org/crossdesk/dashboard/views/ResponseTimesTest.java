package org.crossdesk.dashboard.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.crossdesk.dashboard.views.Replay.apply;
import static org.crossdesk.events.common.ReferralType.FUGITIVE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.examples.ReferralStory;
import org.junit.jupiter.api.Test;

class ResponseTimesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");

    @Test
    void timesDeliveryAndAcknowledgementFromRoutingPerPriority() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        Instant t0 = NOW.minus(Duration.ofDays(1));
        // 100 immediate referrals: delivered after 1..100 s, acknowledged after 1..100 min.
        for (int i = 1; i <= 100; i++) {
            ReferralStory story = ReferralStory.of("CD-I" + i, "FR-BNRF", FUGITIVE, Priority.IMMEDIATE, t0);
            Instant routedAt = t0.plusSeconds(i * 7L);
            apply(
                    picture,
                    story.routed(routedAt, List.of("DE-BKA"), List.of()),
                    story.delivered("DE-BKA", routedAt.plusSeconds(i)),
                    story.acknowledged("DE-BKA", routedAt.plus(Duration.ofMinutes(i))));
        }
        // One routine referral, delivered after 2 s, never acknowledged.
        ReferralStory routine = ReferralStory.of("CD-R1", "FR-BNRF", FUGITIVE, Priority.ROUTINE, t0);
        apply(
                picture,
                routine.routed(t0, List.of("DE-BKA"), List.of()),
                routine.delivered("DE-BKA", t0.plusSeconds(2)));

        ResponseTimesView view = picture.responseTimes();

        assertThat(view.priorities())
                .extracting(ResponseTimesView.PriorityTimes::priority)
                .containsExactly("IMMEDIATE", "URGENT", "ROUTINE");
        ResponseTimesView.Distribution deliver = view.priorities().get(0).toDeliver();
        assertThat(deliver.count()).isEqualTo(100);
        // HdrHistogram keeps 3 significant digits: compare within 0.1 %.
        assertThat((double) deliver.p50Ms()).isCloseTo(50_000, within(50.0));
        assertThat((double) deliver.p90Ms()).isCloseTo(90_000, within(90.0));
        assertThat((double) deliver.p99Ms()).isCloseTo(99_000, within(99.0));
        assertThat((double) deliver.maxMs()).isCloseTo(100_000, within(100.0));
        assertThat(deliver.meanMs()).isCloseTo(50_500, within(51.0));
        ResponseTimesView.Distribution acknowledge = view.priorities().get(0).toAcknowledge();
        assertThat(acknowledge.count()).isEqualTo(100);
        assertThat((double) acknowledge.p90Ms()).isCloseTo(90 * 60_000, within(5_400.0));

        assertThat(view.priorities().get(1).toDeliver())
                .isEqualTo(new ResponseTimesView.Distribution(0, 0, 0, 0, 0, 0));
        assertThat(view.priorities().get(2).toDeliver().count()).isEqualTo(1);
        assertThat(view.priorities().get(2).toDeliver().p50Ms()).isEqualTo(2000);
        assertThat(view.priorities().get(2).toAcknowledge().count()).isZero();
    }

    @Test
    void aSecondDeliveryOfTheSameAlertIsNotASecondSample() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory story = ReferralStory.of("CD-1", "FR-BNRF", FUGITIVE, Priority.URGENT, NOW.minusSeconds(3600));
        Instant routedAt = story.submittedAt();

        apply(
                picture,
                story.routed(routedAt, List.of("DE-BKA"), List.of()),
                story.delivered("DE-BKA", routedAt.plusSeconds(3)),
                // The same alert again through the live stream, later.
                story.delivered("DE-BKA", routedAt.plusSeconds(40)));

        ResponseTimesView.Distribution deliver =
                OpenAlertsTest.urgent(picture.responseTimes()).toDeliver();
        assertThat(deliver.count()).isEqualTo(1);
        assertThat(deliver.maxMs()).isEqualTo(3000);
    }

    @Test
    void aResponseStampedBeforeItsRoutingCountsAsImmediate() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory story = ReferralStory.of("CD-1", "FR-BNRF", FUGITIVE, Priority.URGENT, NOW.minusSeconds(3600));
        Instant routedAt = story.submittedAt();

        apply(
                picture,
                story.routed(routedAt, List.of("DE-BKA"), List.of()),
                story.delivered("DE-BKA", routedAt.minusMillis(40)));

        ResponseTimesView.Distribution deliver =
                OpenAlertsTest.urgent(picture.responseTimes()).toDeliver();
        assertThat(deliver.count()).isEqualTo(1);
        assertThat(deliver.maxMs()).isZero();
    }
}
