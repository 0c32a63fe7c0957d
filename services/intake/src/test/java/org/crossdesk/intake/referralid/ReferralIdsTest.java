package org.crossdesk.intake.referralid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.Topics;
import org.junit.jupiter.api.Test;

class ReferralIdsTest {

    private static final Instant MARCH_2026 = Instant.parse("2026-03-02T08:15:00Z");

    @Test
    void theIdIsReadableFromTheOutboxPosition() {
        OutboxPosition position = new OutboxPosition(Topics.deskOutboxName("FR-OCRTIS"), 1, 123, MARCH_2026);

        assertThat(ReferralIds.of(position)).isEqualTo("CD-2026-FR-OCRTIS-1-000123");
    }

    @Test
    void theSamePositionAlwaysGivesTheSameIdAndEventIds() {
        OutboxPosition first = new OutboxPosition(Topics.deskOutboxName("DE-BKA"), 2, 7, MARCH_2026);
        OutboxPosition again = new OutboxPosition(Topics.deskOutboxName("DE-BKA"), 2, 7, MARCH_2026);

        assertThat(ReferralIds.of(again)).isEqualTo(ReferralIds.of(first));
        assertThat(again.eventId("event")).isEqualTo(first.eventId("event")).isNotEqualTo(first.eventId("receipt"));
    }

    @Test
    void differentPositionsGiveDifferentIds() {
        Set<String> ids = new HashSet<>();
        for (String desk : new String[] {"DE-BKA", "DE-BKA2", "FR-OCRTIS"}) {
            for (int partition = 0; partition < 3; partition++) {
                for (long offset : new long[] {0, 1, 10, 999_999, 1_000_000, 12_345_678_901L}) {
                    ids.add(ReferralIds.of(
                            new OutboxPosition(Topics.deskOutboxName(desk), partition, offset, MARCH_2026)));
                }
            }
        }
        assertThat(ids).hasSize(3 * 3 * 6);
    }

    @Test
    void theYearIsTheRecordsYearInUtc() {
        OutboxPosition newYearsEve =
                new OutboxPosition(Topics.deskOutboxName("TH-RTP"), 0, 5, Instant.parse("2026-12-31T23:59:59Z"));

        assertThat(ReferralIds.of(newYearsEve)).startsWith("CD-2026-TH-RTP-");
    }

    @Test
    void anIdParsesBackIntoItsPositionAndCanNameAnAlert() {
        String id = ReferralIds.of(new OutboxPosition(Topics.deskOutboxName("LA-MPS"), 2, 4_567_890, MARCH_2026));

        assertThat(ReferralIds.parse(id)).hasValue(new ReferralIds.Parts(2026, "LA-MPS", 2, 4_567_890));
        assertThat(ReferralIds.isWellFormed(id)).isTrue();
        assertThat(AlertIds.referralIdOf(AlertIds.of(id, "DE-BKA"))).isEqualTo(id);
    }

    @Test
    void otherTextsAreNotReferralIds() {
        assertThat(ReferralIds.isWellFormed("CD-2026-000123")).isFalse();
        assertThat(ReferralIds.isWellFormed("CD-2026-ZZ-NOPE-1-000001")).isFalse();
        assertThat(ReferralIds.isWellFormed(null)).isFalse();
        assertThat(ReferralIds.parse("CD-2026-DE-BKA-1-99999999999999999999")).isEmpty();
    }

    @Test
    void onlyDeskOutboxesHavePositions() {
        assertThatThrownBy(() -> new OutboxPosition(Topics.deskInboxName("DE-BKA"), 0, 0, MARCH_2026))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxPosition(Topics.deskOutboxName("DE-BKA") + "-dlt", 0, 0, MARCH_2026))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
