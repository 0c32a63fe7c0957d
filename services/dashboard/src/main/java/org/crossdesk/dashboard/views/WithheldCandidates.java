package org.crossdesk.dashboard.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossdesk.events.referral.WithholdReason;

/** Counts of withheld routing candidates, by reason, and for NO_AGREEMENT by country pair. */
final class WithheldCandidates {

    private final long[] byReason = new long[WithholdReason.values().length];
    private final Map<String, long[]> noAgreementPairs = new HashMap<>();
    private long noAgreement;

    void withheld(String issuingCountry, String candidateCountry, WithholdReason reason) {
        byReason[reason.ordinal()]++;
        if (reason == WithholdReason.NO_AGREEMENT) {
            noAgreement++;
            noAgreementPairs.computeIfAbsent(issuingCountry + "\u0000" + candidateCountry, p -> new long[1])[0]++;
        }
    }

    WithheldView view() {
        List<WithheldView.CountryPair> pairs = new ArrayList<>(noAgreementPairs.size());
        noAgreementPairs.forEach((pair, n) -> {
            int at = pair.indexOf('\u0000');
            pairs.add(new WithheldView.CountryPair(pair.substring(0, at), pair.substring(at + 1), n[0]));
        });
        pairs.sort(Comparator.comparingLong(WithheldView.CountryPair::count)
                .reversed()
                .thenComparing(WithheldView.CountryPair::issuingCountry)
                .thenComparing(WithheldView.CountryPair::candidateCountry));
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (WithholdReason reason : WithholdReason.values()) {
            reasons.put(reason.name(), byReason[reason.ordinal()]);
        }
        return new WithheldView(noAgreement, pairs, reasons);
    }
}
