package org.crossdesk.routing.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;
import org.crossdesk.access.AccessAdmin;
import org.crossdesk.access.AccessPlan;
import org.crossdesk.access.CatalogueTopics;
import org.crossdesk.access.KafkaCredentials;
import org.crossdesk.access.Principals;

/**
 * The desk issuer on a cluster with ACLs (docs/security.md): provisions desks (topics, the ACLs computed from the
 * catalogue, the outbox's schema subject) and issues, rotates and revokes their Kafka credentials. It works as
 * {@link Principals#DESK_ISSUER}, which may manage credentials and ACLs; routing's own principal may not.
 */
public final class DeskAccess implements DeskProvisioner {

    private static final Duration USABLE_WITHIN = Duration.ofSeconds(30);

    private final AccessAdmin admin;
    private final short replicationFactor;
    private final Consumer<String> outboxSubject;
    private final Predicate<KafkaCredentials> authenticates;

    /**
     * @param admin             an Admin client authenticated as the desk issuer
     * @param outboxSubject     registers the outbox schema under the desk's outbox subject: desks may read schemas
     *                          but not register them, so the subject must exist before a Kafka-native desk writes
     */
    public DeskAccess(
            AccessAdmin admin,
            short replicationFactor,
            Consumer<String> outboxSubject,
            Predicate<KafkaCredentials> authenticates) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
        this.outboxSubject = outboxSubject;
        this.authenticates = authenticates;
    }

    @Override
    public void provision(Collection<String> deskIds) {
        List<NewTopic> topics = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (String deskId : deskIds) {
            topics.addAll(CatalogueTopics.desk(deskId, replicationFactor));
            acls.addAll(AccessPlan.forDesk(deskId));
        }
        admin.createTopics(topics);
        admin.grant(acls);
        deskIds.forEach(outboxSubject);
    }

    /**
     * Gives the desk a new secret: a first credential, or a rotation (the old secret stops working at the next
     * authentication). The secret is returned once and kept nowhere by Crossdesk.
     */
    public Issued issue(String deskId) {
        String username = Principals.desk(deskId);
        boolean rotated = admin.hasCredential(username);
        KafkaCredentials credentials = KafkaCredentials.random(username);
        admin.upsertCredential(credentials);
        admin.grant(AccessPlan.forDeskPrincipal(deskId));
        // The controller accepts a credential before the broker has applied it: answer only when it works, so
        // the desk's first connection does not fail.
        long deadline = System.nanoTime() + USABLE_WITHIN.toNanos();
        while (!authenticates.test(credentials)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the new credential of " + deskId + " did not work within " + USABLE_WITHIN);
            }
        }
        return new Issued(credentials, rotated);
    }

    /**
     * Revokes the desk's credential and removes its ACLs: its next authentication fails, and what its open
     * connections may still do is nothing. The services' rights on its topics stay (its history is still routed).
     *
     * @return whether the desk had a credential
     */
    public boolean revoke(String deskId) {
        String username = Principals.desk(deskId);
        boolean had = admin.hasCredential(username);
        admin.deleteCredential(username);
        admin.revokeAll(username);
        return had;
    }

    /** A credential just issued, and whether it replaced an earlier one. */
    public record Issued(KafkaCredentials credentials, boolean rotated) {}
}
