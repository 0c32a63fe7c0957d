package org.crossdesk.schemaregistry.auth;

/** Proves a user name and password against Kafka; {@link KafkaScramHandshake} is the real one. */
@FunctionalInterface
interface ScramHandshake {

    /**
     * @return true when Kafka accepted the credentials, false when it refused them
     * @throws UnavailableException when Kafka could not answer (unreachable, timed out, TLS or
     *     mechanism trouble): the credentials are neither accepted nor refused
     */
    boolean accepts(String user, String password) throws UnavailableException;

    /** Kafka did not answer whether the credentials are valid. */
    final class UnavailableException extends Exception {

        private static final long serialVersionUID = 1L;

        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
