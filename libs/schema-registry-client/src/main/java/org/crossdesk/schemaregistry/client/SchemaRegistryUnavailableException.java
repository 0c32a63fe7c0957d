package org.crossdesk.schemaregistry.client;

/**
 * The registry could not answer usefully even after every retry: each URL failed at the network level
 * ({@link #status()} is {@code -1}), or the last answer still had a retryable status (408, 429, 500, 502, 503,
 * 504). A proxy's HTML error page arrives here with {@code error_code} 50005.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    public SchemaRegistryUnavailableException(
            int status, int errorCode, String registryMessage, int attempts, Throwable cause) {
        super(status, errorCode, registryMessage, cause);
        this.attempts = attempts;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " [gave up after " + attempts + " attempt(s)]";
    }

    /** How many times the request was sent (to any URL) before giving up. */
    public int attempts() {
        return attempts;
    }
}
