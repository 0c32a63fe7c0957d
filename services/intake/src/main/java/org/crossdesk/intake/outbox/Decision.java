package org.crossdesk.intake.outbox;

import java.util.List;
import java.util.Optional;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.ReceiptStatus;
import org.crossdesk.intake.validation.Violation;

/**
 * What intake does about one outbox record: at most one event (on the lifecycle or responses topic) and
 * always one receipt to the writing desk's inbox. The event is written, acknowledged and applied to the
 * case book before the receipt is written, so a receipt never announces what is not durable.
 *
 * @param event      the lifecycle or response event, if the record changes anything
 * @param receipt    the answer to the desk
 * @param status     the receipt's status, for logs and tests
 * @param referralId referral concerned, or null for a rejected new submission
 * @param reasons    why it was rejected (empty when accepted)
 */
public record Decision(
        Optional<Emission<?>> event,
        Emission<InboxMessage> receipt,
        ReceiptStatus status,
        String referralId,
        List<Violation> reasons) {}
