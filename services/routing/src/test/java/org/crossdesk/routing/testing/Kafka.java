package org.crossdesk.routing.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.testsupport.CrossdeskEvents;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.RegistryFixture;

/** Test access to the shared broker with Crossdesk's own client settings: write as intake would, read as desks do. */
public final class Kafka {

    private static KafkaProducer<String, Object> producer;

    private Kafka() {}

    public static KafkaClientSettings settings() {
        return KafkaClientSettings.of(KafkaFixture.bootstrapServers(), RegistryFixture.url());
    }

    /** Writes a lifecycle event as intake does; returns once Kafka has it. */
    public static void lifecycle(String referralId, Object event) {
        CrossdeskEvents.send(
                Topics.REFERRALS_LIFECYCLE,
                referralId,
                ReferralEvent.newBuilder()
                        .setMetadata(metadata(referralId))
                        .setEvent(event)
                        .build());
    }

    /** Writes a response event as intake or notifications do. */
    public static void response(String referralId, Object event) {
        CrossdeskEvents.send(
                Topics.REFERRALS_RESPONSES,
                referralId,
                ResponseEvent.newBuilder()
                        .setMetadata(metadata(referralId))
                        .setEvent(event)
                        .build());
    }

    public static void submitted(String referralId, ReferralSubmission submission) {
        lifecycle(
                referralId,
                ReferralSubmitted.newBuilder()
                        .setReferralId(referralId)
                        .setSubmission(submission)
                        .setReceivedFromTopic(Topics.deskOutboxName(submission.getIssuingDesk()))
                        .build());
    }

    /** A referral id no other test uses. */
    public static String newReferralId() {
        return "CD-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static EventMetadata metadata(String referralId) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setProducer("intake")
                .setCorrelationId(referralId)
                .setCausationId(null)
                .build();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
