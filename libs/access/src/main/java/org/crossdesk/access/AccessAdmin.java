package org.crossdesk.access;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.ResourcePatternFilter;

/**
 * Applies access decisions to a cluster through Kafka's Admin API, as a principal allowed to (the cluster's
 * admin, or {@link Principals#DESK_ISSUER}). Every operation is idempotent, so it can be repeated at each start
 * and after a partial failure.
 */
public final class AccessAdmin {

    // Kafka's minimum for SCRAM-SHA-512 is 4096; twice that costs a few milliseconds per login.
    private static final int SCRAM_ITERATIONS = 8192;

    // How often grant() asks whether new ACLs are in force: short against the seconds they take to apply.
    private static final Duration APPLIED_POLL = Duration.ofMillis(100);

    private final Admin admin;
    private final Duration timeout;

    public AccessAdmin(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Sets the user's SCRAM-SHA-512 secret: creates the user, or replaces its secret (the old one stops working). */
    public void upsertCredential(KafkaCredentials credentials) {
        await(
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                                credentials.username(),
                                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                                credentials.password())))
                        .all(),
                "set the SCRAM credential of " + credentials.username());
    }

    /** Deletes the user's credential; its next authentication fails. A user without one is left as it is. */
    public void deleteCredential(String username) {
        try {
            await(
                    admin.alterUserScramCredentials(
                                    List.of(new UserScramCredentialDeletion(username, ScramMechanism.SCRAM_SHA_512)))
                            .all(),
                    "delete the SCRAM credential of " + username);
        } catch (KafkaException e) {
            if (!(e.getCause() instanceof ResourceNotFoundException)) {
                throw e;
            }
        }
    }

    /** Whether the user has a SCRAM credential. */
    public boolean hasCredential(String username) {
        return await(admin.describeUserScramCredentials().users(), "list SCRAM users")
                .contains(username);
    }

    /**
     * Creates these ACLs (existing ones are left as they are) and returns once the broker enforces them.
     *
     * <p>Under KRaft the controller commits new ACLs before the brokers have applied them: for a few seconds after a
     * large grant a client is still refused (measured: about 3 s after 2,500 ACLs on one broker). A broker answers
     * DescribeAcls from the very authorizer that decides, so once it lists every new binding they are in force there.
     */
    public void grant(Collection<AclBinding> acls) {
        if (acls.isEmpty()) {
            return;
        }
        await(admin.createAcls(acls).all(), "create " + acls.size() + " ACLs");
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<AclBinding> missing = new HashSet<>(acls);
        while (true) {
            missing.removeAll(await(admin.describeAcls(AclBindingFilter.ANY).values(), "describe ACLs"));
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new KafkaException(missing.size() + " of " + acls.size() + " new ACLs were not in force within "
                        + timeout + ", e.g. " + missing.iterator().next());
            }
            LockSupport.parkNanos(APPLIED_POLL.toNanos());
        }
    }

    /** Deletes every ACL that names {@code username} as its principal. */
    public void revokeAll(String username) {
        AclBindingFilter everyAclOf = new AclBindingFilter(
                ResourcePatternFilter.ANY,
                new AccessControlEntryFilter(Principals.user(username), null, AclOperation.ANY, AclPermissionType.ANY));
        await(admin.deleteAcls(List.of(everyAclOf)).all(), "delete the ACLs of " + username);
    }

    /** The ACLs that name {@code username}. */
    public Collection<AclBinding> aclsOf(String username) {
        return await(
                admin.describeAcls(new AclBindingFilter(
                                ResourcePatternFilter.ANY,
                                new AccessControlEntryFilter(
                                        Principals.user(username), null, AclOperation.ANY, AclPermissionType.ANY)))
                        .values(),
                "describe the ACLs of " + username);
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<NewTopic> topics) {
        admin.createTopics(topics).values().forEach((name, created) -> {
            try {
                await(created, "create topic " + name);
            } catch (KafkaException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        });
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new KafkaException("could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("could not " + what + " within " + timeout, e);
        }
    }
}
