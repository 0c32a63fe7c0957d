package org.crossdesk.dashboard.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.dashboard.views.Replay.apply;
import static org.crossdesk.events.common.Priority.IMMEDIATE;
import static org.crossdesk.events.common.Priority.ROUTINE;
import static org.crossdesk.events.common.Priority.URGENT;
import static org.crossdesk.events.common.ReferralType.COUNTER_TERRORISM;
import static org.crossdesk.events.common.ReferralType.DRUG_TRAFFICKING;
import static org.crossdesk.events.common.ReferralType.FUGITIVE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crossdesk.events.examples.ReferralStory;
import org.junit.jupiter.api.Test;

class ReferralVolumesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");

    @Test
    void countsSubmittedReferralsByTypePriorityAndIssuingCountry() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        Instant t = NOW.minusSeconds(600);

        apply(
                picture,
                ReferralStory.of("CD-1", "FR-BNRF", FUGITIVE, URGENT, t).submitted(),
                ReferralStory.of("CD-2", "FR-OCRTIS", DRUG_TRAFFICKING, ROUTINE, t)
                        .submitted(),
                ReferralStory.of("CD-3", "TH-RTP", DRUG_TRAFFICKING, IMMEDIATE, t)
                        .submitted(),
                ReferralStory.of("CD-4", "DE-BKA", COUNTER_TERRORISM, IMMEDIATE, t)
                        .submitted(),
                ReferralStory.of("CD-5", "FR-BNRF", FUGITIVE, ROUTINE, t).submitted());

        VolumesView view = picture.volumes(48, 30);
        assertThat(view.submitted()).isEqualTo(5);
        assertThat(view.byType())
                .containsExactly(
                        Map.entry("FUGITIVE", 2L), Map.entry("DRUG_TRAFFICKING", 2L),
                        Map.entry("COUNTER_TERRORISM", 1L), Map.entry("UNKNOWN", 0L));
        assertThat(view.byPriority())
                .containsEntry("ROUTINE", 2L)
                .containsEntry("URGENT", 1L)
                .containsEntry("IMMEDIATE", 2L);
        // Largest first, ties by country code.
        assertThat(view.byIssuingCountry())
                .containsExactly(Map.entry("FR", 3L), Map.entry("DE", 1L), Map.entry("TH", 1L));
    }

    @Test
    void countsEachLifecycleStep() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory a = ReferralStory.of("CD-10", "FR-BNRF", FUGITIVE, URGENT, NOW.minusSeconds(60));
        ReferralStory b = ReferralStory.of("CD-11", "ES-CNP", FUGITIVE, URGENT, NOW.minusSeconds(50));
        ReferralStory c = ReferralStory.of("CD-12", "ES-CNP", FUGITIVE, URGENT, NOW.minusSeconds(40));

        apply(
                picture,
                a.submitted(),
                a.routed(NOW, List.of("DE-BKA"), List.of()),
                a.closed(NOW),
                b.submitted(),
                b.routed(NOW, List.of("DE-BKA"), List.of()),
                b.withdrawn(NOW),
                c.rejected(NOW));

        VolumesView view = picture.volumes(48, 30);
        assertThat(view.submitted()).isEqualTo(2);
        assertThat(view.routed()).isEqualTo(2);
        assertThat(view.closed()).isEqualTo(1);
        assertThat(view.withdrawn()).isEqualTo(1);
        assertThat(view.rejected()).isEqualTo(1);
        assertThat(view.amended()).isZero();
    }

    @Test
    void placesSubmissionsInTheirUtcHourAndDayEndingNow() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        apply(
                picture,
                // 15:xx today: the current hour.
                ReferralStory.of("CD-1", "FR-BNRF", FUGITIVE, URGENT, Instant.parse("2026-11-20T15:00:00Z"))
                        .submitted(),
                ReferralStory.of("CD-2", "FR-BNRF", FUGITIVE, URGENT, Instant.parse("2026-11-20T15:29:59Z"))
                        .submitted(),
                // 13:59:59 is the 13:00 hour, two before the current one.
                ReferralStory.of("CD-3", "FR-BNRF", FUGITIVE, URGENT, Instant.parse("2026-11-20T13:59:59Z"))
                        .submitted(),
                // Yesterday, late: outside today, inside the 48 hours.
                ReferralStory.of("CD-4", "FR-BNRF", FUGITIVE, URGENT, Instant.parse("2026-11-19T23:10:00Z"))
                        .submitted(),
                // Five days ago: only in the daily series.
                ReferralStory.of("CD-5", "FR-BNRF", FUGITIVE, URGENT, NOW.minus(Duration.ofDays(5)))
                        .submitted(),
                // Older than the 30 days shown.
                ReferralStory.of("CD-6", "FR-BNRF", FUGITIVE, URGENT, NOW.minus(Duration.ofDays(40)))
                        .submitted());

        VolumesView view = picture.volumes(48, 30);

        assertThat(view.lastHours()).hasSize(48);
        assertThat(view.lastHours().get(47).start()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
        assertThat(view.lastHours().get(0).start()).isEqualTo(Instant.parse("2026-11-18T16:00:00Z"));
        assertThat(view.lastHours().get(47).count()).isEqualTo(2);
        assertThat(view.lastHours().get(46).count()).isZero();
        assertThat(view.lastHours().get(45).count()).isEqualTo(1);
        assertThat(view.lastHours().get(31))
                .isEqualTo(new VolumesView.Bucket(Instant.parse("2026-11-19T23:00:00Z"), 1));
        assertThat(view.lastHours().stream()
                        .mapToLong(VolumesView.Bucket::count)
                        .sum())
                .isEqualTo(4);

        assertThat(view.lastDays()).hasSize(30);
        assertThat(view.lastDays().get(29)).isEqualTo(new VolumesView.Bucket(Instant.parse("2026-11-20T00:00:00Z"), 3));
        assertThat(view.lastDays().get(28)).isEqualTo(new VolumesView.Bucket(Instant.parse("2026-11-19T00:00:00Z"), 1));
        assertThat(view.lastDays().get(24)).isEqualTo(new VolumesView.Bucket(Instant.parse("2026-11-15T00:00:00Z"), 1));
        assertThat(view.lastDays().stream().mapToLong(VolumesView.Bucket::count).sum())
                .isEqualTo(5);
        assertThat(view.submitted()).isEqualTo(6);
    }

    @Test
    void aProducerClockAheadOfOursExtendsTheSeriesToItsEvent() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        apply(
                picture,
                ReferralStory.of("CD-1", "FR-BNRF", FUGITIVE, URGENT, NOW.plus(Duration.ofHours(2)))
                        .submitted());

        VolumesView view = picture.volumes(3, 1);

        assertThat(view.lastHours()).extracting(VolumesView.Bucket::count).containsExactly(0L, 0L, 1L);
        assertThat(view.lastHours().get(2).start()).isEqualTo(Instant.parse("2026-11-20T17:00:00Z"));
    }
}
