package org.crossdesk.access;

import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.crossdesk.events.DeskId;
import org.crossdesk.events.Party;

/**
 * The Kafka user names of Crossdesk's principals. Each service and each desk authenticates as its own user;
 * nothing shares a credential.
 */
public final class Principals {

    /**
     * The cluster's super user: the operator's, used to bootstrap the other principals and to look at dead
     * letters. No service runs with it.
     */
    public static final String ADMIN = "admin";
    /**
     * Routing's credential issuer: creates desks' topics, SCRAM credentials and ACLs when an administrator adds,
     * rotates or revokes a desk. It holds the cluster's ALTER right, so it is kept apart from routing's own
     * principal, which handles referrals.
     */
    public static final String DESK_ISSUER = "svc-desk-access";

    private static final String SERVICE_PREFIX = "svc-";
    private static final String DESK_PREFIX = "desk-";

    private Principals() {}

    /** {@code svc-intake}, {@code svc-routing}, ... for services; {@code auditor} for the auditors. */
    public static String of(Party party) {
        return switch (party) {
            case AUDITOR -> "auditor";
            case OWNING_DESK -> throw new IllegalArgumentException("a desk's principal needs its id: use desk(deskId)");
            default -> SERVICE_PREFIX + party.id();
        };
    }

    /** {@code desk-FR-OCRTIS} for desk {@code FR-OCRTIS}. */
    public static String desk(String deskId) {
        return DESK_PREFIX + DeskId.requireValid(deskId);
    }

    /** The principal as Kafka's ACLs name it, {@code User:<name>}. */
    public static String user(String name) {
        return new KafkaPrincipal(KafkaPrincipal.USER_TYPE, name).toString();
    }
}
