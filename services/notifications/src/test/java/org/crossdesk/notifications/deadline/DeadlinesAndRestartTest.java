package org.crossdesk.notifications.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.directory.EscalationContact;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.DeadlineNotice;
import org.crossdesk.events.inbox.DeadlineNoticeRole;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.notifications.testing.Api;
import org.crossdesk.notifications.testing.Messages;
import org.crossdesk.notifications.testing.NotificationsApp;
import org.crossdesk.testsupport.CrossdeskEvents;
import org.crossdesk.testsupport.MutableClock;
import org.crossdesk.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routed referrals and responses in, breaches and deadline notices out, on a clock the test moves; then
 * a restart that keeps every pending deadline and subscription and reports nothing twice.
 */
class DeadlinesAndRestartTest {

    private static final String ISSUER = "FR-BNRF";
    private static final String LATE = "ES-CNP";
    private static final String PROMPT = "PT-PJ";
    private static final String CONTACT = "guardia.fugitivos@cnp.example.es";
    private static final Instant ROUTED_AT = Instant.parse("2031-01-10T10:00:00Z");
    private static final Instant ACK_DUE = ROUTED_AT.plus(Duration.ofHours(1));
    private static final Instant RESPONSE_DUE = ROUTED_AT.plus(Duration.ofHours(8));
    private static final String REFERRAL = "CD-2031-000001";
    private static final String WITHDRAWN_REFERRAL = "CD-2031-000002";
    private static final String SECRET = "pt-pj-webhook-secret-0123456789abcdefghijk";

    private static final MutableClock CLOCK = new MutableClock(ROUTED_AT);
    private static WebhookReceiver receiver;
    private static NotificationsApp app;

    @BeforeAll
    static void start() throws Exception {
        CrossdeskEvents.createDeskTopics(ISSUER, LATE, PROMPT);
        receiver = new WebhookReceiver();
        app = startApp();
    }

    private static NotificationsApp startApp() {
        return NotificationsApp.start("notifications-deadline-test", CLOCK, List.of(ISSUER, LATE, PROMPT), Map.of());
    }

    @AfterAll
    static void stop() {
        Api api = Api.as(app, PROMPT);
        Api.json(api.get("/api/v1/subscriptions"))
                .forEach(subscription -> api.delete(
                        "/api/v1/subscriptions/" + subscription.get("id").asString()));
        app.close();
        receiver.close();
    }

    private static ReferralEvent routed(String referralId, String... recipients) {
        ReferralRouted routed = ReferralRouted.newBuilder(ExampleEvents.referralRouted())
                .setReferralId(referralId)
                .setIssuingDesk(ISSUER)
                .setPriority(Priority.IMMEDIATE)
                .setRecipients(Arrays.stream(recipients)
                        .map(desk -> RoutedRecipient.newBuilder(
                                        ExampleEvents.routedRecipient(desk, desk.substring(0, 2), List.of("REQUESTED")))
                                .setAckDueAt(ACK_DUE)
                                .setResponseDueAt(RESPONSE_DUE)
                                .build())
                        .toList())
                .build();
        return ReferralEvent.newBuilder(ExampleEvents.referralEvents().get(2))
                .setMetadata(ExampleEvents.metadata("routing", 301, 1))
                .setEvent(routed)
                .build();
    }

    private static List<DeadlineBreached> breachesOf(String referralId) {
        return CrossdeskEvents.values(Topics.DEADLINES_BREACHES).stream()
                .map(DeadlineBreached.class::cast)
                .filter(breach -> breach.getReferralId().equals(referralId))
                .toList();
    }

    private static List<DeadlineNotice> noticesIn(String desk) {
        return CrossdeskEvents.values(Topics.deskInboxName(desk)).stream()
                .map(InboxMessage.class::cast)
                .map(InboxMessage::getMessage)
                .filter(DeadlineNotice.class::isInstance)
                .map(DeadlineNotice.class::cast)
                .filter(notice -> notice.getReferralId().equals(REFERRAL))
                .toList();
    }

    private static List<String> reported(String referralId) {
        return breachesOf(referralId).stream()
                .map(b -> b.getRecipientDesk() + " " + b.getKind())
                .toList();
    }

