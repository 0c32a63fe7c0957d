package org.crossdesk.notifications.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.events.examples.ExampleEvents.ISSUER;
import static org.crossdesk.events.examples.ExampleEvents.RECIPIENT;
import static org.crossdesk.events.examples.ExampleEvents.REFERRAL_ID;
import static org.crossdesk.events.examples.ExampleEvents.SECOND_RECIPIENT;
import static org.crossdesk.events.examples.ExampleEvents.SUBMITTED_AT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.DeadlineNotice;
import org.crossdesk.events.inbox.DeadlineNoticeRole;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines of the example referral: routed at {@code SUBMITTED_AT} to DE-BKA and ES-CNP, each with an
 * acknowledgement due after 4 hours and a response after 12.
 */
class DeadlineTrackerTest {

    private static final Instant ACK_DUE = SUBMITTED_AT.plus(Duration.ofHours(4));
    private static final Instant RESPONSE_DUE = SUBMITTED_AT.plus(Duration.ofHours(12));
    private static final int P = 2;

    private final MutableClock clock = new MutableClock(SUBMITTED_AT);
    private final EscalationDirectory directory = new EscalationDirectory();
    private final List<BreachEvents> published = new ArrayList<>();
    private final BreachPublisher publisher = published::add;
    private final DeadlineTracker tracker = new DeadlineTracker(clock, directory, publisher, Duration.ofDays(30));

    @BeforeEach
    void trackPartition() {
        tracker.assigned(Set.of(P));
        directory.apply(RECIPIENT, ExampleEvents.deskProfile());
    }

    private static ReferralEvent routed() {
        return ReferralEvent.newBuilder(ExampleEvents.referralEvents().get(2)).build();
    }

    private static ResponseEvent acknowledged(String desk) {
        return ResponseEvent.newBuilder(ExampleEvents.responseEvents().get(2))
                .setEvent(AlertAcknowledged.newBuilder(ExampleEvents.alertAcknowledged())
                        .setRecipientDesk(desk)
                        .setAlertId(AlertIds.of(REFERRAL_ID, desk))
                        .build())
                .build();
    }

    private static ResponseEvent actioned(String desk) {
        return ResponseEvent.newBuilder(ExampleEvents.responseEvents().get(3))
                .setEvent(AlertActioned.newBuilder(ExampleEvents.alertActioned())
                        .setRecipientDesk(desk)
                        .setAlertId(AlertIds.of(REFERRAL_ID, desk))
                        .build())
                .build();
    }

    private List<String> reported() {
        return published.stream()
                .map(events -> events.breached().getRecipientDesk() + " "
                        + events.breached().getKind())
                .toList();
    }

    @Test
    void aMissedAcknowledgementIsReportedOnceWhenDueAndNotBefore() {
        tracker.apply(P, routed());
        tracker.caughtUp(P);

        clock.set(ACK_DUE.minusMillis(1));
        assertThat(tracker.checkNow()).isEmpty();

        clock.set(ACK_DUE);
        tracker.checkNow();
        clock.advance(Duration.ofMinutes(5));
        tracker.checkNow();

        assertThat(reported())
                .containsExactlyInAnyOrder(RECIPIENT + " ACKNOWLEDGEMENT", SECOND_RECIPIENT + " ACKNOWLEDGEMENT");
    }

    @Test
    void theBreachTellsTheIssuerAndEscalatesToTheRecipientsContact() {
        tracker.apply(P, routed());
        tracker.caughtUp(P);
        clock.set(ACK_DUE.plusSeconds(3));
        tracker.checkNow();

        BreachEvents bka = published.stream()
                .filter(events -> events.breached().getRecipientDesk().equals(RECIPIENT))
                .findFirst()
                .orElseThrow();
        DeadlineBreached breached = bka.breached();
        assertThat(breached.getAlertId()).isEqualTo(AlertIds.of(REFERRAL_ID, RECIPIENT));
        assertThat(breached.getIssuingDesk()).isEqualTo(ISSUER);
        assertThat(breached.getKind()).isEqualTo(DeadlineKind.ACKNOWLEDGEMENT);
        assertThat(breached.getDueAt()).isEqualTo(ACK_DUE);
        assertThat(breached.getBreachedAt()).isEqualTo(ACK_DUE.plusSeconds(3));
        assertThat(breached.getEscalatedTo())
                .isEqualTo(ExampleEvents.deskProfile().getEscalationContact().getEmail());
        assertThat(breached.getMetadata().getCorrelationId()).isEqualTo(REFERRAL_ID);

        DeadlineNotice toIssuer = (DeadlineNotice) bka.issuerNotice().getMessage();
        DeadlineNotice escalation = (DeadlineNotice) bka.escalationNotice().getMessage();
        assertThat(toIssuer.getRole()).isEqualTo(DeadlineNoticeRole.ISSUER);
        assertThat(escalation.getRole()).isEqualTo(DeadlineNoticeRole.ESCALATION);
        assertThat(List.of(toIssuer, escalation)).allSatisfy(notice -> {
            assertThat(notice.getRecipientDesk()).isEqualTo(RECIPIENT);
            assertThat(notice.getDueAt()).isEqualTo(ACK_DUE);
        });
        assertThat(bka.issuerNotice().getMetadata().getCausationId())
                .isEqualTo(breached.getMetadata().getEventId());

        BreachEvents cnp = published.stream()
                .filter(events -> events.breached().getRecipientDesk().equals(SECOND_RECIPIENT))
                .findFirst()
                .orElseThrow();
        assertThat(cnp.breached().getEscalatedTo())
                .as("ES-CNP has no profile in the directory")
                .isNull();
    }

