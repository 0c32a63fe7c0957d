package org.crossdesk.routing.fanout;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crossdesk.events.referral.ReferralAmended;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;

/**
 * Referral id -> {@link RoutedReferral}: which desks received each referral, so that amendments,
 * withdrawals and responses reach exactly the right desks. It holds nothing that the lifecycle topic
 * does not: it is rebuilt by replaying the topic ({@link #replay}) and kept current by the fan-out.
 *
 * <p>The fan-out changes it only through a {@link Batch}, whose changes become visible when the Kafka
 * transaction that wrote the batch's output has committed: after an aborted transaction the batch is
 * read again, and must find the ledger as it was.
 */
public final class RecipientLedger {

    private final Map<String, RoutedReferral> referrals = new ConcurrentHashMap<>();

    public Optional<RoutedReferral> get(String referralId) {
        return Optional.ofNullable(referrals.get(referralId));
    }

    public int size() {
        return referrals.size();
    }

    /** Applies a lifecycle event read back from the topic (restore, or this service's own output). */
    public void replay(ReferralEvent event) {
        apply(referrals, event.getEvent());
    }

    /** Starts a batch of changes on top of the committed state. */
    public Batch begin() {
        return new Batch();
    }

    private static void apply(Map<String, RoutedReferral> target, Object event) {
        if (event instanceof ReferralSubmitted submitted) {
            target.putIfAbsent(
                    submitted.getReferralId(),
                    RoutedReferral.submitted(
                            submitted.getReferralId(),
                            submitted.getSubmission().getIssuingDesk(),
                            submitted.getSubmission().getDeskReference()));
        } else if (event instanceof ReferralRouted routed) {
            RoutedReferral known = target.get(routed.getReferralId());
            RoutedReferral base = known != null
                    ? known
                    // The lifecycle is kept forever, so the submission is always seen first; should it be missing,
                    // the referral id stands in for the unknown desk reference so receipts still name the referral.
                    : RoutedReferral.submitted(routed.getReferralId(), routed.getIssuingDesk(), routed.getReferralId());
            target.put(routed.getReferralId(), base.withRouted(routed));
        } else if (event instanceof ReferralAmended amended) {
            target.computeIfPresent(amended.getReferralId(), (id, known) -> known.withVersion(amended.getVersion()));
        } else if (event instanceof ReferralWithdrawn withdrawn) {
            target.computeIfPresent(withdrawn.getReferralId(), (id, known) -> known.asWithdrawn());
        }
    }

    /** Changes of one batch: read through to the ledger, written aside until {@link #commit()}. */
    public final class Batch {

        private final Map<String, RoutedReferral> changes = new HashMap<>();

        private Batch() {}

        public Optional<RoutedReferral> get(String referralId) {
            RoutedReferral changed = changes.get(referralId);
            return changed != null ? Optional.of(changed) : RecipientLedger.this.get(referralId);
        }

        void put(RoutedReferral referral) {
            changes.put(referral.referralId(), referral);
        }

        /** Makes the batch's changes part of the ledger: call once its output is committed. */
        public void commit() {
            referrals.putAll(changes);
            changes.clear();
        }

        public int changeCount() {
            return changes.size();
        }
    }
}
