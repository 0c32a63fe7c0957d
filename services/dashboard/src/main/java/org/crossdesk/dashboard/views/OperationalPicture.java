package org.crossdesk.dashboard.views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.referral.ReferralAmended;
import org.crossdesk.events.referral.ReferralClosed;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRejected;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.referral.RejectionReason;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.referral.WithheldCandidate;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.AlertDelivered;
import org.crossdesk.events.response.DeliveryFailed;
import org.crossdesk.events.response.ResponseEvent;

/**
 * The dashboard's operational picture: every view, built only from topic values applied one by one in
 * each partition's order, so it can be rebuilt at any time by replaying the topics from the start.
 *
 * <p>Thread-safe: one thread applies events while others take views; each call holds the picture's
 * lock for its duration, so a view never shows half an event.
 */
public final class OperationalPicture {

  /** Hours of the hourly series, by default. */
  public static final int DEFAULT_HOURS = 48;
  /** Days of the daily series, by default. */
  public static final int DEFAULT_DAYS = 30;

  private static final String LIFECYCLE = "lifecycle";
  private static final String RESPONSES = "responses";
  private static final String BREACHES = "breaches";
  private static final String DIRECTORY = "directory";

  private final Clock clock;
  private final ReferralVolumes volumes = new ReferralVolumes();
  private final ResponseTimes times = new ResponseTimes();
  private final AlertTracker alerts = new AlertTracker(times);
  private final DeadlineBreaches breaches = new DeadlineBreaches();
  private final WithheldCandidates withheld = new WithheldCandidates();
  private final DeskDirectory directory = new DeskDirectory();
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
    this.feed = new LiveFeed(feedCapacity);
  }

  /** The topics the picture is built from, all read from their start. */
  public static List<String> sourceTopics() {
    return List.of(Topics.REFERRALS_LIFECYCLE, Topics.REFERRALS_RESPONSES, Topics.DEADLINES_BREACHES,
        Topics.DIRECTORY_DESKS, Topics.DIRECTORY_AGREEMENTS);
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
      case Topics.DIRECTORY_DESKS -> desk(key, value == null ? null : as(DeskProfile.class, topic, value));
      case Topics.DIRECTORY_AGREEMENTS -> agreement(key, value == null ? null : as(CooperationAgreement.class, topic, value));
      default -> throw new IllegalArgumentException("The dashboard does not read topic '" + topic + "'");
    }
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

  public synchronized DirectoryView directory() {
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
    return new PictureSnapshot(now, applied, unusable, volumes.view(seriesEnd(), DEFAULT_HOURS, DEFAULT_DAYS),
        alerts.view(now), times.view(), breaches.view(), withheld.view(), directory.view(), feed.latest(feedLimit));
  }

  // ---------------------------------------------------------------- lifecycle

  private void lifecycle(ReferralEvent event) {
    EventMetadata metadata = event.getMetadata();
    long at = metadata.getOccurredAt().toEpochMilli();
    seen(at);
    Object body = event.getEvent();
    if (body instanceof ReferralSubmitted submitted) {
      ReferralSubmission submission = submitted.getSubmission();
      String issuer = submission.getIssuingDesk();
      volumes.submitted(submission.getType(), submission.getPriority(), DeskCountry.of(issuer), at);
      feed(metadata, LIFECYCLE, "ReferralSubmitted", "SUBMITTED", submitted.getReferralId(), issuer, null,
          List.of(DeskCountry.of(issuer)), submission.getType().name(), submission.getPriority().name(),
          submission.getRequestedDesks().size() + " desks requested" + (submission.getBroadcast() ? ", broadcast" : ""));
    } else if (body instanceof ReferralRejected rejected) {
      volumes.rejected();
      List<String> codes = new ArrayList<>();
      for (RejectionReason reason : rejected.getReasons()) {
        codes.add(reason.getCode());
      }
      feed(metadata, LIFECYCLE, "ReferralRejected", "REJECTED", rejected.getReferralId(), rejected.getIssuingDesk(),
          null, List.of(DeskCountry.of(rejected.getIssuingDesk())), null, null, String.join(", ", codes));
    } else if (body instanceof ReferralRouted routed) {
      routed(metadata, routed, at);
    } else if (body instanceof ReferralAmended amended) {
      volumes.amended();
      ReferralSubmission submission = amended.getSubmission();
      feed(metadata, LIFECYCLE, "ReferralAmended", "AMENDED", amended.getReferralId(), submission.getIssuingDesk(),
          null, List.of(DeskCountry.of(submission.getIssuingDesk())), submission.getType().name(),
          submission.getPriority().name(), "version " + amended.getVersion());
    } else if (body instanceof ReferralWithdrawn withdrawn) {
      volumes.withdrawn();
      alerts.ended(withdrawn.getReferralId(), at);
      feed(metadata, LIFECYCLE, "ReferralWithdrawn", "WITHDRAWN", withdrawn.getReferralId(), withdrawn.getIssuingDesk(),
          null, List.of(DeskCountry.of(withdrawn.getIssuingDesk())), null, null, null);
    } else if (body instanceof ReferralClosed closed) {
      volumes.closed();
      alerts.ended(closed.getReferralId(), at);
      feed(metadata, LIFECYCLE, "ReferralClosed", "CLOSED", closed.getReferralId(), null, null, List.of(), null, null,
          closed.getOutcome().name());
    } else {
      throw new IllegalArgumentException("Unknown lifecycle event " + typeName(body));
    }
  }

  private void routed(EventMetadata metadata, ReferralRouted routed, long at) {
    volumes.routed();
    String issuerCountry = DeskCountry.of(routed.getIssuingDesk());
    Set<String> countries = new LinkedHashSet<>();
    countries.add(issuerCountry);
    List<String> recipients = new ArrayList<>(routed.getRecipients().size());
    for (RoutedRecipient recipient : routed.getRecipients()) {
      recipients.add(recipient.getDeskId());
      countries.add(recipient.getCountry());
    }
    Set<String> reasons = new LinkedHashSet<>();
    for (WithheldCandidate candidate : routed.getWithheld()) {
      withheld.withheld(issuerCountry, candidate.getCountry(), candidate.getReason());
      countries.add(candidate.getCountry());
      reasons.add(candidate.getReason().name());
    }
    alerts.routed(routed.getReferralId(), routed.getPriority(), recipients, at);
    String detail = recipients.size() + (recipients.size() == 1 ? " recipient" : " recipients")
        + (routed.getWithheld().isEmpty() ? "" : ", " + routed.getWithheld().size() + " withheld ("
            + String.join(", ", reasons) + ")");
    feed(metadata, LIFECYCLE, "ReferralRouted", "ROUTED", routed.getReferralId(), routed.getIssuingDesk(), null,
        List.copyOf(countries), routed.getType().name(), routed.getPriority().name(), detail);
  }

  // ---------------------------------------------------------------- responses

  private void response(ResponseEvent event) {
    EventMetadata metadata = event.getMetadata();
    long at = metadata.getOccurredAt().toEpochMilli();
    seen(at);
    Object body = event.getEvent();
    if (body instanceof AlertDelivered delivered) {
      alerts.delivered(delivered.getReferralId(), delivered.getRecipientDesk(), delivered.getDeliveredAt().toEpochMilli(), at);
      alertFeed(metadata, "AlertDelivered", "DELIVERED", delivered.getReferralId(), delivered.getRecipientDesk(),
          delivered.getChannel().name() + ", attempt " + delivered.getAttempts());
    } else if (body instanceof DeliveryFailed failed) {
      alerts.deliveryFailed(failed.getRecipientDesk());
      alertFeed(metadata, "DeliveryFailed", "DELIVERY_FAILED", failed.getReferralId(), failed.getRecipientDesk(),
          failed.getChannel().name() + ", " + failed.getAttempts() + " attempts");
    } else if (body instanceof AlertAcknowledged acknowledged) {
      alerts.acknowledged(acknowledged.getReferralId(), acknowledged.getRecipientDesk(),
          acknowledged.getAcknowledgedAt().toEpochMilli(), at);
      alertFeed(metadata, "AlertAcknowledged", "ACKNOWLEDGED", acknowledged.getReferralId(),
          acknowledged.getRecipientDesk(), null);
    } else if (body instanceof AlertActioned actioned) {
      alerts.actioned(actioned.getReferralId(), actioned.getRecipientDesk(), at);
      alertFeed(metadata, "AlertActioned", "ACTIONED", actioned.getReferralId(), actioned.getRecipientDesk(),
          actioned.getOutcome().name());
    } else {
      throw new IllegalArgumentException("Unknown response event " + typeName(body));
    }
  }

  private void alertFeed(EventMetadata metadata, String event, String state, String referralId, String recipientDesk,
      String detail) {
    feed(metadata, RESPONSES, event, state, referralId, null, recipientDesk, List.of(DeskCountry.of(recipientDesk)),
        null, null, detail);
  }

  // ---------------------------------------------------------------- breaches and directory

  private void breach(DeadlineBreached breach) {
    seen(breach.getMetadata().getOccurredAt().toEpochMilli());
    boolean escalated = breach.getEscalatedTo() != null;
    breaches.breached(breach.getRecipientDesk(), breach.getKind(), breach.getPriority(), escalated);
    Set<String> countries = new LinkedHashSet<>(List.of(DeskCountry.of(breach.getIssuingDesk()),
        DeskCountry.of(breach.getRecipientDesk())));
    feed(breach.getMetadata(), BREACHES, "DeadlineBreached", "BREACHED", breach.getReferralId(), breach.getIssuingDesk(),
        breach.getRecipientDesk(), List.copyOf(countries), null, breach.getPriority().name(),
        breach.getKind().name() + " deadline missed" + (escalated ? ", escalated" : ""));
  }

  private void desk(String key, DeskProfile profile) {
    directory.desk(key, profile);
    Instant at = profile == null ? null : profile.getUpdatedAt();
    feed(at, DIRECTORY, "DeskProfile", profile == null ? "DESK_REMOVED" : profile.getActive() ? "ACTIVE" : "INACTIVE",
        null, null, null, profile == null ? List.of(DeskCountry.of(key)) : List.of(profile.getCountry()), null, null,
        key);
  }

  private void agreement(String key, CooperationAgreement agreement) {
    directory.agreement(key, agreement);
    feed((Instant) null, DIRECTORY, "CooperationAgreement",
        agreement == null ? "AGREEMENT_REMOVED" : agreement.getActive() ? "ACTIVE" : "INACTIVE",
        null, null, null, List.of(), null, null, key);
  }

  // ---------------------------------------------------------------- plumbing

  private void feed(EventMetadata metadata, String stream, String event, String state, String referralId,
      String issuingDesk, String recipientDesk, List<String> countries, String type, String priority, String detail) {
    feed(metadata.getOccurredAt(), stream, event, state, referralId, issuingDesk, recipientDesk, countries, type,
        priority, detail);
  }

  private void feed(Instant occurredAt, String stream, String event, String state, String referralId,
      String issuingDesk, String recipientDesk, List<String> countries, String type, String priority, String detail) {
    feed.add(new FeedItem(feed.nextSeq(), occurredAt, stream, event, state, referralId, issuingDesk, recipientDesk,
        countries, type, priority, detail));
  }

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

  private static <T> T as(Class<T> type, String topic, Object value) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException("Topic '" + topic + "' carries " + type.getSimpleName() + ", not "
          + typeName(value));
    }
    return type.cast(value);
  }

  private static String typeName(Object value) {
    return value == null ? "a tombstone" : value.getClass().getName();
  }
}
