package org.crossdesk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    /** Stands in for {@code @KafkaListener}: annotation attributes accept compile-time constants only. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface Listener {
        String[] topics() default {};

        String topicPattern() default "";
    }

    @Listener(
            topics = {
                Topics.REFERRALS_LIFECYCLE,
                Topics.REFERRALS_RESPONSES,
                Topics.DEADLINES_BREACHES,
                Topics.DIRECTORY_DESKS,
                Topics.DIRECTORY_AGREEMENTS,
                Topics.AUDIT,
                Topics.NOTIFICATIONS_SUBSCRIPTIONS,
                Topics.SCHEMAS
            })
    static class FixedTopicsListener {}

    @Listener(topicPattern = Topics.DESK_OUTBOX_PATTERN)
    static class OutboxListener {}

    @Test
    void topicNamesAreCompileTimeConstantsMatchingTheDescriptors() {
        String[] annotated =
                FixedTopicsListener.class.getAnnotation(Listener.class).topics();
        assertThat(annotated)
                .containsExactlyElementsOf(
                        Topics.all().stream().map(Topic::name).toList());
        assertThat(OutboxListener.class.getAnnotation(Listener.class).topicPattern())
                .isEqualTo(Topics.DESK_OUTBOX_PATTERN);
    }

    @Test
    void theCatalogueListsEveryFixedTopicOfTheArchitecture() {
        assertThat(Topics.all())
                .map(Topic::name)
                .containsExactlyInAnyOrder(
                        "referrals.lifecycle.v1",
                        "referrals.responses.v1",
                        "deadlines.breaches.v1",
                        "directory.desks.v1",
                        "directory.agreements.v1",
                        "audit.v1",
                        "notifications.subscriptions.v1",
                        "_schemas");
        assertThat(Topics.events())
                .doesNotContain(Topics.SCHEMAS_TOPIC)
                .hasSize(Topics.all().size() - 1);
    }

    @Test
    void topicNamesAreUniqueIncludingDeadLetterAndDeskTopics() {
        List<String> names = new ArrayList<>();
        Topics.all().forEach(topic -> {
            names.add(topic.name());
            names.add(topic.deadLetterName());
        });
        names.add(Topics.deskOutbox("FR-OCRTIS").name());
        names.add(Topics.deskInbox("FR-OCRTIS").name());
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void everyEventTopicCarriesAGeneratedAvroClassWithStringKeys() {
        List<Topic<String, ?>> topics = new ArrayList<>(Topics.events());
        topics.add(Topics.deskOutbox("DE-BKA"));
        topics.add(Topics.deskInbox("DE-BKA"));
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.keyType()).isEqualTo(String.class);
            assertThat(SpecificRecord.class).isAssignableFrom(topic.valueType());
            assertThat(SpecificData.get().getSchema(topic.valueType()).getFullName())
                    .isEqualTo(topic.valueType().getName());
        });
    }

    @Test
    void compactedTopicsKeepTheirStateForeverAndOthersSayHowLong() {
        assertThat(Topics.DIRECTORY_DESKS_TOPIC.cleanupPolicy()).isEqualTo(Topic.CleanupPolicy.COMPACT);
        assertThat(Topics.DIRECTORY_AGREEMENTS_TOPIC.cleanupPolicy()).isEqualTo(Topic.CleanupPolicy.COMPACT);
        assertThat(Topics.SCHEMAS_TOPIC.cleanupPolicy()).isEqualTo(Topic.CleanupPolicy.COMPACT);
        assertThat(Topics.NOTIFICATIONS_SUBSCRIPTIONS_TOPIC.cleanupPolicy()).isEqualTo(Topic.CleanupPolicy.COMPACT);
        assertThat(Topics.SCHEMAS_TOPIC.partitions()).isEqualTo(1);
        assertThat(Topics.DIRECTORY_DESKS_TOPIC.configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
        assertThat(Topics.REFERRALS_LIFECYCLE_TOPIC.configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "-1");
        assertThat(Topics.deskOutbox("DE-BKA").configs())
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
        assertThatThrownBy(() -> new Topic<>(
                        "x.v1", String.class, String.class, 1, Topic.CleanupPolicy.COMPACT, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Compacted topic x.v1");
    }

    @Test
    void everyTopicHasADeadLetterTopicWithTheSamePartitionsKeptNoLongerThanItsSource() {
        List<Topic<String, ?>> topics = new ArrayList<>(Topics.all());
        topics.add(Topics.deskOutbox("DE-BKA"));
        topics.add(Topics.deskInbox("DE-BKA"));
        assertThat(topics).allSatisfy(topic -> {
            Topic<byte[], byte[]> dlt = topic.deadLetter();
            assertThat(dlt.name()).isEqualTo(topic.name() + "-dlt").isEqualTo(topic.deadLetterName());
            assertThat(dlt.partitions()).isEqualTo(topic.partitions());
            assertThat(dlt.cleanupPolicy()).isEqualTo(Topic.CleanupPolicy.DELETE);
            assertThat(dlt.retention()).isNotNull().isLessThanOrEqualTo(Topics.DEAD_LETTER_RETENTION);
            if (topic.retention() != null) {
                assertThat(dlt.retention()).isLessThanOrEqualTo(topic.retention());
            }
            assertThat(dlt.configs())
                    .containsEntry("retention.ms", Long.toString(dlt.retention().toMillis()));
        });
    }

    @Test
    void aDeadLetterTopicKeepsTheShorterOfItsSourcesRetentionAndTheFixedBound() {
        assertThat(Topics.DEAD_LETTER_RETENTION).isEqualTo(Duration.ofDays(14));
        // 7 days: shorter than the bound
        assertThat(Topics.deskOutbox("DE-BKA").deadLetter().retention()).isEqualTo(Duration.ofDays(7));
        // 30 days: longer
        assertThat(Topics.deskInbox("DE-BKA").deadLetter().retention()).isEqualTo(Duration.ofDays(14));
        // forever
        assertThat(Topics.AUDIT_TOPIC.deadLetter().configs())
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(14).toMillis()));
        // compacted: no time of its own
        assertThat(Topics.DIRECTORY_DESKS_TOPIC.deadLetter().retention()).isEqualTo(Duration.ofDays(14));
        Topic<String, String> hourly =
                new Topic<>("x.v1", String.class, String.class, 1, Topic.CleanupPolicy.DELETE, Duration.ofHours(1));
        assertThat(hourly.deadLetter().retention()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aCatalogueTopicIsFoundByItsNameButNoOtherTopicIs() {
        assertThat(Topics.byName(Topics.AUDIT)).contains(Topics.AUDIT_TOPIC);
        assertThat(Topics.byName("desk.FR-OCRTIS.outbox.v1")).contains(Topics.deskOutbox("FR-OCRTIS"));
        assertThat(Topics.byName("desk.FR-OCRTIS.inbox.v1")).contains(Topics.deskInbox("FR-OCRTIS"));
        assertThat(Topics.byName(Topics.AUDIT_TOPIC.deadLetterName())).isEmpty();
        assertThat(Topics.byName("desk.FR-OCRTIS.inbox.v1-dlt")).isEmpty();
        assertThat(Topics.byName("unknown.v1")).isEmpty();
    }

    @Test
    void deskTopicsAreNamedAfterTheDeskAndTyped() {
        Topic<String, OutboxMessage> outbox = Topics.deskOutbox("FR-OCRTIS");
        Topic<String, InboxMessage> inbox = Topics.deskInbox("DE-BKA");

        assertThat(outbox.name()).isEqualTo("desk.FR-OCRTIS.outbox.v1");
        assertThat(outbox.valueType()).isEqualTo(OutboxMessage.class);
        assertThat(inbox.name()).isEqualTo("desk.DE-BKA.inbox.v1");
        assertThat(inbox.valueType()).isEqualTo(InboxMessage.class);
        assertThat(outbox.valueSubject()).isEqualTo("desk.FR-OCRTIS.outbox.v1-value");
    }

    @Test
    void thePatternsMatchExactlyTheDeskTopicsOfTheirKind() {
        Pattern outbox = Pattern.compile(Topics.DESK_OUTBOX_PATTERN);
        Pattern inbox = Pattern.compile(Topics.DESK_INBOX_PATTERN);
        String outboxName = Topics.deskOutbox("TH-RTP").name();
        String inboxName = Topics.deskInbox("TH-RTP").name();

        assertThat(outbox.matcher(outboxName).matches()).isTrue();
        assertThat(inbox.matcher(inboxName).matches()).isTrue();
        assertThat(List.of(
                        inboxName,
                        outboxName + "-dlt",
                        "desk.th-rtp.outbox.v1",
                        "desk.TH-RTP.outbox.v2",
                        "xdesk.TH-RTP.outbox.v1",
                        "desk.TH.RTP.outbox.v1",
                        Topics.REFERRALS_LIFECYCLE))
                .noneMatch(name -> outbox.matcher(name).matches());
        assertThat(List.of(outboxName, inboxName + "-dlt"))
                .noneMatch(name -> inbox.matcher(name).matches());
        assertThat(Topics.isDeskOutbox(outboxName)).isTrue();
        assertThat(Topics.isDeskOutbox(inboxName)).isFalse();
        assertThat(Topics.isDeskInbox(inboxName)).isTrue();
    }

    @Test
    void theDeskOfADeskTopicIsReadBackFromItsName() {
        assertThat(Topics.deskIdOf(Topics.deskOutbox("FR-OCRTIS").name())).isEqualTo("FR-OCRTIS");
        assertThat(Topics.deskIdOf(Topics.deskInbox("LA-MPS").name())).isEqualTo("LA-MPS");
        assertThatThrownBy(() -> Topics.deskIdOf(Topics.REFERRALS_LIFECYCLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a desk topic");
        assertThatThrownBy(() -> Topics.deskIdOf("desk.FR-OCRTIS.outbox.v1-dlt"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "fr-x",
                "FRA-BKA",
                "FR-",
                "FR-B",
                "FR.BKA",
                "FR-BK.A",
                "DE-BKA.inbox",
                "ZZ-BKA",
                " DE-BKA",
                "DE-ABCDEFGHIJKLMNOPQ",
                ""
            })
    void invalidDeskIdsAreRejectedWithAClearMessage(String deskId) {
        assertThatThrownBy(() -> Topics.deskOutbox(deskId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + deskId + "'");
        assertThat(DeskId.isValid(deskId)).isFalse();
    }

    @Test
    void aMissingDeskIdIsRejected() {
        assertThatThrownBy(() -> Topics.deskInbox(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
    }
}
