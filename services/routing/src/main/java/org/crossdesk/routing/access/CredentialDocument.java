package org.crossdesk.routing.access;

import java.time.Instant;
import org.crossdesk.access.AccessPlan;
import org.crossdesk.access.KafkaCredentials;

/**
 * A desk's Kafka credential as the administrator receives it: once, at issuance or rotation. Crossdesk keeps only
 * the broker's salted SCRAM verifier, so a lost secret is rotated, never looked up.
 *
 * @param username        the desk's Kafka user, {@code desk-<DESK-ID>}; also its schema registry user
 * @param password        the secret, shown this once
 * @param mechanism       SASL mechanism, SCRAM-SHA-512
 * @param groupPrefix     consumer groups and transactional ids must start with this
 * @param rotated         whether this replaced an earlier credential (which stops working at its next authentication)
 * @param issuedAt        when
 */
public record CredentialDocument(
        String username, String password, String mechanism, String groupPrefix, boolean rotated, Instant issuedAt) {

    public static CredentialDocument of(String deskId, DeskAccess.Issued issued, Instant issuedAt) {
        return new CredentialDocument(
                issued.credentials().username(),
                issued.credentials().password(),
                KafkaCredentials.MECHANISM,
                AccessPlan.deskPrefix(deskId),
                issued.rotated(),
                issuedAt);
    }

    @Override
    public String toString() {
        return "CredentialDocument[username=" + username + ", password=***]";
    }
}
