package org.crossdesk.dashboard.views;

import static org.crossdesk.dashboard.views.Fields.bool;
import static org.crossdesk.dashboard.views.Fields.integer;
import static org.crossdesk.dashboard.views.Fields.kind;
import static org.crossdesk.dashboard.views.Fields.list;
import static org.crossdesk.dashboard.views.Fields.millis;
import static org.crossdesk.dashboard.views.Fields.record;
import static org.crossdesk.dashboard.views.Fields.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.crossdesk.events.Topics;

/**
 * Turns an applied event into a feed item, field by field from an allow-list: ids, kinds, desks, countries,
 * enumerated values and counts. Nothing else of the event is copied, whatever the event holds.
 */
final class FeedFormat {

    private FeedFormat() {}

    static FeedItem item(LiveFeed.Entry entry) {
        Object value = entry.value();
        return switch (entry.topic()) {
            case Topics.REFERRALS_LIFECYCLE -> lifecycle(entry.seq(), (GenericRecord) value);
            case Topics.REFERRALS_RESPONSES -> response(entry.seq(), (GenericRecord) value);
            case Topics.DEADLINES_BREACHES -> breach(entry.seq(), (GenericRecord) value);
            case Topics.DIRECTORY_DESKS -> desk(entry.seq(), entry.key(), (GenericRecord) value);
            default -> agreement(entry.seq(), entry.key(), (GenericRecord) value);
        };
    }

    private static FeedItem lifecycle(long seq, GenericRecord event) {
        Instant at = occurredAt(event);
        GenericRecord body = record(event, "event");
        String referralId = text(body, "referralId");
        switch (kind(body)) {
            case "ReferralSubmitted" -> {
                GenericRecord submission = record(body, "submission");
                String issuer = text(submission, "issuingDesk");
                int requested = list(submission, "requestedDesks").size();
                return new FeedItem(
                        seq,
                        at,
                        "lifecycle",
                        "ReferralSubmitted",
                        "SUBMITTED",
                        referralId,
                        issuer,
                        null,
                        List.of(DeskCountry.of(issuer)),
                        text(submission, "type"),
                        text(submission, "priority"),
                        requested + (requested == 1 ? " desk" : " desks") + " requested"
                                + (bool(submission, "broadcast") ? ", broadcast" : ""));
            }
            case "ReferralRejected" -> {
                String issuer = text(body, "issuingDesk");
                List<String> codes = new ArrayList<>();
                for (Object reason : list(body, "reasons")) {
                    codes.add(text((GenericRecord) reason, "code"));
                }
                return new FeedItem(
                        seq,
                        at,
                        "lifecycle",
                        "ReferralRejected",
                        "REJECTED",
                        referralId,
                        issuer,
                        null,
                        List.of(DeskCountry.of(issuer)),
                        null,
                        null,
                        String.join(", ", codes));
            }
            case "ReferralRouted" -> {
                String issuer = text(body, "issuingDesk");
                Set<String> countries = new LinkedHashSet<>();
                countries.add(DeskCountry.of(issuer));
                List<?> recipients = list(body, "recipients");
                for (Object recipient : recipients) {
                    countries.add(text((GenericRecord) recipient, "country"));
                }
                List<?> withheld = list(body, "withheld");
                Set<String> reasons = new LinkedHashSet<>();
                for (Object candidate : withheld) {
                    countries.add(text((GenericRecord) candidate, "country"));
                    reasons.add(text((GenericRecord) candidate, "reason"));
                }
                String detail = recipients.size()
                        + (recipients.size() == 1 ? " recipient" : " recipients")
                        + (withheld.isEmpty()
                                ? ""
                                : ", " + withheld.size() + " withheld (" + String.join(", ", reasons) + ")");
                return new FeedItem(
                        seq,
                        at,
                        "lifecycle",
                        "ReferralRouted",
                        "ROUTED",
                        referralId,
                        issuer,
                        null,
                        List.copyOf(countries),
                        text(body, "type"),
                        text(body, "priority"),
                        detail);
            }
            case "ReferralAmended" -> {
                GenericRecord submission = record(body, "submission");
                String issuer = text(submission, "issuingDesk");
                return new FeedItem(
                        seq,
                        at,
                        "lifecycle",
                        "ReferralAmended",
                        "AMENDED",
                        referralId,
                        issuer,
                        null,
                        List.of(DeskCountry.of(issuer)),
                        text(submission, "type"),
                        text(submission, "priority"),
                        "version " + integer(body, "version"));
            }
            case "ReferralWithdrawn" -> {
                String issuer = text(body, "issuingDesk");
                return new FeedItem(
                        seq,
                        at,
                        "lifecycle",
                        "ReferralWithdrawn",
                        "WITHDRAWN",
                        referralId,
                        issuer,
                        null,
                        List.of(DeskCountry.of(issuer)),
                        null,
                        null,
                        null);
            }
            default -> {
                return new FeedItem(
                        seq,
                        at,
                        "lifecycle",
                        "ReferralClosed",
                        "CLOSED",
                        referralId,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        text(body, "outcome"));
            }
        }
    }

