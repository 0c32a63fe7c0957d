package org.crossdesk.schemaregistry.client;

/**
 * Configuration keys of the registry client. The names are Confluent's ({@code SchemaRegistryClientConfig} and
 * {@code AbstractKafkaSchemaSerDeConfig}), so a producer or consumer configuration file carries over unchanged.
 * Every key except {@link #URL} and {@link #URL_RANDOMIZE} may also be written with the
 * {@code schema.registry.} prefix (e.g. {@code schema.registry.basic.auth.user.info}); the unprefixed spelling
 * wins when both are given.
 */
public final class SchemaRegistryClientConfig {

    /** Comma-separated base URLs; each may carry a path prefix such as {@code /apis/ccompat/v7}. Required. */
    public static final String URL = "schema.registry.url";
    /** Start at a random URL of the list instead of the first (default false). */
    public static final String URL_RANDOMIZE = "schema.registry.url.randomize";
    /** The prefix every client key may carry. */
    public static final String PREFIX = "schema.registry.";

    /**
     * {@code USER_INFO}, {@code URL} or {@code SASL_INHERIT} (the user and password of the Kafka client's own
     * {@code sasl.jaas.config}). Basic auth is attached only when this key is present.
     */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for {@code USER_INFO}. */
    public static final String USER_INFO = "basic.auth.user.info";
    /** {@code STATIC_TOKEN}. Bearer auth is attached only when this key is present. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    /** The token for {@code STATIC_TOKEN}. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    /** Sent as header {@code target-sr-cluster} with bearer auth (Confluent Cloud). */
    public static final String BEARER_AUTH_LOGICAL_CLUSTER = "bearer.auth.logical.cluster";
    /** Sent as header {@code Confluent-Identity-Pool-Id} with bearer auth (Confluent Cloud). */
    public static final String BEARER_AUTH_IDENTITY_POOL_ID = "bearer.auth.identity.pool.id";

    /** {@code request.header.X-Foo=bar} adds {@code X-Foo: bar} to every registry call. */
    public static final String REQUEST_HEADER_PREFIX = "request.header.";

    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final int HTTP_CONNECT_TIMEOUT_MS_DEFAULT = 60_000;
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final int HTTP_READ_TIMEOUT_MS_DEFAULT = 60_000;

    /** Retries after the first attempt, on network errors and HTTP 408, 429, 500, 502, 503, 504. */
    public static final String MAX_RETRIES = "max.retries";

    public static final int MAX_RETRIES_DEFAULT = 3;
    /** Base of the exponential backoff: retry n waits {@code wait * 2^n}, capped, randomly within 20 % (Kafka's back-off). */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";

    public static final int RETRIES_WAIT_MS_DEFAULT = 1_000;
    /** Cap of one backoff wait (also of a server's {@code Retry-After}). */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

    public static final int RETRIES_MAX_WAIT_MS_DEFAULT = 20_000;

    public static final String PROXY_HOST = "proxy.host";
    public static final String PROXY_PORT = "proxy.port";

    /** How long an unknown id (404 on {@code /schemas/ids/{id}}) is remembered, in seconds; 0 disables. */
    public static final String MISSING_ID_CACHE_TTL_SEC = "missing.id.cache.ttl.sec";
    /** How long a failed lookup of a schema under a subject is remembered, in seconds; 0 disables. */
    public static final String MISSING_SCHEMA_CACHE_TTL_SEC = "missing.schema.cache.ttl.sec";

    public static final long MISSING_CACHE_TTL_SEC_DEFAULT = 5;
    /** Upper bound on remembered misses. */
    public static final String MISSING_CACHE_SIZE = "missing.cache.size";

    public static final int MISSING_CACHE_SIZE_DEFAULT = 10_000;

    /** Distinct schemas one subject may hold in the client's caches (Confluent's identity-map capacity). */
    public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";

    public static final int MAX_SCHEMAS_PER_SUBJECT_DEFAULT = 1_000;

    private SchemaRegistryClientConfig() {}
}
