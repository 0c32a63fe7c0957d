package org.crossdesk.dashboard.views;

import java.util.List;
import java.util.Map;

/**
 * Candidates routing withheld ({@code ReferralRouted.withheld}): where cooperation breaks down.
 *
 * @param noAgreement candidates withheld for want of a cooperation agreement, all pairs
 * @param noAgreementPairs per (issuing country, candidate country), the most first
 * @param byReason withheld candidates per reason (every reason listed)
 */
public record WithheldView(long noAgreement, List<CountryPair> noAgreementPairs, Map<String, Long> byReason) {

    /** {@code count} candidates in {@code candidateCountry} withheld from referrals issued in {@code issuingCountry}. */
    public record CountryPair(String issuingCountry, String candidateCountry, long count) {}
}
