package org.crossdesk.schemaregistry.serde;

/**
 * Serializer and deserializer configuration keys: Confluent's names and defaults
 * ({@code AbstractKafkaSchemaSerDeConfig}, {@code KafkaAvroSerializerConfig}, {@code KafkaAvroDeserializerConfig}),
 * so that producer and consumer configuration carries over when swapping Confluent's classes for ours. The
 * registry client's own keys (auth, timeouts, retries) are in
 * {@link org.crossdesk.schemaregistry.client.SchemaRegistryClientConfig}; the serdes pass the whole map on.
 */
public final class KafkaAvroSerdeConfig {

    /** Comma-separated registry base URLs. Required unless a client is passed to the constructor. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    /** Serializer: register the value's schema and use the returned id (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Serializer (only with auto-registration off): write with the subject's latest schema. Deserializer: read with it. */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** With {@link #USE_LATEST_VERSION}: require that the latest schema can read the value's schema (default true). */
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    /** Seconds the latest version is cached; -1 (default) means until restart. */
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    /** Serializer: pin the writer id (default -1, off). */
    public static final String USE_SCHEMA_ID = "use.schema.id";
    /** With {@link #USE_SCHEMA_ID}: require that the pinned schema can read the value's schema (default true). */
    public static final String ID_COMPATIBILITY_STRICT = "id.compatibility.strict";
    /** Pass {@code ?normalize=true} to register and lookup (default false). */
    public static final String NORMALIZE_SCHEMAS = "normalize.schemas";

    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    /** Deserializer: return generated {@code SpecificRecord} classes instead of {@code GenericRecord} (default false). */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Deserializer: a fixed {@code SpecificRecord} class whose schema is the reader schema, for keys. */
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    /** Deserializer: a fixed {@code SpecificRecord} class whose schema is the reader schema, for values. */
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

    /** Serializer: strip {@code avro.java.string} before register/lookup (default false). */
    public static final String AVRO_REMOVE_JAVA_PROPS = "avro.remove.java.properties";
    /** Map logical types to Java types (Instant, LocalDate, BigDecimal, UUID...) in generic records (default false). */
    public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
    /** Deserializer: fail when bytes remain after the datum (default false). */
    public static final String AVRO_FAIL_ON_TRAILING_DATA = "avro.fail.on.trailing.data";

    /** Distinct schemas cached per subject by the registry client (default 1000). */
    public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";

    // Keys of Confluent's serdes for features this implementation does not have. Setting them fails loudly at
    // configure() rather than silently behaving differently from Confluent.
    static final String USE_LATEST_WITH_METADATA = "use.latest.with.metadata";
    static final String USE_SCHEMA_GUID = "use.schema.guid";
    static final String SCHEMA_REFLECTION = "schema.reflection";

    private KafkaAvroSerdeConfig() {}
}
