package org.crossdesk.notifications.testing;

import java.time.Instant;
import java.util.UUID;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.AlertWithdrawn;
import org.crossdesk.events.inbox.InboxMessage;

/** Inbox messages for tests: the example alert, re-addressed and given fresh ids. */
public final class Messages {

    private Messages() {}

    /** An alert of referral {@code referralId} for {@code desk}, with a new event id. */
    public static InboxMessage alert(String referralId, String desk, Priority priority) {
        Alert alert = Alert.newBuilder(ExampleEvents.alert())
                .setAlertId(AlertIds.of(referralId, desk))
                .setReferralId(referralId)
                .setRecipientDesk(desk)
                .setPriority(priority)
                .build();
        return InboxMessage.newBuilder()
                .setMetadata(metadata(referralId))
                .setMessage(alert)
                .build();
    }

    /** The withdrawal of referral {@code referralId} at {@code desk}. */
    public static InboxMessage withdrawal(String referralId, String desk) {
        AlertWithdrawn withdrawn = AlertWithdrawn.newBuilder(ExampleEvents.alertWithdrawn())
                .setAlertId(AlertIds.of(referralId, desk))
                .setReferralId(referralId)
                .build();
        return InboxMessage.newBuilder()
                .setMetadata(metadata(referralId))
                .setMessage(withdrawn)
                .build();
    }

    private static EventMetadata metadata(String referralId) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.parse("2026-03-02T08:15:00Z"))
                .setProducer("routing")
                .setCorrelationId(referralId)
                .setCausationId(null)
                .build();
    }
}
