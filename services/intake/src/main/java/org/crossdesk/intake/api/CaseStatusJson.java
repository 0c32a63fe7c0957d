package org.crossdesk.intake.api;

import java.time.Instant;
import java.util.List;
import org.crossdesk.intake.cases.CaseStatus;

/**
 * {@code GET /api/v1/referrals/{id}}: the referral's lifecycle status and each recipient's progress. No
 * content and no personal data: those are in the alert the recipient received.
 */
record CaseStatusJson(
        String referralId,
        String issuingDesk,
        String deskReference,
        String type,
        String priority,
        String status,
        int version,
        Instant submittedAt,
        Instant routedAt,
        Instant endedAt,
        List<RecipientJson> recipients,
        List<WithheldJson> withheld) {

    /**
     * One recipient desk.
     *
     * @param state ROUTED, DELIVERY_FAILED, DELIVERED, BREACHED, ACKNOWLEDGED or ACTIONED
     */
    record RecipientJson(
            String desk,
            String alertId,
            String country,
            String state,
            Instant ackDueAt,
            Instant responseDueAt,
            Instant deliveredAt,
            Instant acknowledgedAt,
            Instant actionedAt,
            String outcome,
            List<String> breaches) {}

    /** A candidate routing withheld, e.g. for lack of a cooperation agreement. */
    record WithheldJson(String desk, String country, String reason) {}

    static CaseStatusJson of(CaseStatus status) {
        return new CaseStatusJson(
                status.referralId(),
                status.issuingDesk(),
                status.deskReference(),
                name(status.type()),
                name(status.priority()),
                name(status.status()),
                status.version(),
                status.submittedAt(),
                status.routedAt(),
                status.endedAt(),
                status.recipients().stream()
                        .map(r -> new RecipientJson(
                                r.desk(),
                                status.referralId() + "/" + r.desk(),
                                r.country(),
                                name(r.state()),
                                r.ackDueAt(),
                                r.responseDueAt(),
                                r.deliveredAt(),
                                r.acknowledgedAt(),
                                r.actionedAt(),
                                r.outcome(),
                                r.breaches()))
                        .toList(),
                status.withheld().stream()
                        .map(w -> new WithheldJson(w.desk(), w.country(), w.reason()))
                        .toList());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
