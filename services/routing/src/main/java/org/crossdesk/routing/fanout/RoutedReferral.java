package org.crossdesk.routing.fanout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.RoutedRecipient;

/**
 * What the fan-out remembers of one referral, all of it rebuilt from the lifecycle topic: who issued it
 * (and under which desk reference, for receipts), the routing decision once made, the latest version,
 * and whether it was withdrawn.
 *
 * <p>The ledger holds one of these for every referral ever routed, so its size decides how many referrals
 * a routing instance can remember. The decision is therefore kept as its Avro bytes and decoded only when
 * an amendment, a withdrawal, a response or the explain API needs it: as objects (recipients, reasons,
 * withheld candidates, instants) a decision took about 1.2 KB of heap, in bytes a fraction of that. Desk
 * ids come from a small, fixed directory and are interned.
 */
public final class RoutedReferral {

    private final String referralId;
    private final String issuingDesk;
    private final String deskReference;
    private final byte[] decision;
    private final int version;
    private final boolean withdrawn;

    private RoutedReferral(
            String referralId,
            String issuingDesk,
            String deskReference,
            byte[] decision,
            int version,
            boolean withdrawn) {
        this.referralId = referralId;
        this.issuingDesk = issuingDesk.intern();
        // Most desk references are the referral's own id (or absent from a replayed decision): share the string.
        this.deskReference = deskReference.equals(referralId) ? referralId : deskReference;
        this.decision = decision;
        this.version = version;
        this.withdrawn = withdrawn;
    }

    static RoutedReferral submitted(String referralId, String issuingDesk, String deskReference) {
        return new RoutedReferral(referralId, issuingDesk, deskReference, null, 1, false);
    }

    RoutedReferral withRouted(ReferralRouted routed) {
        return new RoutedReferral(referralId, issuingDesk, deskReference, encode(routed), version, withdrawn);
    }

    RoutedReferral withVersion(int newVersion) {
        return new RoutedReferral(
                referralId, issuingDesk, deskReference, decision, Math.max(version, newVersion), withdrawn);
    }

    RoutedReferral asWithdrawn() {
        return new RoutedReferral(referralId, issuingDesk, deskReference, decision, version, true);
    }

    public String referralId() {
        return referralId;
    }

    public String issuingDesk() {
        return issuingDesk;
    }

    /** The issuer's own reference, for receipts. */
    public String deskReference() {
        return deskReference;
    }

    /** Latest version (1 = the original submission). */
    public int version() {
        return version;
    }

    /** Whether the issuer withdrew it. */
    public boolean withdrawn() {
        return withdrawn;
    }

    public boolean isRouted() {
        return decision != null;
    }

    /** The decision, decoded afresh on each call (callers may change it); null while not routed yet. */
    public ReferralRouted routed() {
        if (decision == null) {
            return null;
        }
        try {
            return ReferralRouted.fromByteBuffer(ByteBuffer.wrap(decision));
        } catch (IOException e) {
            throw new UncheckedIOException("A decision this class encoded could not be decoded", e);
        }
    }

    /** The recipients of the alert (empty while not routed). */
    public List<RoutedRecipient> recipients() {
        ReferralRouted routed = routed();
        return routed == null ? List.of() : routed.getRecipients();
    }

    /** The recipient entry of {@code deskId}, if that desk received the alert. */
    public Optional<RoutedRecipient> recipient(String deskId) {
        return recipients().stream()
                .filter(recipient -> recipient.getDeskId().equals(deskId))
                .findFirst();
    }

    private static byte[] encode(ReferralRouted routed) {
        try {
            ByteBuffer buffer = routed.toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the decision of " + routed.getReferralId(), e);
        }
    }

    @Override
    public String toString() {
        return "RoutedReferral[" + referralId + " from " + issuingDesk + " (" + deskReference + "), v" + version
                + (isRouted() ? ", routed" : "") + (withdrawn ? ", withdrawn" : "") + "]";
    }
}
