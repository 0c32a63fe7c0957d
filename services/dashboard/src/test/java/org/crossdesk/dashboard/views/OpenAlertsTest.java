package org.crossdesk.dashboard.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.dashboard.views.Replay.apply;
import static org.crossdesk.events.common.Priority.URGENT;
import static org.crossdesk.events.common.ReferralType.FUGITIVE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crossdesk.events.examples.ReferralStory;
import org.junit.jupiter.api.Test;

class OpenAlertsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");

    private static ReferralStory story(String id, Instant submittedAt) {
        return ReferralStory.of(id, "FR-BNRF", FUGITIVE, URGENT, submittedAt);
    }

    @Test
    void aRoutedAlertIsOpenAndUnacknowledgedAtEachRecipientWithItsAge() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        Instant routedAt = NOW.minus(Duration.ofMinutes(90));
        ReferralStory story = story("CD-1", routedAt.minusSeconds(5));

        apply(picture, story.submitted(), story.routed(routedAt, List.of("DE-BKA", "ES-CNP"), List.of()));

        OpenAlertsView view = picture.openAlerts();
        assertThat(view.open()).isEqualTo(2);
        assertThat(view.unacknowledged()).isEqualTo(2);
        assertThat(view.desks()).extracting(OpenAlertsView.DeskAlerts::deskId).containsExactly("DE-BKA", "ES-CNP");
        assertThat(view.desks().get(0))
                .isEqualTo(new OpenAlertsView.DeskAlerts("DE-BKA", "DE", 1, 1, routedAt, 90 * 60, 90 * 60, 0));
    }

    @Test
    void acknowledgementEndsTheUnacknowledgedWaitAndActionEndsTheOpenOne() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        Instant routedAt = NOW.minus(Duration.ofHours(3));
        ReferralStory story = story("CD-1", routedAt);

        apply(
                picture,
                story.submitted(),
                story.routed(routedAt, List.of("DE-BKA", "ES-CNP", "IT-SCIP"), List.of()),
                story.delivered("DE-BKA", routedAt.plusSeconds(2)),
                story.acknowledged("DE-BKA", routedAt.plusSeconds(600)),
                story.acknowledged("ES-CNP", routedAt.plusSeconds(900)),
                story.actioned("ES-CNP", routedAt.plusSeconds(3600)));

        OpenAlertsView view = picture.openAlerts();
        assertThat(view.open()).isEqualTo(2);
        assertThat(view.unacknowledged()).isEqualTo(1);
        assertThat(view.desks()).extracting(OpenAlertsView.DeskAlerts::deskId).containsExactly("DE-BKA", "IT-SCIP");
        OpenAlertsView.DeskAlerts germany = view.desks().get(0);
        assertThat(germany.open()).isEqualTo(1);
        assertThat(germany.unacknowledged()).isZero();
        assertThat(germany.oldestOpenAgeSeconds()).isEqualTo(3 * 3600);
        assertThat(germany.oldestUnacknowledgedAgeSeconds()).isZero();
    }

    @Test
    void theOldestOpenAlertOfADeskSetsItsAgeAndTheLongestWaitComesFirst() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory older = story("CD-1", NOW.minus(Duration.ofHours(5)));
        ReferralStory newer = story("CD-2", NOW.minus(Duration.ofHours(1)));
        ReferralStory elsewhere = story("CD-3", NOW.minus(Duration.ofHours(2)));

        apply(
                picture,
                newer.routed(newer.submittedAt(), List.of("DE-BKA"), List.of()),
                older.routed(older.submittedAt(), List.of("DE-BKA"), List.of()),
                elsewhere.routed(elsewhere.submittedAt(), List.of("NL-KLPD"), List.of()),
                older.acknowledged("DE-BKA", NOW.minus(Duration.ofHours(4))));

        OpenAlertsView view = picture.openAlerts();
        assertThat(view.desks()).extracting(OpenAlertsView.DeskAlerts::deskId).containsExactly("DE-BKA", "NL-KLPD");
        OpenAlertsView.DeskAlerts germany = view.desks().get(0);
        assertThat(germany.open()).isEqualTo(2);
        assertThat(germany.unacknowledged()).isEqualTo(1);
        assertThat(germany.oldestOpenSince()).isEqualTo(older.submittedAt());
        assertThat(germany.oldestOpenAgeSeconds()).isEqualTo(5 * 3600);
        // The older alert was acknowledged: the oldest still unacknowledged is the newer one.
        assertThat(germany.oldestUnacknowledgedAgeSeconds()).isEqualTo(3600);
    }

    @Test
    void withdrawalAndClosureCloseEveryAlertOfTheReferral() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory withdrawn = story("CD-1", NOW.minus(Duration.ofHours(1)));
        ReferralStory closed = story("CD-2", NOW.minus(Duration.ofHours(1)));
        ReferralStory open = story("CD-3", NOW.minus(Duration.ofHours(1)));

        apply(
                picture,
                withdrawn.routed(withdrawn.submittedAt(), List.of("DE-BKA", "ES-CNP"), List.of()),
                closed.routed(closed.submittedAt(), List.of("DE-BKA"), List.of()),
                open.routed(open.submittedAt(), List.of("ES-CNP"), List.of()),
                withdrawn.withdrawn(NOW.minusSeconds(60)),
                closed.closed(NOW.minusSeconds(30)));

        OpenAlertsView view = picture.openAlerts();
        assertThat(view.open()).isEqualTo(1);
        assertThat(view.desks())
                .singleElement()
                .extracting(OpenAlertsView.DeskAlerts::deskId)
                .isEqualTo("ES-CNP");
    }

    @Test
    void responsesReadBeforeTheirRoutingAreAppliedWhenTheRoutingArrives() {
        // Lifecycle and responses are different topics: a replay may read an alert's whole life before its routing.
        OperationalPicture picture = Replay.pictureAt(NOW);
        Instant routedAt = NOW.minus(Duration.ofHours(2));
        ReferralStory story = story("CD-1", routedAt);

        apply(
                picture,
                story.delivered("DE-BKA", routedAt.plusSeconds(4)),
                story.acknowledged("DE-BKA", routedAt.plusSeconds(300)),
                story.actioned("DE-BKA", routedAt.plusSeconds(3000)),
                story.acknowledged("ES-CNP", routedAt.plusSeconds(120)));

        assertThat(picture.openAlerts().open())
                .as("nothing is open before it is routed")
                .isZero();

        apply(picture, story.routed(routedAt, List.of("DE-BKA", "ES-CNP"), List.of()));

        OpenAlertsView view = picture.openAlerts();
        assertThat(view.open()).isEqualTo(1);
        assertThat(view.unacknowledged()).isZero();
        assertThat(view.desks())
                .singleElement()
                .extracting(OpenAlertsView.DeskAlerts::deskId)
                .isEqualTo("ES-CNP");
        ResponseTimesView.PriorityTimes urgent = urgent(picture.responseTimes());
        assertThat(urgent.toDeliver().count()).isEqualTo(1);
        assertThat(urgent.toDeliver().maxMs()).isEqualTo(4000);
        assertThat(urgent.toAcknowledge().count()).isEqualTo(2);
    }

    @Test
    void deliveryFailuresAreCountedPerDeskEvenWithoutOpenAlerts() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory story = story("CD-1", NOW.minus(Duration.ofHours(1)));

        apply(
                picture,
                story.routed(story.submittedAt(), List.of("DE-BKA"), List.of()),
                story.deliveryFailed("DE-BKA", NOW.minusSeconds(600)),
                story.deliveryFailed("DE-BKA", NOW.minusSeconds(300)),
                story.actioned("DE-BKA", NOW.minusSeconds(10)));

        OpenAlertsView view = picture.openAlerts();
        assertThat(view.open()).isZero();
        assertThat(view.desks())
                .singleElement()
                .isEqualTo(new OpenAlertsView.DeskAlerts("DE-BKA", "DE", 0, 0, null, 0, 0, 2));
    }

    @Test
    void aReferralWhoseRecipientsAllActionedIsForgotten() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory done = story("CD-1", NOW.minus(Duration.ofHours(1)));
        ReferralStory pending = story("CD-2", NOW.minus(Duration.ofHours(1)));

        apply(
                picture,
                done.routed(done.submittedAt(), List.of("DE-BKA", "ES-CNP"), List.of()),
                pending.routed(pending.submittedAt(), List.of("DE-BKA", "ES-CNP"), List.of()),
                done.actioned("DE-BKA", NOW),
                pending.actioned("DE-BKA", NOW));
        assertThat(picture.trackedReferrals()).isEqualTo(2);

        apply(picture, done.actioned("ES-CNP", NOW));

        assertThat(picture.trackedReferrals()).isEqualTo(1);
        assertThat(picture.openAlerts().open()).isEqualTo(1);
    }

    @Test
    void aSweepForgetsEndedReferralsAndOrphanResponsesOlderThanTheGraceOnly() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory oldEnded = story("CD-1", NOW.minus(Duration.ofDays(10)));
        ReferralStory recentEnded = story("CD-2", NOW.minus(Duration.ofDays(1)));
        ReferralStory oldOpen = story("CD-3", NOW.minus(Duration.ofDays(10)));
        ReferralStory orphan = story("CD-4", NOW.minus(Duration.ofDays(10)));

        apply(
                picture,
                oldEnded.routed(oldEnded.submittedAt(), List.of("DE-BKA"), List.of()),
                oldEnded.closed(oldEnded.submittedAt()),
                recentEnded.routed(recentEnded.submittedAt(), List.of("DE-BKA"), List.of()),
                recentEnded.closed(recentEnded.submittedAt()),
                oldOpen.routed(oldOpen.submittedAt(), List.of("DE-BKA"), List.of()),
                orphan.delivered("ES-CNP", orphan.submittedAt()),
                story("CD-5", NOW).submitted(),
                story("CD-5", NOW).delivered("ES-CNP", NOW));

        int forgotten = picture.sweep(Duration.ofDays(7));

        assertThat(forgotten).isEqualTo(2);
        // What is left: the recent ended referral, the old but still open one, and CD-5's fresh delivery.
        assertThat(picture.trackedReferrals()).isEqualTo(3);
        assertThat(picture.openAlerts().open()).isEqualTo(1);
    }

    static ResponseTimesView.PriorityTimes urgent(ResponseTimesView view) {
        return view.priorities().stream()
                .filter(p -> p.priority().equals("URGENT"))
                .findFirst()
                .orElseThrow();
    }
}
