package org.crossdesk.routing.fanout;

import java.util.List;
import java.util.Optional;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.RoutedRecipient;

/**
 * What the fan-out remembers of one referral, all of it rebuilt from the lifecycle topic: who issued it
 * (and under which desk reference, for receipts), the routing decision once made, the latest version,
 * and whether it was withdrawn.
 *
 * @param referralId     referral id
 * @param issuingDesk    issuing desk
 * @param deskReference  the issuer's own reference
 * @param routed         the decision, or null while not routed yet
 * @param version        latest version (1 = the original submission)
 * @param withdrawn      whether the issuer withdrew it
 */
public record RoutedReferral(String referralId, String issuingDesk, String deskReference, ReferralRouted routed,
                             int version, boolean withdrawn) {

  static RoutedReferral submitted(String referralId, String issuingDesk, String deskReference) {
    return new RoutedReferral(referralId, issuingDesk, deskReference, null, 1, false);
  }

  RoutedReferral withRouted(ReferralRouted decision) {
    return new RoutedReferral(referralId, issuingDesk, deskReference, decision, version, withdrawn);
  }

  RoutedReferral withVersion(int newVersion) {
    return new RoutedReferral(referralId, issuingDesk, deskReference, routed, Math.max(version, newVersion), withdrawn);
  }

  RoutedReferral asWithdrawn() {
    return new RoutedReferral(referralId, issuingDesk, deskReference, routed, version, true);
  }

  public boolean isRouted() {
    return routed != null;
  }

  /** The recipients of the alert (empty while not routed). */
  public List<RoutedRecipient> recipients() {
    return routed == null ? List.of() : routed.getRecipients();
  }

  /** The recipient entry of {@code deskId}, if that desk received the alert. */
  public Optional<RoutedRecipient> recipient(String deskId) {
    return recipients().stream().filter(recipient -> recipient.getDeskId().equals(deskId)).findFirst();
  }
}
