package org.crossdesk.intake.gateway;

import org.crossdesk.intake.cases.ReferralStatus;

/**
 * The gateway's answer to a write.
 *
 * @param referralId the referral concerned
 * @param status     the referral's status as far as this instance knows ({@code ACCEPTED} right after a write)
 * @param written    true if this request wrote to the outbox (HTTP 202), false if it was answered from what
 *                   is already known (an idempotent repeat: HTTP 200)
 */
public record Answer(String referralId, ReferralStatus status, boolean written) {}
