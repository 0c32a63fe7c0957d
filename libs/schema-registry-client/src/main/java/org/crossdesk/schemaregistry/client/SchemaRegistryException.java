package org.crossdesk.schemaregistry.client;

/**
 * A registry call that did not succeed. Carries the HTTP status, the registry's {@code error_code} and its
 * message, so callers can decide on the status first and refine with the error code (docs/design/schema-registry-api.md §1.1, §2).
 *
 * <p>Subclasses name the classes of failure callers handle differently:
 * {@link SchemaRegistryNotFoundException} (404), {@link IncompatibleSchemaException} (409),
 * {@link SchemaRegistryInvalidRequestException} (422), {@link SchemaRegistryAuthException} (401/403) and
 * {@link SchemaRegistryUnavailableException} (network errors and retryable statuses after the last retry).
 * Anything else (400, 405, 406, 415, 501, ...) is this base class.
 *
 * <p>Unchecked on purpose: most callers are Kafka serializers, which can only throw runtime exceptions.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Synthesized, as Confluent's Java client does, when an error body is not the registry's JSON envelope. */
    public static final int UNPARSEABLE_ERROR_BODY = 50005;

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;
    private final String registryMessage;

    public SchemaRegistryException(int status, int errorCode, String registryMessage) {
        this(status, errorCode, registryMessage, null);
    }

    public SchemaRegistryException(int status, int errorCode, String registryMessage, Throwable cause) {
        super(describe(status, errorCode, registryMessage), cause);
        this.status = status;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    /** The HTTP status, or {@code -1} when no response was received (network failure). */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code} (e.g. 40403), the bare status for generic errors, or 50005. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's own message, without the status and code decoration of {@link #getMessage()}. */
    public String registryMessage() {
        return registryMessage;
    }

    private static String describe(int status, int errorCode, String message) {
        if (status < 0) {
            return message;
        }
        return message + " (HTTP " + status + ", error_code " + errorCode + ")";
    }
}
