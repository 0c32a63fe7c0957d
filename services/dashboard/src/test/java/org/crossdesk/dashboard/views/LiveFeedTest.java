package org.crossdesk.dashboard.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossdesk.dashboard.views.Replay.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.Person;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.examples.ReferralStory;
import org.crossdesk.events.referral.ReferralSubmission;
import org.junit.jupiter.api.Test;

class LiveFeedTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");

    @Test
    void showsIdsKindsDesksCountriesAndStatesOfEachEvent() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        ReferralStory story =
                ReferralStory.of("CD-9", "TH-RTP", ReferralType.DRUG_TRAFFICKING, Priority.IMMEDIATE, NOW);

        apply(
                picture,
                story.submitted(),
                story.routed(NOW.plusSeconds(1), List.of("LA-MPS", "VN-C04"), List.of("CN")),
                story.delivered("LA-MPS", NOW.plusSeconds(2)));

        List<FeedItem> feed = picture.feed(10);
        assertThat(feed).extracting(FeedItem::seq).containsExactly(3L, 2L, 1L);
        assertThat(feed).extracting(FeedItem::state).containsExactly("DELIVERED", "ROUTED", "SUBMITTED");
        FeedItem routed = feed.get(1);
        assertThat(routed.event()).isEqualTo("ReferralRouted");
        assertThat(routed.stream()).isEqualTo("lifecycle");
        assertThat(routed.referralId()).isEqualTo("CD-9");
        assertThat(routed.issuingDesk()).isEqualTo("TH-RTP");
        assertThat(routed.countries()).containsExactly("TH", "LA", "VN", "CN");
        assertThat(routed.type()).isEqualTo("DRUG_TRAFFICKING");
        assertThat(routed.priority()).isEqualTo("IMMEDIATE");
        assertThat(routed.detail()).isEqualTo("2 recipients, 1 withheld (NO_AGREEMENT)");
        assertThat(routed.occurredAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(feed.get(0).recipientDesk()).isEqualTo("LA-MPS");
        assertThat(feed.get(0).countries()).containsExactly("LA");
    }

    @Test
    void neverCarriesPersonalDataOrFreeText() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        List<SpecificRecord> everything = new ArrayList<>(ExampleEvents.allTopLevelEvents());
        // Every example the dashboard's topics carry.
        everything.removeIf(e -> !OperationalPicture.sourceTopics().stream()
                .anyMatch(topic -> ViewSchemas.forTopic(topic)
                        .getFullName()
                        .equals(e.getSchema().getFullName())));
        assertThat(everything).hasSizeGreaterThanOrEqualTo(13);

        apply(picture, everything.toArray(SpecificRecord[]::new));

        String feed = picture.feed(100).toString();
        assertThat(picture.feed(100)).hasSize(everything.size());
        List<String> personal = new ArrayList<>();
        for (ReferralSubmission submission :
                List.of(ExampleEvents.fugitiveSubmission(), ExampleEvents.amendedSubmission())) {
            personal.add(submission.getSummary());
            personal.add(submission.getPurpose());
            personal.add(submission.getHandling().getCaveat());
            personal.add(submission.getDeskReference());
            for (Person person : submission.getSubjects()) {
                personal.addAll(strings(person));
            }
        }
        personal.addAll(strings(ExampleEvents.warrant()));
        personal.addAll(strings(ExampleEvents.deskProfile().getEscalationContact()));
        personal.addAll(List.of(
                ExampleEvents.fugitive().getDateOfBirth().toString(),
                ExampleEvents.alertAcknowledged().getAcknowledgedBy(),
                ExampleEvents.alertAcknowledged().getNote(),
                ExampleEvents.alertActioned().getDetails(),
                ExampleEvents.deliveryFailed().getLastError(),
                ExampleEvents.referralWithdrawn().getReason(),
                ExampleEvents.referralWithdrawn().getWithdrawnBy(),
                ExampleEvents.referralAmended().getReason(),
                ExampleEvents.rejectionReason().getMessage(),
                ExampleEvents.deadlineBreached().getEscalatedTo(),
                ExampleEvents.withheldCandidate().getDetail()));

        assertThat(personal).hasSizeGreaterThan(30);
        assertThat(personal).allSatisfy(text -> assertThat(feed).doesNotContain(text));
    }

    @Test
    void keepsOnlyTheNewestItemsAndServesThoseAfterASequenceNumber() {
        OperationalPicture picture = new OperationalPicture(Clock.systemUTC(), 3);
        for (int i = 1; i <= 5; i++) {
            apply(
                    picture,
                    ReferralStory.of("CD-" + i, "FR-BNRF", ReferralType.FUGITIVE, Priority.URGENT, NOW)
                            .submitted());
        }

        assertThat(picture.feed(10)).extracting(FeedItem::referralId).containsExactly("CD-5", "CD-4", "CD-3");
        assertThat(picture.feed(2)).extracting(FeedItem::referralId).containsExactly("CD-5", "CD-4");
        assertThat(picture.feedAfter(3)).extracting(FeedItem::seq).containsExactly(4L, 5L);
        // Items 1 and 2 fell off the ring: a client that far behind gets what is left.
        assertThat(picture.feedAfter(0)).extracting(FeedItem::seq).containsExactly(3L, 4L, 5L);
        assertThat(picture.feedAfter(5)).isEmpty();
    }

    @Test
    void rejectsValuesOfTheWrongTypeAndTopicsItDoesNotReadWithoutChangingAnything() {
        OperationalPicture picture = Replay.pictureAt(NOW);

        assertThatThrownBy(() -> picture.apply(Topics.REFERRALS_LIFECYCLE, "CD-1", ExampleEvents.deadlineBreached()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("referrals.lifecycle.v1")
                .hasMessageContaining("ReferralEvent");
        assertThatThrownBy(() -> picture.apply(Topics.REFERRALS_RESPONSES, "CD-1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tombstone");
        assertThatThrownBy(() -> picture.apply(Topics.AUDIT, "x", ExampleEvents.auditEvent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audit.v1");

        assertThat(picture.applied()).isZero();
        assertThat(picture.feed(10)).isEmpty();
    }

    @Test
    void theDirectoryKeepsTheLatestProfileAndForgetsATombstonedDesk() {
        OperationalPicture picture = Replay.pictureAt(NOW);
        apply(
                picture,
                ExampleEvents.deskProfile(),
                ExampleEvents.cooperationAgreement(),
                DeskProfile.newBuilder(ExampleEvents.deskProfile())
                        .setDeskId("FR-BNRF")
                        .setCountry("FR")
                        .setAgencyName("Brigade nationale de recherche des fugitifs")
                        .setActive(false)
                        .build());

        DirectorySnapshot view = picture.directory();
        assertThat(view.desks()).extracting(DirectorySnapshot.Desk::deskId).containsExactly("DE-BKA", "FR-BNRF");
        assertThat(view.desks().get(1).active()).isFalse();
        assertThat(view.agreements()).isEqualTo(1);
        assertThat(view.activeAgreements()).isEqualTo(1);
        assertThat(view.toString())
                .doesNotContain(
                        ExampleEvents.deskProfile().getEscalationContact().getEmail());

        picture.apply(Topics.DIRECTORY_DESKS, "DE-BKA", null);

        assertThat(picture.directory().desks())
                .extracting(DirectorySnapshot.Desk::deskId)
                .containsExactly("FR-BNRF");
        assertThat(picture.feed(1).get(0).state()).isEqualTo("DESK_REMOVED");
    }

    /** Every string value anywhere inside {@code record} (names, numbers, places, marks, dates). */
    private static List<String> strings(IndexedRecord record) {
        List<String> out = new ArrayList<>();
        collect(record, out);
        return out;
    }

    private static void collect(Object value, List<String> out) {
        if (value instanceof IndexedRecord record) {
            for (Schema.Field field : record.getSchema().getFields()) {
                collect(record.get(field.pos()), out);
            }
        } else if (value instanceof Collection<?> values) {
            values.forEach(v -> collect(v, out));
        } else if (value instanceof CharSequence || value instanceof LocalDate) {
            String text = value.toString();
            // Two-letter country codes and the like are not personal and do appear in the feed.
            if (text.length() > 3) {
                out.add(text);
            }
        } else if (value instanceof GenericData.EnumSymbol) {
            // enumerations are not personal data
        }
    }
}
