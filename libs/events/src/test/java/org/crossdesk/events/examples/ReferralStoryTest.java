package org.crossdesk.events.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.WithholdReason;
import org.crossdesk.events.response.AlertDelivered;
import org.crossdesk.events.response.ResponseEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The story builder makes valid, fully populated and mutually consistent events. */
class ReferralStoryTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final ReferralStory STORY =
            ReferralStory.of("CD-2026-000777", "TH-RTP", ReferralType.DRUG_TRAFFICKING, Priority.IMMEDIATE, T0);

    static Stream<SpecificRecord> everyEvent() {
        return Stream.of(
                STORY.submitted(),
                STORY.rejected(T0),
                STORY.routed(T0, List.of("LA-MPS"), List.of("CN")),
                STORY.withdrawn(T0),
                STORY.closed(T0),
                STORY.delivered("LA-MPS", T0),
                STORY.deliveryFailed("LA-MPS", T0),
                STORY.acknowledged("LA-MPS", T0),
                STORY.actioned("LA-MPS", T0),
                STORY.breached("LA-MPS", DeadlineKind.ACKNOWLEDGEMENT, T0));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyEvent")
    void isFullyPopulatedAndRoundTrips(SpecificRecord event) {
        assertThat(FullyPopulated.gapsIn(event)).isEmpty();
        assertThat(AvroBinary.roundTrip(event)).isEqualTo(event);
    }

    @Test
    void everyEventNamesTheSameReferralAndTheChosenTypeAndPriority() {
        ReferralSubmitted submitted = (ReferralSubmitted) STORY.submitted().getEvent();
        ReferralEvent routedEvent = STORY.routed(T0.plusSeconds(2), List.of("LA-MPS", "CN-MPS"), List.of("MM"));
        ReferralRouted routed = (ReferralRouted) routedEvent.getEvent();
        AlertDelivered delivered =
                (AlertDelivered) STORY.delivered("CN-MPS", T0.plusSeconds(5)).getEvent();

        assertThat(submitted.getSubmission().getType()).isEqualTo(ReferralType.DRUG_TRAFFICKING);
        assertThat(submitted.getSubmission().getPriority()).isEqualTo(Priority.IMMEDIATE);
        assertThat(submitted.getSubmission().getIssuingDesk()).isEqualTo("TH-RTP");
        assertThat(routed.getRecipients())
                .extracting(r -> r.getDeskId() + "@" + r.getCountry())
                .containsExactly("LA-MPS@LA", "CN-MPS@CN");
        assertThat(routed.getRecipients().get(0).getAckDueAt())
                .isEqualTo(T0.plusSeconds(2).plusSeconds(3600));
        assertThat(routed.getWithheld())
                .singleElement()
                .satisfies(w -> assertThat(w.getReason()).isEqualTo(WithholdReason.NO_AGREEMENT))
                .satisfies(w -> assertThat(w.getCountry()).isEqualTo("MM"));
        assertThat(routedEvent.getMetadata().getOccurredAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(delivered.getAlertId()).isEqualTo("CD-2026-000777/CN-MPS");
        assertThat(delivered.getDeliveredAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void eventIdsAreStablePerStepAndDistinctAcrossSteps() {
        ResponseEvent first = STORY.acknowledged("LA-MPS", T0);
        ResponseEvent again = STORY.acknowledged("LA-MPS", T0.plusSeconds(9));
        ResponseEvent other = STORY.acknowledged("CN-MPS", T0);

        assertThat(again.getMetadata().getEventId())
                .isEqualTo(first.getMetadata().getEventId());
        assertThat(other.getMetadata().getEventId())
                .isNotEqualTo(first.getMetadata().getEventId());
        assertThat(first.getMetadata().getCorrelationId()).isEqualTo("CD-2026-000777");
    }
}
