package org.crossdesk.dashboard.views;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How many referrals entered the system, by type, priority and issuing country, per hour and per day,
 * and how many reached each lifecycle step.
 *
 * @param submitted referrals accepted by intake ({@code ReferralSubmitted})
 * @param rejected submissions rejected by intake
 * @param routed referrals routed to their recipients
 * @param amended amendments
 * @param withdrawn withdrawals by the issuer
 * @param closed closures
 * @param byType submitted referrals per referral type (every type listed, zeros included)
 * @param byPriority submitted referrals per priority (every priority listed, zeros included)
 * @param byIssuingCountry submitted referrals per issuing country (ISO 3166-1 alpha-2), largest first
 * @param lastHours submitted referrals per UTC hour, the last {@code hours} hours, oldest first
 * @param lastDays submitted referrals per UTC day, the last {@code days} days, oldest first
 */
public record VolumesView(
        long submitted,
        long rejected,
        long routed,
        long amended,
        long withdrawn,
        long closed,
        Map<String, Long> byType,
        Map<String, Long> byPriority,
        Map<String, Long> byIssuingCountry,
        List<Bucket> lastHours,
        List<Bucket> lastDays) {

    /** Referrals submitted in the period starting at {@code start}. */
    public record Bucket(Instant start, long count) {}
}
