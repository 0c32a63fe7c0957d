package org.crossdesk.notifications.deadline;

import java.time.Instant;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.deadline.DeadlineKind;

/**
 * A deadline that has passed with the alert neither acknowledged (ACKNOWLEDGEMENT) nor actioned (RESPONSE).
 *
 * @param referralId    the referral
 * @param alertId       the alert at the recipient
 * @param recipientDesk the desk that missed it
 * @param issuingDesk   the desk to tell
 * @param priority      the referral's priority
 * @param kind          which deadline
 * @param dueAt         when it was due
 */
public record Breach(
        String referralId,
        String alertId,
        String recipientDesk,
        String issuingDesk,
        Priority priority,
        DeadlineKind kind,
        Instant dueAt) {}
