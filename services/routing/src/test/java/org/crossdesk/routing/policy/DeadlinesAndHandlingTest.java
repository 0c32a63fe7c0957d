package org.crossdesk.routing.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossdesk.routing.testing.Submissions.fugitive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.Priority;
import org.crossdesk.routing.policy.RoutingRules.Deadlines;
import org.crossdesk.routing.testing.TestDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadlines by priority and the recipients' obligations by handling code. */
class DeadlinesAndHandlingTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource(textBlock = """
      priority,   ack due,               response due
      IMMEDIATE,  2026-03-02T09:15:00Z,  2026-03-02T16:15:00Z
      URGENT,     2026-03-02T12:15:00Z,  2026-03-02T20:15:00Z
      ROUTINE,    2026-03-03T08:15:00Z,  2026-03-09T08:15:00Z
      """, useHeadersInDisplayName = true)
    void deadlinesCountFromRoutingByPriority(Priority priority, Instant ackDue, Instant responseDue) {
        RoutingDecision decision = new RoutingPolicy(RoutingRules.defaults(), CLOCK)
                .decide(
                        RoutingRequest.of(fugitive("FR-BNRF")
                                .priority(priority)
                                .subject("DE")
                                .build()),
                        TestDirectory.directory());

        assertThat(decision.decidedAt()).isEqualTo(NOW);
        assertThat(decision.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.ackDueAt()).isEqualTo(ackDue);
            assertThat(recipient.responseDueAt()).isEqualTo(responseDue);
        });
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
      code, onward forwarding, evidential use
      H0,   true,              true
      H1,   true,              false
      H2,   false,             true
      H3,   false,             false
      """, useHeadersInDisplayName = true)
    void handlingCodesBindTheRecipients(HandlingCode code, boolean onward, boolean evidential) {
        RoutingDecision decision = new RoutingPolicy(RoutingRules.defaults(), CLOCK)
                .decide(
                        RoutingRequest.of(fugitive("FR-BNRF")
                                .handling(code)
                                .requested("DE-BKA")
                                .build()),
                        TestDirectory.directory());

        assertThat(decision.recipientDesks()).containsExactly("DE-BKA");
        assertThat(decision.onwardForwardingAllowed()).isEqualTo(onward);
        assertThat(decision.evidentialUseAllowed()).isEqualTo(evidential);
    }

    @Test
    void configuredDeadlinesReplaceTheDefaultsOfTheirPriorityOnly() {
        RoutingRules rules = RoutingRules.defaults()
                .withDeadlines(Map.of(Priority.IMMEDIATE, new Deadlines(Duration.ofMinutes(15), Duration.ofHours(2))));

        assertThat(rules.deadlinesFor(Priority.IMMEDIATE))
                .isEqualTo(new Deadlines(Duration.ofMinutes(15), Duration.ofHours(2)));
        assertThat(rules.deadlinesFor(Priority.URGENT))
                .isEqualTo(new Deadlines(Duration.ofHours(4), Duration.ofHours(12)));
    }

    @Test
    void aResponseDeadlineBeforeTheAcknowledgementDeadlineIsRefused() {
        assertThatThrownBy(() -> new Deadlines(Duration.ofHours(4), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acknowledgement <= response");
    }

    @Test
    void theLegalBasisGoesAfterTheReasonsInThePublishedReasonList() {
        RoutingDecision decision = new RoutingPolicy(RoutingRules.defaults(), CLOCK)
                .decide(
                        RoutingRequest.of(fugitive("FR-BNRF")
                                .requested("DE-BKA")
                                .subject("DE")
                                .build()),
                        TestDirectory.directory());

        assertThat(decision.recipients().get(0).reasonsWithLegalBasis())
                .containsExactly("REQUESTED", "NATIONALITY", "AGREEMENT:EU");
    }
}
