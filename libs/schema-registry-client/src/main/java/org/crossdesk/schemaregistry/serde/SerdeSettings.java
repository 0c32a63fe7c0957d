package org.crossdesk.schemaregistry.serde;

import static org.crossdesk.schemaregistry.serde.KafkaAvroSerdeConfig.*;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.crossdesk.schemaregistry.client.ConfigValues;

/** The serde settings, read once in {@code configure}. */
record SerdeSettings(
        boolean isKey,
        boolean autoRegister,
        boolean useLatestVersion,
        boolean latestCompatibilityStrict,
        long latestCacheTtlNanos,
        int useSchemaId,
        boolean idCompatibilityStrict,
        boolean normalize,
        SubjectNameStrategy strategy,
        boolean specificReader,
        Class<? extends SpecificRecord> specificType,
        boolean removeJavaProperties,
        boolean logicalTypeConverters,
        boolean failOnTrailingData) {

    static SerdeSettings from(Map<String, ?> configs, boolean isKey) {
        ConfigValues c = ConfigValues.of(configs);
        rejectUnsupported(c);
        String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        long ttlSec = c.getLong(LATEST_CACHE_TTL_SEC, -1);
        return new SerdeSettings(
                isKey,
                c.getBoolean(AUTO_REGISTER_SCHEMAS, true),
                c.getBoolean(USE_LATEST_VERSION, false),
                c.getBoolean(LATEST_COMPATIBILITY_STRICT, true),
                ttlSec < 0 ? -1 : TimeUnit.SECONDS.toNanos(ttlSec),
                c.getInt(USE_SCHEMA_ID, -1),
                c.getBoolean(ID_COMPATIBILITY_STRICT, true),
                c.getBoolean(NORMALIZE_SCHEMAS, false),
                SubjectNameStrategies.resolve(strategyKey, c.getRaw(strategyKey), c.asMap()),
                c.getBoolean(SPECIFIC_AVRO_READER, false),
                specificType(c, isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE),
                c.getBoolean(AVRO_REMOVE_JAVA_PROPS, false),
                c.getBoolean(AVRO_USE_LOGICAL_TYPE_CONVERTERS, false),
                c.getBoolean(AVRO_FAIL_ON_TRAILING_DATA, false));
    }

    /** A copy whose reader is fixed to {@code type} (typed deserializers). */
    SerdeSettings withSpecificType(Class<? extends SpecificRecord> type) {
        return new SerdeSettings(
                isKey,
                autoRegister,
                useLatestVersion,
                latestCompatibilityStrict,
                latestCacheTtlNanos,
                useSchemaId,
                idCompatibilityStrict,
                normalize,
                strategy,
                true,
                type,
                removeJavaProperties,
                logicalTypeConverters,
                failOnTrailingData);
    }

    /** A copy that reads generic records whatever the configuration says (generic deserializers). */
    SerdeSettings generic() {
        return new SerdeSettings(
                isKey,
                autoRegister,
                useLatestVersion,
                latestCompatibilityStrict,
                latestCacheTtlNanos,
                useSchemaId,
                idCompatibilityStrict,
                normalize,
                strategy,
                false,
                null,
                removeJavaProperties,
                logicalTypeConverters,
                failOnTrailingData);
    }

    private static void rejectUnsupported(ConfigValues c) {
        for (String key : new String[] {USE_LATEST_WITH_METADATA, USE_SCHEMA_GUID}) {
            if (c.contains(key)) {
                throw new ConfigException(key, c.getString(key, ""), "Not supported by the Crossdesk serdes");
            }
        }
        if (c.getBoolean(SCHEMA_REFLECTION, false)) {
            throw new ConfigException(
                    SCHEMA_REFLECTION,
                    "true",
                    "Reflection-based Avro is not supported by the"
                            + " Crossdesk serdes; use generated SpecificRecord classes or GenericRecord");
        }
        if (c.getString(SCHEMA_REGISTRY_URL, "").startsWith("mock://")) {
            throw new ConfigException(
                    SCHEMA_REGISTRY_URL,
                    c.getString(SCHEMA_REGISTRY_URL, ""),
                    "mock:// registries (Confluent test scaffolding) are not supported; pass a SchemaRegistryClient to the"
                            + " constructor, or run a real registry");
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends SpecificRecord> specificType(ConfigValues c, String key) {
        Object raw = c.getRaw(key);
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            return null;
        }
        Class<?> type;
        if (raw instanceof Class<?> given) {
            type = given;
        } else {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                type = Class.forName(
                        raw.toString().trim(), true, loader != null ? loader : SerdeSettings.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ConfigException(key, raw, "Class not found");
            }
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key, type.getName(), "Not an Avro SpecificRecord class");
        }
        return (Class<? extends SpecificRecord>) type;
    }
}
