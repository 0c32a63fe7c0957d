package org.crossdesk.notifications.rendering;

import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.AlertAmended;
import org.crossdesk.events.inbox.AlertWithdrawn;
import org.crossdesk.events.inbox.DeadlineNotice;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.RecipientResponse;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.notification.InboxMessageKind;

/**
 * What delivery needs to know about an inbox message without rendering it: its kind, the referral type
 * and priority when it carries them (for subscription filters), and the alert it concerns at this desk
 * (for delivery records).
 *
 * @param kind         the union branch
 * @param referralType type of the referral, for alerts and amendments; otherwise null
 * @param priority     priority of the referral, for alerts and amendments; otherwise null
 * @param referralId   the referral, or null for the receipt of a rejected new submission
 * @param alertId      the alert at this desk the message is about (alerts, amendments, withdrawals); otherwise
 *                     null. A deadline notice names an alert too, but another desk's, so it is not one.
 */
public record MessageFacts(
        InboxMessageKind kind, ReferralType referralType, Priority priority, String referralId, String alertId) {

    /** The facts of {@code message}. */
    public static MessageFacts of(InboxMessage message) {
        Object body = message.getMessage();
        if (body instanceof Alert alert) {
            return new MessageFacts(
                    InboxMessageKind.ALERT,
                    alert.getType(),
                    alert.getPriority(),
                    alert.getReferralId(),
                    alert.getAlertId());
        }
        if (body instanceof AlertAmended amended) {
            return new MessageFacts(
                    InboxMessageKind.ALERT_AMENDED,
                    amended.getSubmission().getType(),
                    amended.getSubmission().getPriority(),
                    amended.getReferralId(),
                    amended.getAlertId());
        }
        if (body instanceof AlertWithdrawn withdrawn) {
            return new MessageFacts(
                    InboxMessageKind.ALERT_WITHDRAWN, null, null, withdrawn.getReferralId(), withdrawn.getAlertId());
        }
        if (body instanceof SubmissionReceipt receipt) {
            return new MessageFacts(InboxMessageKind.SUBMISSION_RECEIPT, null, null, receipt.getReferralId(), null);
        }
        if (body instanceof RecipientResponse response) {
            return new MessageFacts(InboxMessageKind.RECIPIENT_RESPONSE, null, null, response.getReferralId(), null);
        }
        if (body instanceof DeadlineNotice notice) {
            return new MessageFacts(InboxMessageKind.DEADLINE_NOTICE, null, null, notice.getReferralId(), null);
        }
        throw new IllegalArgumentException("Unknown inbox message kind " + (body == null ? "null" : body.getClass()));
    }

    /** Whether this message concerns an alert at this desk, so its delivery is recorded on the responses topic. */
    public boolean concernsAnAlert() {
        return alertId != null;
    }
}
