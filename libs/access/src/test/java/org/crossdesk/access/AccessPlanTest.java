package org.crossdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.crossdesk.events.Party;
import org.crossdesk.events.Topic;
import org.crossdesk.events.TopicAccess;
import org.crossdesk.events.Topics;
import org.junit.jupiter.api.Test;

class AccessPlanTest {

    private static final List<String> DESKS = List.of("FR-OCRTIS", "DE-BKA", "TH-RTP");

    @Test
    void everyCatalogueTopicHasAWriterAndAReader() {
        for (Topic<String, ?> topic : Topics.all()) {
            TopicAccess access = Topics.access(topic.name());
            assertThat(access.writers()).as("writers of %s", topic.name()).isNotEmpty();
            assertThat(access.readers()).as("readers of %s", topic.name()).isNotEmpty();
        }
        for (String topic : List.of(Topics.deskOutboxName("FR-OCRTIS"), Topics.deskInboxName("FR-OCRTIS"))) {
            assertThat(Topics.access(topic).writers())
                    .as("writers of %s", topic)
                    .isNotEmpty();
            assertThat(Topics.access(topic).readers())
                    .as("readers of %s", topic)
                    .isNotEmpty();
        }
    }

    @Test
    void aTopicOutsideTheCatalogueHasNoOwnerAndNobodyMayUseIt() {
        assertThatThrownBy(() -> Topics.access("referrals.lifecycle.v2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a catalogue topic");
    }

    @Test
    void everyTopicAServiceNamesIsCoveredByTheCatalogue() {
        // The ACL set computed for a cluster names only catalogue topics, their dead-letter topics and desk topics.
        for (AclBinding acl : AccessPlan.all(DESKS)) {
            if (acl.pattern().resourceType() == ResourceType.TOPIC
                    && acl.pattern().patternType() == PatternType.LITERAL) {
                String name = acl.pattern().name().replaceFirst(Topics.DEAD_LETTER_SUFFIX + "$", "");
                assertThat(Topics.access(name)).as(acl.toString()).isNotNull();
            }
        }
    }

    @Test
    void aDeskMayWriteOnlyItsOutboxAndReadOnlyItsInbox() {
        List<AclBinding> acls = AccessPlan.forDeskPrincipal("FR-OCRTIS");

        assertThat(rights(acls, ResourceType.TOPIC))
                .containsExactlyInAnyOrder(
                        "WRITE desk.FR-OCRTIS.outbox.v1", "DESCRIBE desk.FR-OCRTIS.outbox.v1",
                        "READ desk.FR-OCRTIS.inbox.v1", "DESCRIBE desk.FR-OCRTIS.inbox.v1");
        assertThat(rights(acls, ResourceType.GROUP)).containsExactly("READ desk.FR-OCRTIS.");
        assertThat(rights(acls, ResourceType.TRANSACTIONAL_ID))
                .containsExactlyInAnyOrder("WRITE desk.FR-OCRTIS.", "DESCRIBE desk.FR-OCRTIS.");
        assertThat(rights(acls, ResourceType.CLUSTER)).isEmpty();
        assertThat(acls).allSatisfy(acl -> assertThat(acl.entry().principal()).isEqualTo("User:desk-FR-OCRTIS"));
    }

    @Test
    void noDeskHasAnyRightOnAnotherDesksTopicsOrOnTheFixedTopics() {
        for (AclBinding acl : AccessPlan.all(DESKS)) {
            String principal = acl.entry().principal();
            if (principal.startsWith("User:desk-")) {
                String desk = principal.substring("User:desk-".length());
                assertThat(acl.pattern().name()).as(acl.toString()).startsWith("desk." + desk + ".");
            }
        }
    }

    @Test
    void onlyTheAuditorReadsTheAuditTrailAndOnlyTheServicesThatAuditWriteIt() {
        Set<String> readers = principalsWith(AclOperation.READ, Topics.AUDIT);
        Set<String> writers = principalsWith(AclOperation.WRITE, Topics.AUDIT);

        assertThat(readers).containsExactly("User:auditor");
        assertThat(writers)
                .containsExactlyInAnyOrder(
                        "User:svc-intake", "User:svc-routing", "User:svc-notifications", "User:svc-dashboard");
        assertThat(AccessPlan.forParty(Party.AUDITOR)).allSatisfy(acl -> {
            assertThat(acl.pattern().name()).isEqualTo(Topics.AUDIT);
            assertThat(acl.entry().operation()).isIn(AclOperation.READ, AclOperation.DESCRIBE);
        });
    }

    @Test
    void onlyIntakeAndRoutingWriteTheLifecycleAndOnlyServicesWriteInboxes() {
        assertThat(principalsWith(AclOperation.WRITE, Topics.REFERRALS_LIFECYCLE))
                .containsExactlyInAnyOrder("User:svc-intake", "User:svc-routing");
        assertThat(principalsWith(AclOperation.WRITE, Topics.deskInboxName("DE-BKA")))
                .containsExactlyInAnyOrder("User:svc-routing", "User:svc-intake", "User:svc-notifications");
        assertThat(principalsWith(AclOperation.READ, Topics.deskInboxName("DE-BKA")))
                .containsExactlyInAnyOrder("User:desk-DE-BKA", "User:svc-notifications");
        assertThat(principalsWith(AclOperation.READ, Topics.NOTIFICATIONS_SUBSCRIPTIONS))
                .containsExactly("User:svc-notifications");
    }

    @Test
    void aReaderMayDeadLetterWhatItReadsAndNobodyReadsDeadLettersButTheAdmin() {
        assertThat(principalsWith(AclOperation.WRITE, Topics.deskOutboxName("DE-BKA") + "-dlt"))
                .containsExactly("User:svc-intake");
        assertThat(AccessPlan.all(DESKS)).noneSatisfy(acl -> {
            assertThat(acl.pattern().name()).endsWith("-dlt");
            assertThat(acl.entry().operation()).isEqualTo(AclOperation.READ);
        });
    }

    @Test
    void servicePrefixesCannotReachDeskGroupsAndOnlyTheIssuerHasClusterRights() {
        for (Party party : Party.values()) {
            if (party.isService()) {
                assertThat(party.id()).doesNotStartWith("desk");
            }
        }
        assertThat(AccessPlan.all(DESKS).stream()
                        .filter(acl -> acl.pattern().resourceType() == ResourceType.CLUSTER)
                        .map(acl -> acl.entry().principal())
                        .collect(Collectors.toSet()))
                .containsExactly("User:" + Principals.DESK_ISSUER);
    }

    @Test
    void theReportListsEveryAclOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<AclBinding> acls = AccessPlan.all(List.of("FR-OCRTIS"));

        AclReport.print(acls, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(report.lines()).hasSize(acls.size() + 2);
        assertThat(report).contains("User:desk-FR-OCRTIS", "desk.FR-OCRTIS.outbox.v1", acls.size() + " ACLs");
        assertThat(acls).doesNotHaveDuplicates();
    }

    private static Set<String> principalsWith(AclOperation operation, String topic) {
        return AccessPlan.all(DESKS).stream()
                .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC
                        && acl.pattern().name().equals(topic)
                        && acl.entry().operation() == operation)
                .map(acl -> acl.entry().principal())
                .collect(Collectors.toSet());
    }

    private static List<String> rights(List<AclBinding> acls, ResourceType type) {
        return acls.stream()
                .filter(acl -> acl.pattern().resourceType() == type)
                .map(acl -> acl.entry().operation() + " " + acl.pattern().name())
                .toList();
    }
}
