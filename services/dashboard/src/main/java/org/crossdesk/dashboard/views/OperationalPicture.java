package org.crossdesk.dashboard.views;

import static org.crossdesk.dashboard.views.Fields.kind;
import static org.crossdesk.dashboard.views.Fields.list;
import static org.crossdesk.dashboard.views.Fields.millis;
import static org.crossdesk.dashboard.views.Fields.record;
import static org.crossdesk.dashboard.views.Fields.symbol;
import static org.crossdesk.dashboard.views.Fields.text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.WithholdReason;
import org.crossdesk.events.response.ResponseEvent;

/**
 * The dashboard's operational picture: every view, built only from topic values applied one by one in
 * each partition's order, so it can be rebuilt at any time by replaying the topics from the start.
 *
 * <p>Values are records of the topics' value types: the replay's projections ({@link ViewSchemas}, which
 * leave out everything the views do not use, personal data included) or the generated classes.
 *
 * <p>Thread-safe: one thread applies events while others take views; each call holds the picture's
 * lock for its duration, so a view never shows half an event.
 */
public final class OperationalPicture {

    /** Hours of the hourly series, by default. */
    public static final int DEFAULT_HOURS = 48;
    /** Days of the daily series, by default. */
    public static final int DEFAULT_DAYS = 30;

    private final Clock clock;
    private final ReferralVolumes volumes = new ReferralVolumes();
    private final ResponseTimes times = new ResponseTimes();
    private final AlertTracker alerts = new AlertTracker(times);
    private final DeadlineBreaches breaches = new DeadlineBreaches();
    private final WithheldCandidates withheld = new WithheldCandidates();
    private final DirectoryProjection directory = new DirectoryProjection();
    private final LiveFeed feed;
    private long applied;
    private long unusable;
    private long latestEventAt = Long.MIN_VALUE;

    /**
     * @param clock what "now" is, for ages of open alerts and the end of the time series
     * @param feedCapacity how many recent events the live feed keeps
     */
    public OperationalPicture(Clock clock, int feedCapacity) {
        this.clock = clock;
        this.feed = new LiveFeed(feedCapacity, FeedFormat::item);
    }

    /** The topics the picture is built from, all read from their start. */
    public static List<String> sourceTopics() {
        return List.of(
                Topics.REFERRALS_LIFECYCLE,
                Topics.REFERRALS_RESPONSES,
                Topics.DEADLINES_BREACHES,
                Topics.DIRECTORY_DESKS,
                Topics.DIRECTORY_AGREEMENTS);
    }

    /**
     * Applies one record of one of the {@link #sourceTopics()}.
     *
     * @param value the decoded value; {@code null} is a tombstone, meaningful on the compacted directory topics only
     * @throws IllegalArgumentException if the topic is not a source topic or the value is not its value type;
     *     the picture is unchanged then
     */
    public synchronized void apply(String topic, String key, Object value) {
        switch (topic) {
            case Topics.REFERRALS_LIFECYCLE -> lifecycle(as(ReferralEvent.class, topic, value));
            case Topics.REFERRALS_RESPONSES -> response(as(ResponseEvent.class, topic, value));
            case Topics.DEADLINES_BREACHES -> breach(as(DeadlineBreached.class, topic, value));
            case Topics.DIRECTORY_DESKS ->
                directory.desk(key, value == null ? null : as(DeskProfile.class, topic, value));
            case Topics.DIRECTORY_AGREEMENTS ->
                directory.agreement(key, value == null ? null : as(CooperationAgreement.class, topic, value));
            default -> throw new IllegalArgumentException("The dashboard does not read topic '" + topic + "'");
        }
        feed.add(topic, key, value);
        applied++;
    }

    /** Counts a record that could not be decoded or applied; the picture itself is unchanged. */
    public synchronized void unusable() {
        unusable++;
    }

    /** Events applied so far: the picture's version; any change to a view changes it. */
    public synchronized long applied() {
        return applied;
    }

    /** Records that could not be applied. */
    public synchronized long unusableCount() {
        return unusable;
    }

    /**
     * Forgets finished referrals older than {@code grace} of event time. Call it only once caught up with
     * every topic (see {@link AlertTracker#sweep}).
     */
    public synchronized int sweep(Duration grace) {
        return alerts.sweep(grace.toMillis());
    }

    /** Referrals with alerts being followed (memory monitoring). */
    public synchronized int trackedReferrals() {
        return alerts.tracked();
    }

    public synchronized VolumesView volumes(int hours, int days) {
        return volumes.view(seriesEnd(), hours, days);
    }

    public synchronized OpenAlertsView openAlerts() {
        return alerts.view(clock.instant());
    }

    public synchronized ResponseTimesView responseTimes() {
        return times.view();
    }

    public synchronized BreachesView breaches() {
        return breaches.view();
    }

    public synchronized WithheldView withheld() {
        return withheld.view();
    }

    public synchronized DirectorySnapshot directory() {
        return directory.view();
    }

