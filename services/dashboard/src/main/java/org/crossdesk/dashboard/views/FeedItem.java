package org.crossdesk.dashboard.views;

import java.time.Instant;
import java.util.List;

/**
 * One event of the live feed, reduced to what a supervisor may see: ids, kinds, desks, countries,
 * states and enumerated outcomes. Never names, dates of birth, documents, summaries, free text or
 * contact details: the feed is built field by field from an allow-list, not by trimming the event.
 *
 * @param seq position in the feed, increasing by one per event
 * @param occurredAt when the event happened (its metadata), not any date inside the referral
 * @param stream the topic family: lifecycle, responses, breaches, directory
 * @param event the event kind, e.g. {@code ReferralRouted}
 * @param state the state it puts the referral or alert in, e.g. {@code ROUTED}, {@code ACKNOWLEDGED}
 * @param referralId the referral, if any
 * @param issuingDesk the issuing desk, if known from the event
 * @param recipientDesk the recipient desk, for alert events
 * @param countries countries involved (issuer, recipients, withheld candidates), no duplicates
 * @param type referral type, if the event carries it
 * @param priority referral priority, if the event carries it
 * @param detail enumerated facts only, e.g. {@code 2 recipients, 1 withheld (NO_AGREEMENT)}
 */
public record FeedItem(
        long seq,
        Instant occurredAt,
        String stream,
        String event,
        String state,
        String referralId,
        String issuingDesk,
        String recipientDesk,
        List<String> countries,
        String type,
        String priority,
        String detail) {}
