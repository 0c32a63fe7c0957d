package org.crossdesk.routing.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.crossdesk.routing.access.CredentialDocument;

/**
 * The answer to adding a desk: its profile, and on a cluster with ACLs its first Kafka credential (shown once).
 */
final class CreatedDesk {

    @JsonUnwrapped
    private final DeskDocument desk;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private final CredentialDocument kafkaCredential;

    CreatedDesk(DeskDocument desk, CredentialDocument kafkaCredential) {
        this.desk = desk;
        this.kafkaCredential = kafkaCredential;
    }

    public DeskDocument getDesk() {
        return desk;
    }

    public CredentialDocument getKafkaCredential() {
        return kafkaCredential;
    }
}
