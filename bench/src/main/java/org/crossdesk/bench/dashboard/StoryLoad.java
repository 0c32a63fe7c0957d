package org.crossdesk.bench.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.examples.ReferralStory;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.WithheldCandidate;
import org.crossdesk.events.referral.WithholdReason;
import org.crossdesk.events.response.ResponseEvent;

/**
 * Writes a realistic mix of referral lives until a given number of events is on the topics: each referral
 * is submitted and routed to 1–3 desks (some candidates withheld), then most alerts are delivered,
 * acknowledged and actioned, a few deliveries fail, some deadlines are missed, and most referrals end
 * closed or withdrawn. Submissions carry full, synthetic content (persons, warrants, routes), so record
 * sizes are those of real traffic. Deterministic for a given seed.
 */
final class StoryLoad {

    private static final String[] DESKS = {
        "FR-BNRF",
        "FR-OCRTIS",
        "DE-BKA",
        "ES-CNP",
        "IT-SCIP",
        "NL-KLPD",
        "BE-FJP",
        "PT-PJ",
        "AT-BKA",
        "TH-RTP",
        "LA-MPS",
        "VN-C04",
        "CN-MPS",
        "PL-KGP",
        "SE-NOA",
        "GB-NCA"
    };
    private static final String[] NO_AGREEMENT = {"CN", "MM", "RU", "CO", "VE", "KP"};

    private final SplittableRandom random;
    private final Instant start;
    private final Duration span;

    StoryLoad(long seed, Instant start, Duration span) {
        this.random = new SplittableRandom(seed);
        this.start = start;
        this.span = span;
    }

    /** Produces events until {@code count} have been sent; returns how many were sent (exactly {@code count}). */
    long produce(KafkaProducer<String, Object> producer, long count, String runId) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long sent = 0;
        for (long i = 0; sent < count; i++) {
            for (SpecificRecord event : story(runId + "-" + i)) {
                if (sent == count) {
                    break;
                }
                producer.send(record(event), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                sent++;
            }
            if (failure.get() != null) {
                throw new IllegalStateException("Preloading failed", failure.get());
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Preloading failed", failure.get());
        }
        return sent;
    }

    private List<SpecificRecord> story(String referralId) {
        Instant t = start.plusMillis(random.nextLong(span.toMillis()));
        String issuer = DESKS[random.nextInt(DESKS.length)];
        ReferralType type = ReferralType.values()[random.nextInt(3)];
        Priority priority = Priority.values()[random.nextInt(3)];
        ReferralStory story = ReferralStory.of(referralId, issuer, type, priority, t);
        List<SpecificRecord> events = new ArrayList<>();
        events.add(story.submitted());
        if (random.nextInt(100) < 3) {
            events.set(0, story.rejected(t.plusMillis(200)));
            return events;
        }
        List<String> recipients = new ArrayList<>();
        int wanted = 1 + random.nextInt(3);
        while (recipients.size() < wanted) {
            String desk = DESKS[random.nextInt(DESKS.length)];
            if (!desk.substring(0, 2).equals(issuer.substring(0, 2)) && !recipients.contains(desk)) {
                recipients.add(desk);
            }
        }
        List<WithheldCandidate> withheld = new ArrayList<>();
        if (random.nextInt(100) < 25) {
            withheld.add(ReferralStory.withheld(
                    NO_AGREEMENT[random.nextInt(NO_AGREEMENT.length)], WithholdReason.NO_AGREEMENT));
        }
        if (random.nextInt(100) < 10) {
            withheld.add(ReferralStory.withheld("PT", WithholdReason.EXCLUDED_BY_ISSUER));
        }
        Instant routed = t.plusMillis(100 + random.nextInt(900));
        events.add(story.routedWithheld(routed, recipients, withheld));
        for (String desk : recipients) {
            Instant at = routed.plusMillis(200 + random.nextInt(5_000));
            if (random.nextInt(100) < 4) {
                events.add(story.deliveryFailed(desk, at.plusSeconds(60)));
                continue;
            }
            events.add(story.delivered(desk, at));
            if (random.nextInt(100) < 88) {
                at = at.plusSeconds(60 + random.nextInt(4 * 3600));
                events.add(story.acknowledged(desk, at));
                if (random.nextInt(100) < 85) {
                    events.add(story.actioned(desk, at.plusSeconds(600 + random.nextInt(8 * 3600))));
                }
            } else {
                events.add(story.breached(desk, DeadlineKind.ACKNOWLEDGEMENT, at.plusSeconds(3600)));
            }
        }
        int end = random.nextInt(100);
        if (end < 60) {
            events.add(story.closed(routed.plus(Duration.ofHours(20))));
        } else if (end < 65) {
            events.add(story.withdrawn(routed.plus(Duration.ofHours(2))));
        }
        return events;
    }

    private static ProducerRecord<String, Object> record(SpecificRecord event) {
        if (event instanceof ReferralEvent e) {
            return new ProducerRecord<>(
                    Topics.REFERRALS_LIFECYCLE, e.getMetadata().getCorrelationId(), e);
        }
        if (event instanceof DeadlineBreached e) {
            return new ProducerRecord<>(Topics.DEADLINES_BREACHES, e.getReferralId(), e);
        }
        ResponseEvent e = (ResponseEvent) event;
        return new ProducerRecord<>(Topics.REFERRALS_RESPONSES, e.getMetadata().getCorrelationId(), e);
    }

    /** The dashboard's source topics, in a fixed order. */
    static List<Topic<String, ?>> topics() {
        return List.of(
                Topics.REFERRALS_LIFECYCLE_TOPIC,
                Topics.REFERRALS_RESPONSES_TOPIC,
                Topics.DEADLINES_BREACHES_TOPIC,
                Topics.DIRECTORY_DESKS_TOPIC,
                Topics.DIRECTORY_AGREEMENTS_TOPIC);
    }
}
