package org.crossdesk.notifications.deadline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.directory.EscalationContact;
import org.crossdesk.events.inbox.DeadlineNotice;
import org.crossdesk.events.inbox.DeadlineNoticeRole;
import org.crossdesk.events.inbox.InboxMessage;

/**
 * The three records one breach produces: {@code DeadlineBreached} on the breaches topic, a
 * {@code DeadlineNotice} (role ISSUER) in the issuer's inbox, and one (role ESCALATION) in the recipient's
 * inbox, where the recipient's systems and escalation contact see it. Event ids are derived from the alert
 * and the deadline kind, so should a breach ever be written twice, every consumer can tell it is the same.
 *
 * @param breached         for {@code deadlines.breaches.v1}, keyed by referral id
 * @param issuerNotice     for the issuer's inbox
 * @param escalationNotice for the recipient's inbox
 */
public record BreachEvents(DeadlineBreached breached, InboxMessage issuerNotice, InboxMessage escalationNotice) {

    static final String PRODUCER = "notifications";

    /** The events of {@code breach} detected at {@code breachedAt}, escalated to {@code contact} if there is one. */
    public static BreachEvents of(Breach breach, Instant breachedAt, Optional<EscalationContact> contact) {
        String breachId = id("deadline-breached", breach);
        DeadlineBreached breached = DeadlineBreached.newBuilder()
                .setMetadata(metadata(breachId, breachedAt, breach.referralId(), null))
                .setReferralId(breach.referralId())
                .setAlertId(breach.alertId())
                .setRecipientDesk(breach.recipientDesk())
                .setIssuingDesk(breach.issuingDesk())
                .setKind(breach.kind())
                .setDueAt(breach.dueAt())
                .setBreachedAt(breachedAt)
                .setPriority(breach.priority())
                .setEscalatedTo(contact.map(EscalationContact::getEmail).orElse(null))
                .build();
        return new BreachEvents(
                breached,
                notice(breach, breachedAt, DeadlineNoticeRole.ISSUER, breachId),
                notice(breach, breachedAt, DeadlineNoticeRole.ESCALATION, breachId));
    }

    private static InboxMessage notice(Breach breach, Instant breachedAt, DeadlineNoticeRole role, String breachId) {
        return InboxMessage.newBuilder()
                .setMetadata(metadata(
                        id("deadline-notice-" + role.name(), breach), breachedAt, breach.referralId(), breachId))
                .setMessage(DeadlineNotice.newBuilder()
                        .setReferralId(breach.referralId())
                        .setAlertId(breach.alertId())
                        .setRecipientDesk(breach.recipientDesk())
                        .setKind(breach.kind())
                        .setDueAt(breach.dueAt())
                        .setBreachedAt(breachedAt)
                        .setRole(role)
                        .build())
                .build();
    }

    private static EventMetadata metadata(String eventId, Instant at, String referralId, String causationId) {
        return EventMetadata.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(at)
                .setProducer(PRODUCER)
                .setCorrelationId(referralId)
                .setCausationId(causationId)
                .build();
    }

    private static String id(String what, Breach breach) {
        String name = what + "/" + breach.alertId() + "/" + breach.kind().name();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
