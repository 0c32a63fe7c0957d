package org.crossdesk.dashboard.views;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.events.Topics;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.response.ResponseEvent;

/** Feeds topic values to a picture the way the replay consumer does: each on the topic that carries its type. */
final class Replay {

  private Replay() {
  }

  static OperationalPicture pictureAt(Instant now) {
    return new OperationalPicture(Clock.fixed(now, ZoneOffset.UTC), 50);
  }

  static void apply(OperationalPicture picture, SpecificRecord... events) {
    for (SpecificRecord event : events) {
      if (event instanceof ReferralEvent e) {
        picture.apply(Topics.REFERRALS_LIFECYCLE, e.getMetadata().getCorrelationId(), e);
      } else if (event instanceof ResponseEvent e) {
        picture.apply(Topics.REFERRALS_RESPONSES, e.getMetadata().getCorrelationId(), e);
      } else if (event instanceof DeadlineBreached e) {
        picture.apply(Topics.DEADLINES_BREACHES, e.getReferralId(), e);
      } else if (event instanceof DeskProfile e) {
        picture.apply(Topics.DIRECTORY_DESKS, e.getDeskId(), e);
      } else if (event instanceof CooperationAgreement e) {
        picture.apply(Topics.DIRECTORY_AGREEMENTS, e.getAgreementId(), e);
      } else {
        throw new IllegalArgumentException("No dashboard topic carries " + event.getClass());
      }
    }
  }
}
