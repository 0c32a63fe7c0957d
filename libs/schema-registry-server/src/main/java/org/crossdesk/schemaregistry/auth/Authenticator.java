package org.crossdesk.schemaregistry.auth;

import java.util.Optional;

/**
 * Who is calling: a configured (static) user first; a user not listed there is checked against Kafka
 * when Kafka verification is on, and refused otherwise. A listed user with a wrong password is refused
 * without asking Kafka, so a static name cannot be taken over by a Kafka principal of the same name.
 */
final class Authenticator {

    private final StaticUsers staticUsers;
    private final Optional<KafkaUsers> kafkaUsers;

    Authenticator(StaticUsers staticUsers, Optional<KafkaUsers> kafkaUsers) {
        this.staticUsers = staticUsers;
        this.kafkaUsers = kafkaUsers;
    }

    AuthResult authenticate(Optional<BasicCredentials> credentials) {
        if (credentials.isEmpty()) {
            return AuthResult.REJECTED;
        }
        BasicCredentials presented = credentials.get();
        return staticUsers
                .authenticate(presented)
                .orElseGet(() ->
                        kafkaUsers.map(kafka -> kafka.authenticate(presented)).orElse(AuthResult.REJECTED));
    }
}