    private static FeedItem response(long seq, GenericRecord event) {
        Instant at = occurredAt(event);
        GenericRecord body = record(event, "event");
        String kind = kind(body);
        String desk = text(body, "recipientDesk");
        String state;
        String detail;
        switch (kind) {
            case "AlertDelivered" -> {
                state = "DELIVERED";
                detail = text(body, "channel") + ", attempt " + integer(body, "attempts");
            }
            case "DeliveryFailed" -> {
                state = "DELIVERY_FAILED";
                detail = text(body, "channel") + ", " + integer(body, "attempts") + " attempts";
            }
            case "AlertAcknowledged" -> {
                state = "ACKNOWLEDGED";
                detail = null;
            }
            default -> {
                state = "ACTIONED";
                detail = text(body, "outcome");
            }
        }
        return new FeedItem(
                seq,
                at,
                "responses",
                kind,
                state,
                text(body, "referralId"),
                null,
                desk,
                List.of(DeskCountry.of(desk)),
                null,
                null,
                detail);
    }

    private static FeedItem breach(long seq, GenericRecord breach) {
        String issuer = text(breach, "issuingDesk");
        String desk = text(breach, "recipientDesk");
        Set<String> countries = new LinkedHashSet<>(List.of(DeskCountry.of(issuer), DeskCountry.of(desk)));
        boolean escalated = breach.get("escalatedTo") != null;
        return new FeedItem(
                seq,
                occurredAt(breach),
                "breaches",
                "DeadlineBreached",
                "BREACHED",
                text(breach, "referralId"),
                issuer,
                desk,
                List.copyOf(countries),
                null,
                text(breach, "priority"),
                text(breach, "kind") + " deadline missed" + (escalated ? ", escalated" : ""));
    }

    private static FeedItem desk(long seq, String key, GenericRecord profile) {
        if (profile == null) {
            return new FeedItem(
                    seq,
                    null,
                    "directory",
                    "DeskProfile",
                    "DESK_REMOVED",
                    null,
                    null,
                    null,
                    List.of(DeskCountry.of(key)),
                    null,
                    null,
                    key);
        }
        return new FeedItem(
                seq,
                Instant.ofEpochMilli(millis(profile, "updatedAt")),
                "directory",
                "DeskProfile",
                bool(profile, "active") ? "ACTIVE" : "INACTIVE",
                null,
                null,
                null,
                List.of(text(profile, "country")),
                null,
                null,
                key);
    }

    private static FeedItem agreement(long seq, String key, GenericRecord agreement) {
        String state = agreement == null ? "AGREEMENT_REMOVED" : bool(agreement, "active") ? "ACTIVE" : "INACTIVE";
        return new FeedItem(
                seq, null, "directory", "CooperationAgreement", state, null, null, null, List.of(), null, null, key);
    }

    private static Instant occurredAt(GenericRecord event) {
        return Instant.ofEpochMilli(millis(record(event, "metadata"), "occurredAt"));
    }
}
