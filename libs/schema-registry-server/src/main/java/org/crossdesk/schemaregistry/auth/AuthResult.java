package org.crossdesk.schemaregistry.auth;

/** The outcome of checking one set of credentials. */
sealed interface AuthResult {

    /** The credentials are valid: the caller is this user. */
    record Authenticated(RegistryUser user) implements AuthResult {}

    /** Unknown user or wrong password; which of the two is not told (401). */
    record Rejected() implements AuthResult {}

    /** The credentials could not be checked now, e.g. Kafka is not reachable (503). */
    record Unavailable(String reason) implements AuthResult {}

    AuthResult REJECTED = new Rejected();
}