    @Test
    void aMissedDeadlineIsReportedOnceToIssuerAndEscalationAndARestartLosesAndRepeatsNothing() {
        CrossdeskEvents.send(
                Topics.DIRECTORY_DESKS,
                LATE,
                DeskProfile.newBuilder(ExampleEvents.deskProfile())
                        .setDeskId(LATE)
                        .setCountry("ES")
                        .setAgencyName("Policia Nacional")
                        .setEscalationContact(EscalationContact.newBuilder()
                                .setName("CNP duty officer")
                                .setEmail(CONTACT)
                                .setPhone(null)
                                .build())
                        .build());
        CrossdeskEvents.send(Topics.REFERRALS_LIFECYCLE, REFERRAL, routed(REFERRAL, LATE, PROMPT));
        CrossdeskEvents.send(
                Topics.REFERRALS_RESPONSES,
                REFERRAL,
                ResponseEvent.newBuilder(ExampleEvents.responseEvents().get(2))
                        .setEvent(AlertAcknowledged.newBuilder(ExampleEvents.alertAcknowledged())
                                .setReferralId(REFERRAL)
                                .setAlertId(AlertIds.of(REFERRAL, PROMPT))
                                .setRecipientDesk(PROMPT)
                                .build())
                        .build());
        CrossdeskEvents.send(Topics.REFERRALS_LIFECYCLE, WITHDRAWN_REFERRAL, routed(WITHDRAWN_REFERRAL, LATE));
        CrossdeskEvents.send(
                Topics.REFERRALS_LIFECYCLE,
                WITHDRAWN_REFERRAL,
                ReferralEvent.newBuilder(ExampleEvents.referralEvents().get(4))
                        .setEvent(ReferralWithdrawn.newBuilder(ExampleEvents.referralWithdrawn())
                                .setReferralId(WITHDRAWN_REFERRAL)
                                .setIssuingDesk(ISSUER)
                                .build())
                        .build());
        String subscriptionId = Api.as(app, PROMPT).subscribe(receiver.url("/pt"), SECRET, null);

        DeadlineTracker tracker = app.bean(DeadlineTracker.class);
        // LATE's acknowledgement and response, PROMPT's response; the withdrawn referral owes nothing.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tracker.ready()
                        && tracker.openDeadlines() == 3
                        && app.bean(EscalationDirectory.class).contactOf(LATE).isPresent());

        CLOCK.set(ACK_DUE.minusSeconds(1));
        assertThat(tracker.checkNow()).isEmpty();
        CLOCK.set(ACK_DUE.plusSeconds(1));
        tracker.checkNow();
        tracker.checkNow();

        await().atMost(Duration.ofSeconds(30)).until(() -> breachesOf(REFERRAL).size() == 1);
        DeadlineBreached breach = breachesOf(REFERRAL).get(0);
        assertThat(breach.getRecipientDesk()).isEqualTo(LATE);
        assertThat(breach.getKind()).isEqualTo(DeadlineKind.ACKNOWLEDGEMENT);
        assertThat(breach.getEscalatedTo()).isEqualTo(CONTACT);
        assertThat(breach.getIssuingDesk()).isEqualTo(ISSUER);
        assertThat(breach.getDueAt()).isEqualTo(ACK_DUE);
        assertThat(noticesIn(ISSUER)).singleElement().satisfies(notice -> {
            assertThat(notice.getRole()).isEqualTo(DeadlineNoticeRole.ISSUER);
            assertThat(notice.getRecipientDesk()).isEqualTo(LATE);
        });
        assertThat(noticesIn(LATE))
                .singleElement()
                .satisfies(notice -> assertThat(notice.getRole()).isEqualTo(DeadlineNoticeRole.ESCALATION));
        assertThat(breachesOf(WITHDRAWN_REFERRAL)).isEmpty();

        app.close();
        app = startApp();
        DeadlineTracker restarted = app.bean(DeadlineTracker.class);

        // The breach already reported is on record; the two response deadlines are still pending.
        await().atMost(Duration.ofSeconds(30)).until(() -> restarted.ready() && restarted.openDeadlines() == 2);
        assertThat(restarted.checkNow()).isEmpty();
        CLOCK.set(RESPONSE_DUE);
        restarted.checkNow();
        await().atMost(Duration.ofSeconds(30)).until(() -> breachesOf(REFERRAL).size() == 3);
        assertThat(reported(REFERRAL))
                .containsExactlyInAnyOrder(LATE + " ACKNOWLEDGEMENT", LATE + " RESPONSE", PROMPT + " RESPONSE");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30)).until(() -> {
            restarted.checkNow();
            return breachesOf(REFERRAL).size() == 3
                    && breachesOf(WITHDRAWN_REFERRAL).isEmpty();
        });

        // The subscription survived the restart with its secret: a new alert arrives signed with it.
        assertThat(Api.json(Api.as(app, PROMPT).get("/api/v1/subscriptions")))
                .extracting(node -> node.get("id").asString())
                .containsExactly(subscriptionId);
        CrossdeskEvents.send(
                Topics.deskInboxName(PROMPT),
                "CD-2031-000003",
                Messages.alert("CD-2031-000003", PROMPT, Priority.URGENT));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.received("/pt").stream()
                        .anyMatch(request -> request.bodyText().contains("CD-2031-000003")));
        WebhookReceiver.Received delivery = receiver.received("/pt").stream()
                .filter(request -> request.bodyText().contains("CD-2031-000003"))
                .findFirst()
                .orElseThrow();
        assertThat(delivery.signedWith(SECRET)).isTrue();
    }
}
