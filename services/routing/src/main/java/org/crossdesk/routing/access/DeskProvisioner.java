package org.crossdesk.routing.access;

import java.util.Collection;

/**
 * Makes what must exist before a desk enters the directory: its outbox and inbox (with their dead-letter topics)
 * and, on a cluster with ACLs, the rights of the desk and of every service on them. Idempotent: it runs for every
 * directory desk at each start, so a desk added by another instance, or during an outage, is completed.
 */
@FunctionalInterface
public interface DeskProvisioner {

    /** Provisions these desks, many in one request where Kafka allows (seeding 60 desks one by one is slow). */
    void provision(Collection<String> deskIds);
}