    /** The newest {@code limit} feed items, newest first. */
    public synchronized List<FeedItem> feed(int limit) {
        return feed.latest(limit);
    }

    /** Feed items after {@code seq} still held, oldest first. */
    public synchronized List<FeedItem> feedAfter(long seq) {
        return feed.after(seq);
    }

    /** Every view at once, mutually consistent. */
    public synchronized PictureSnapshot snapshot(int feedLimit) {
        Instant now = clock.instant();
        return new PictureSnapshot(
                now,
                applied,
                unusable,
                volumes.view(seriesEnd(), DEFAULT_HOURS, DEFAULT_DAYS),
                alerts.view(now),
                times.view(),
                breaches.view(),
                withheld.view(),
                directory.view(),
                feed.latest(feedLimit));
    }

    // ---------------------------------------------------------------- lifecycle

    private void lifecycle(GenericRecord event) {
        long at = millis(record(event, "metadata"), "occurredAt");
        seen(at);
        GenericRecord body = record(event, "event");
        switch (kind(body)) {
            case "ReferralSubmitted" -> {
                GenericRecord submission = record(body, "submission");
                volumes.submitted(
                        symbol(submission, "type", ReferralType.class),
                        symbol(submission, "priority", Priority.class),
                        DeskCountry.of(text(submission, "issuingDesk")),
                        at);
            }
            case "ReferralRejected" -> volumes.rejected();
            case "ReferralRouted" -> routed(body, at);
            case "ReferralAmended" -> volumes.amended();
            case "ReferralWithdrawn" -> {
                volumes.withdrawn();
                alerts.ended(text(body, "referralId"), at);
            }
            case "ReferralClosed" -> {
                volumes.closed();
                alerts.ended(text(body, "referralId"), at);
            }
            default ->
                throw new IllegalArgumentException(
                        "Unknown lifecycle event " + body.getSchema().getFullName());
        }
    }

    private void routed(GenericRecord routed, long at) {
        String issuerCountry = DeskCountry.of(text(routed, "issuingDesk"));
        List<?> recipients = list(routed, "recipients");
        List<String> desks = new ArrayList<>(recipients.size());
        for (Object recipient : recipients) {
            desks.add(text((GenericRecord) recipient, "deskId"));
        }
        for (Object candidate : list(routed, "withheld")) {
            GenericRecord withheldCandidate = (GenericRecord) candidate;
            withheld.withheld(
                    issuerCountry,
                    text(withheldCandidate, "country"),
                    symbol(withheldCandidate, "reason", WithholdReason.class));
        }
        volumes.routed();
        alerts.routed(text(routed, "referralId"), symbol(routed, "priority", Priority.class), desks, at);
    }

    // ---------------------------------------------------------------- responses

    private void response(GenericRecord event) {
        long at = millis(record(event, "metadata"), "occurredAt");
        seen(at);
        GenericRecord body = record(event, "event");
        String referralId = text(body, "referralId");
        String desk = text(body, "recipientDesk");
        switch (kind(body)) {
            case "AlertDelivered" -> alerts.delivered(referralId, desk, millis(body, "deliveredAt"), at);
            case "DeliveryFailed" -> alerts.deliveryFailed(desk);
            case "AlertAcknowledged" -> alerts.acknowledged(referralId, desk, millis(body, "acknowledgedAt"), at);
            case "AlertActioned" -> alerts.actioned(referralId, desk, at);
            default ->
                throw new IllegalArgumentException(
                        "Unknown response event " + body.getSchema().getFullName());
        }
    }

    // ---------------------------------------------------------------- breaches and directory

    private void breach(GenericRecord breach) {
        seen(millis(record(breach, "metadata"), "occurredAt"));
        breaches.breached(
                text(breach, "recipientDesk"),
                symbol(breach, "kind", DeadlineKind.class),
                symbol(breach, "priority", Priority.class),
                breach.get("escalatedTo") != null);
    }

    // ---------------------------------------------------------------- plumbing

    private void seen(long at) {
        if (at > latestEventAt) {
            latestEventAt = at;
        }
    }

    /** The series end now, or at the newest event if a producer's clock runs ahead of ours. */
    private Instant seriesEnd() {
        Instant now = clock.instant();
        return latestEventAt > now.toEpochMilli() ? Instant.ofEpochMilli(latestEventAt) : now;
    }

    /**
     * The value as a record of {@code type}'s schema: the generated class itself, or a generic record of the
     * same full name (the replay's projection).
     */
    private static GenericRecord as(Class<? extends SpecificRecord> type, String topic, Object value) {
        if (value instanceof GenericRecord record
                && record.getSchema().getFullName().equals(type.getName())) {
            return record;
        }
        throw new IllegalArgumentException("Topic '" + topic + "' carries " + type.getSimpleName() + ", not "
                + (value == null
                        ? "a tombstone"
                        : value instanceof GenericRecord record
                                ? record.getSchema().getFullName()
                                : value.getClass().getName()));
    }
}
