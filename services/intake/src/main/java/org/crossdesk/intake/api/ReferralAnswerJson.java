package org.crossdesk.intake.api;

import java.util.Map;

/**
 * Answer to a write: the referral, its status as far as this instance knows, and where to go next.
 *
 * @param referralId the referral id ({@code CD-<year>-<desk>-<partition>-<offset>})
 * @param status     ACCEPTED right after a write (Kafka has it; intake will process it within
 *                   milliseconds), or the referral's status (SUBMITTED, ROUTED, ...) for a repeat
 * @param links      {@code self} (status), and for the issuer {@code amendments} and {@code withdrawal}
 */
record ReferralAnswerJson(String referralId, String status, Map<String, String> links) {}
