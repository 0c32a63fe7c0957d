package org.crossdesk.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.notification.InboxMessageKind;
import org.crossdesk.notifications.rendering.MessageFacts;
import org.junit.jupiter.api.Test;

class SubscriptionFilterTest {

    private static MessageFacts alert(ReferralType type, Priority priority) {
        return new MessageFacts(InboxMessageKind.ALERT, type, priority, "CD-1", "CD-1/DE-BKA");
    }

    private static final MessageFacts WITHDRAWAL =
            new MessageFacts(InboxMessageKind.ALERT_WITHDRAWN, null, null, "CD-1", "CD-1/DE-BKA");

    @Test
    void anEmptyFilterAcceptsEverything() {
        assertThat(SubscriptionFilter.ALL.accepts(alert(ReferralType.FUGITIVE, Priority.ROUTINE)))
                .isTrue();
        assertThat(SubscriptionFilter.ALL.accepts(WITHDRAWAL)).isTrue();
    }

    @Test
    void minimumPriorityFollowsUrgencyOrder() {
        SubscriptionFilter urgentAndAbove = new SubscriptionFilter(Set.of(), Priority.URGENT, Set.of());
        assertThat(urgentAndAbove.accepts(alert(ReferralType.FUGITIVE, Priority.ROUTINE)))
                .isFalse();
        assertThat(urgentAndAbove.accepts(alert(ReferralType.FUGITIVE, Priority.URGENT)))
                .isTrue();
        assertThat(urgentAndAbove.accepts(alert(ReferralType.FUGITIVE, Priority.IMMEDIATE)))
                .isTrue();
    }

    @Test
    void typesAndKindsRestrictWhatTheyName() {
        SubscriptionFilter fugitiveAlerts =
                new SubscriptionFilter(Set.of(ReferralType.FUGITIVE), null, Set.of(InboxMessageKind.ALERT));
        assertThat(fugitiveAlerts.accepts(alert(ReferralType.FUGITIVE, Priority.ROUTINE)))
                .isTrue();
        assertThat(fugitiveAlerts.accepts(alert(ReferralType.DRUG_TRAFFICKING, Priority.IMMEDIATE)))
                .isFalse();
        assertThat(fugitiveAlerts.accepts(WITHDRAWAL)).isFalse();
    }

    @Test
    void typeAndPriorityFiltersNeverHoldBackAWithdrawal() {
        SubscriptionFilter strict =
                new SubscriptionFilter(Set.of(ReferralType.COUNTER_TERRORISM), Priority.IMMEDIATE, Set.of());
        assertThat(strict.accepts(WITHDRAWAL)).isTrue();
        assertThat(strict.accepts(alert(ReferralType.FUGITIVE, Priority.IMMEDIATE)))
                .isFalse();
    }
}