    @Test
    void anAcknowledgementMeetsTheFirstDeadlineAndActionMeetsBoth() {
        tracker.apply(P, routed());
        tracker.apply(P, acknowledged(RECIPIENT));
        tracker.apply(P, actioned(SECOND_RECIPIENT));
        tracker.caughtUp(P);

        clock.set(RESPONSE_DUE);
        tracker.checkNow();

        assertThat(reported()).containsExactly(RECIPIENT + " RESPONSE");
    }

    @Test
    void factsReadBeforeTheRoutingStillCount() {
        tracker.apply(P, actioned(RECIPIENT));
        tracker.apply(P, breachOnRecord(SECOND_RECIPIENT, DeadlineKind.ACKNOWLEDGEMENT));
        tracker.apply(P, routed());
        tracker.caughtUp(P);

        clock.set(RESPONSE_DUE);
        tracker.checkNow();

        assertThat(reported()).containsExactly(SECOND_RECIPIENT + " RESPONSE");
    }

    @Test
    void withdrawalOrClosureEndsEveryDeadline() {
        tracker.apply(P, routed());
        tracker.apply(P, ExampleEvents.referralEvents().get(4)); // withdrawn
        tracker.caughtUp(P);
        clock.set(RESPONSE_DUE.plus(Duration.ofDays(1)));

        assertThat(tracker.checkNow()).isEmpty();
        assertThat(tracker.openDeadlines()).isZero();
    }

    @Test
    void nothingIsReportedForAPartitionStillReplaying() {
        tracker.apply(P, routed());
        clock.set(RESPONSE_DUE);

        assertThat(tracker.checkNow()).isEmpty();
        assertThat(tracker.ready()).isFalse();

        // The replay then finds the breaches already written before a restart.
        tracker.apply(P, breachOnRecord(RECIPIENT, DeadlineKind.ACKNOWLEDGEMENT));
        tracker.apply(P, breachOnRecord(RECIPIENT, DeadlineKind.RESPONSE));
        tracker.caughtUp(P);
        tracker.checkNow();

        assertThat(tracker.ready()).isTrue();
        assertThat(reported()).containsExactly(SECOND_RECIPIENT + " ACKNOWLEDGEMENT", SECOND_RECIPIENT + " RESPONSE");
    }

    @Test
    void aRevokedPartitionIsNoLongerCheckedAndAReassignedOneIsRebuilt() {
        tracker.apply(P, routed());
        tracker.caughtUp(P);
        tracker.revoked(Set.of(P));
        clock.set(ACK_DUE);
        assertThat(tracker.checkNow()).isEmpty();

        tracker.assigned(Set.of(P));
        tracker.caughtUp(P);
        assertThat(tracker.checkNow())
                .as("the old state is gone until replayed")
                .isEmpty();
        tracker.apply(P, routed());
        assertThat(tracker.checkNow()).hasSize(2);
    }

    @Test
    void aBreachThatCouldNotBeWrittenIsReportedAtTheNextCheck() {
        List<BreachEvents> written = new ArrayList<>();
        boolean[] kafkaDown = {true};
        DeadlineTracker flaky = new DeadlineTracker(
                clock,
                directory,
                events -> {
                    if (kafkaDown[0]) {
                        throw new IllegalStateException("broker unavailable");
                    }
                    written.add(events);
                },
                Duration.ofDays(30));
        flaky.assigned(Set.of(P));
        flaky.apply(P, routed());
        flaky.caughtUp(P);
        clock.set(ACK_DUE);

        assertThat(flaky.checkNow()).isEmpty();
        kafkaDown[0] = false;
        flaky.checkNow();
        flaky.checkNow();

        assertThat(written).hasSize(2);
    }

    @Test
    void breachEventIdsAreDerivedFromTheAlertAndKind() {
        tracker.apply(P, routed());
        tracker.caughtUp(P);
        clock.set(ACK_DUE);
        tracker.checkNow();

        Breach breach = new Breach(
                REFERRAL_ID,
                AlertIds.of(REFERRAL_ID, RECIPIENT),
                RECIPIENT,
                ISSUER,
                ExampleEvents.referralRouted().getPriority(),
                DeadlineKind.ACKNOWLEDGEMENT,
                ACK_DUE);
        String again = BreachEvents.of(breach, ACK_DUE.plusSeconds(60), Optional.empty())
                .breached()
                .getMetadata()
                .getEventId();
        assertThat(published)
                .extracting(events -> events.breached().getMetadata().getEventId())
                .contains(again);
    }

    @Test
    void aDeskRemovedFromTheDirectoryHasNoEscalationContact() {
        directory.apply(RECIPIENT, (DeskProfile) null);
        assertThat(directory.contactOf(RECIPIENT)).isEmpty();
    }

    private static DeadlineBreached breachOnRecord(String desk, DeadlineKind kind) {
        return DeadlineBreached.newBuilder(ExampleEvents.deadlineBreached())
                .setAlertId(AlertIds.of(REFERRAL_ID, desk))
                .setRecipientDesk(desk)
                .setKind(kind)
                .build();
    }
}
