package org.crossdesk.dashboard.views;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.dashboard.replay.ProjectingDeserializer;
import org.crossdesk.dashboard.testing.Wire;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.response.ResponseEvent;

/**
 * Feeds events to a picture the way the replay does: each encoded on the topic that carries its type, in the
 * wire format, and decoded into the views' projection; keys as the producers set them.
 */
final class Replay {

    private Replay() {}

    static OperationalPicture pictureAt(Instant now) {
        return new OperationalPicture(Clock.fixed(now, ZoneOffset.UTC), 50);
    }

    static void apply(OperationalPicture picture, SpecificRecord... events) {
        ProjectingDeserializer values = new ProjectingDeserializer(Wire::writerSchema);
        for (SpecificRecord event : events) {
            String topic = Wire.topicOf(event);
            picture.apply(topic, keyOf(event), values.deserialize(topic, Wire.frame(event)));
        }
    }

    static String keyOf(SpecificRecord event) {
        if (event instanceof ReferralEvent e) {
            return e.getMetadata().getCorrelationId();
        } else if (event instanceof ResponseEvent e) {
            return e.getMetadata().getCorrelationId();
        } else if (event instanceof DeadlineBreached e) {
            return e.getReferralId();
        } else if (event instanceof DeskProfile e) {
            return e.getDeskId();
        } else if (event instanceof CooperationAgreement e) {
            return e.getAgreementId();
        }
        throw new IllegalArgumentException("No dashboard topic carries " + event.getClass());
    }
}
