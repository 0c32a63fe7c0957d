package org.crossdesk.notifications.subscription;

import java.util.Set;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.notification.InboxMessageKind;
import org.crossdesk.notifications.rendering.MessageFacts;

/**
 * Which inbox messages a subscription receives. Empty sets and a null priority mean "all". Type and
 * priority filters apply only to messages that carry a type and priority (alerts and amendments): a
 * withdrawal, receipt, response or deadline notice is never held back by them, because a partner that
 * received an alert must also learn that it was withdrawn.
 *
 * @param referralTypes   referral types delivered; empty for all
 * @param minimumPriority lowest priority delivered (ROUTINE &lt; URGENT &lt; IMMEDIATE), or null for all
 * @param messageKinds    message kinds delivered; empty for all
 */
public record SubscriptionFilter(
        Set<ReferralType> referralTypes, Priority minimumPriority, Set<InboxMessageKind> messageKinds) {

    /** A filter that lets every message through. */
    public static final SubscriptionFilter ALL = new SubscriptionFilter(Set.of(), null, Set.of());

    public SubscriptionFilter {
        referralTypes = Set.copyOf(referralTypes);
        messageKinds = Set.copyOf(messageKinds);
    }

    /** Whether a message with these facts is delivered. */
    public boolean accepts(MessageFacts facts) {
        if (!messageKinds.isEmpty() && !messageKinds.contains(facts.kind())) {
            return false;
        }
        if (!referralTypes.isEmpty() && facts.referralType() != null && !referralTypes.contains(facts.referralType())) {
            return false;
        }
        // Priority symbols are declared from least to most urgent, so their order is the urgency order.
        return minimumPriority == null
                || facts.priority() == null
                || facts.priority().ordinal() >= minimumPriority.ordinal();
    }
}
