package org.crossdesk.schemaregistry.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.crossdesk.schemaregistry.client.CachedSchemaRegistryClient;
import org.crossdesk.schemaregistry.client.RegisteredSchema;
import org.crossdesk.schemaregistry.client.SchemaDefinition;
import org.crossdesk.schemaregistry.client.SchemaRegistryClient;
import org.crossdesk.schemaregistry.client.SchemaRegistryException;
import org.crossdesk.schemaregistry.client.SchemaRegistryUnavailableException;

/**
 * Avro serializer in Confluent's wire format (magic byte 0, big-endian schema id, Avro binary), a drop-in for
 * {@code io.confluent.kafka.serializers.KafkaAvroSerializer}: same class name, same configuration keys
 * ({@link KafkaAvroSerdeConfig}), same bytes.
 *
 * <p>Accepts Avro records ({@code SpecificRecord}, {@code GenericRecord}, any {@code GenericContainer}) and the
 * primitives null, Boolean, Integer, Long, Float, Double, CharSequence, byte[] and ByteBuffer. {@code null}
 * becomes {@code null} (a tombstone) without a registry call. A {@code "bytes"} value is written raw, without
 * Avro's length prefix, as Confluent does.
 *
 * <p>The writer schema and id come from, in order: registration ({@code auto.register.schemas=true}, the
 * default), {@code use.schema.id}, {@code use.latest.version}, or a lookup of the value's own schema (spec
 * §3.3). The outcome is cached per (topic, schema): after the first record of a schema the registry is not
 * contacted again, and a record costs two map lookups plus the Avro encoding into a per-thread buffer.
 * Thread-safe; one instance may serve every producer thread.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private static final long NEVER = Long.MIN_VALUE;
    private static final String NULL_TOPIC = "\u0000no topic";

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private volatile SerdeSettings settings;
    private volatile GenericData genericData = GenericData.get();
    private final ConcurrentHashMap<String, ConcurrentHashMap<Schema, WriterPlan>> plans = new ConcurrentHashMap<>();

    /** For Kafka's reflective instantiation; {@link #configure} creates the registry client from the map. */
    public KafkaAvroSerializer() {}

    /** Uses {@code client} (not closed by {@link #close()}); still needs {@link #configure}. */
    public KafkaAvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** Uses {@code client} and configures as a value serializer. */
    public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs) {
        this(client);
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.settings = SerdeSettings.from(configs, isKey);
        this.genericData = AvroTypes.genericData(settings.logicalTypeConverters());
        if (client == null) {
            requireUrl(configs);
            client = CachedSchemaRegistryClient.fromConfigs(configs);
            ownsClient = true;
        }
        plans.clear();
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        Schema schema = AvroTypes.schemaOf(value);
        ConcurrentHashMap<Schema, WriterPlan> forTopic = plans.get(topic == null ? NULL_TOPIC : topic);
        WriterPlan plan = forTopic == null ? null : forTopic.get(schema);
        if (plan == null || (plan.expiresAtNanos != NEVER && System.nanoTime() - plan.expiresAtNanos > 0)) {
            plan = plan(topic, schema);
        }
        return plan.write(value, topic);
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }

    /** The registry client in use (shared with a typed wrapper, or for inspection in tests). */
    public SchemaRegistryClient client() {
        return client;
    }

    private WriterPlan plan(String topic, Schema schema) {
        SerdeSettings s = configured();
        String subject = s.strategy().subjectName(topic, s.isKey(), schema);
        Schema forRegistry = s.removeJavaProperties() ? JavaProperties.strip(schema) : schema;
        Schema writer = schema;
        int id;
        long expiresAt = NEVER;
        String action = "registering";
        try {
            if (s.autoRegister()) {
                SchemaDefinition definition = SchemaDefinition.avro(forRegistry);
                RegisteredSchema answer = client.register(subject, definition, s.normalize());
                id = requireId(answer, subject);
                // Servers from 7.5 echo the stored schema; Confluent writes with the registry's copy when it differs.
                if (answer.schema() != null && !answer.schema().equals(definition.schema())) {
                    Schema stored =
                            new Schema.Parser().setValidateDefaults(false).parse(answer.schema());
                    if (!stored.equals(forRegistry) && !stored.equals(schema)) {
                        writer = stored;
                    }
                }
            } else if (s.useSchemaId() >= 0) {
                action = "fetching the schema pinned by use.schema.id=" + s.useSchemaId() + " for";
                id = s.useSchemaId();
                writer = client.getSchemaBySubjectAndId(subject, id);
                if (s.idCompatibilityStrict()) {
                    requireCanRead(writer, schema, KafkaAvroSerdeConfig.ID_COMPATIBILITY_STRICT, "schema " + id);
                }
            } else if (s.useLatestVersion()) {
                action = "fetching the latest version of";
                RegisteredSchema latest = client.getLatestSchemaMetadata(subject);
                id = requireId(latest, subject);
                writer = client.getSchemaBySubjectAndId(subject, id);
                if (s.latestCompatibilityStrict()) {
                    requireCanRead(
                            writer,
                            schema,
                            KafkaAvroSerdeConfig.LATEST_COMPATIBILITY_STRICT,
                            "the latest schema of subject " + subject + " (id " + id + ")");
                }
                if (s.latestCacheTtlNanos() >= 0) {
                    expiresAt = System.nanoTime() + s.latestCacheTtlNanos();
                }
            } else {
                action = "looking up (auto.register.schemas=false)";
                id = requireId(
                        client.lookup(subject, SchemaDefinition.avro(forRegistry), s.normalize(), false), subject);
            }
        } catch (SchemaRegistryUnavailableException e) {
            throw new SchemaRegistryUnreachableException(
                    "Cannot finish " + action + " Avro schema for subject '" + subject + "' now: " + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "Error " + action + " Avro schema for subject '" + subject + "': " + e.getMessage(), e);
        } catch (IllegalStateException | IllegalArgumentException | AvroRuntimeException e) {
            throw new SerializationException(
                    "Error " + action + " Avro schema for subject '" + subject + "': " + e.getMessage(), e);
        }
        WriterPlan plan = new WriterPlan(id, writer, schema, genericData, expiresAt);
        plans.computeIfAbsent(topic == null ? NULL_TOPIC : topic, t -> new ConcurrentHashMap<>())
                .put(schema, plan);
        return plan;
    }

    private SerdeSettings configured() {
        if (settings == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure(Map, boolean)");
        }
        return settings;
    }

    static void requireUrl(Map<String, ?> configs) {
        Object url = configs == null ? null : configs.get(KafkaAvroSerdeConfig.SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException("Missing required configuration \"" + KafkaAvroSerdeConfig.SCHEMA_REGISTRY_URL
                    + "\" which has no default value.");
        }
    }

    static int requireId(RegisteredSchema answer, String subject) {
        if (answer == null || answer.id() == null) {
            throw new SerializationException(
                    "The registry's answer for subject '" + subject + "' carries no schema id");
        }
        return answer.id();
    }

    private static void requireCanRead(Schema reader, Schema writer, String key, String what) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException(what + " cannot read the value's schema " + writer.getFullName() + " ("
                    + result.getDescription() + "); set " + key + "=false to skip this check");
        }
    }

    /** Everything needed to write one (topic, schema) after the registry has been asked once. */
    static final class WriterPlan {
        final int id;
        final byte[] header;
        final Schema writerSchema;
        /** The schema the datum is encoded with: the value's own when its encoding is the writer's. */
        final Schema encodingSchema;

        final boolean rawBytes;
        final long expiresAtNanos;
        private final boolean byName;
        private final DatumWriter<Object> genericWriter;
        private volatile DatumWriter<Object> specificWriter;

        WriterPlan(int id, Schema writerSchema, Schema valueSchema, GenericData genericData, long expiresAtNanos) {
            this.id = id;
            this.header = WireFormat.header(id);
            this.writerSchema = writerSchema;
            this.rawBytes = writerSchema.getType() == Schema.Type.BYTES;
            this.expiresAtNanos = expiresAtNanos;
            // A registry copy that differs only in docs, defaults or properties (e.g. avro.java.string) encodes the
            // same bytes: keep Avro's positional fast path with the value's own schema.
            this.byName = !sameEncoding(writerSchema, valueSchema);
            this.encodingSchema = byName ? writerSchema : valueSchema;
            this.genericWriter = byName
                    ? new ByNameDatumWriter(writerSchema, genericData)
                    : new GenericDatumWriter<>(encodingSchema, genericData);
        }

        byte[] write(Object value, String topic) {
            if (rawBytes) {
                return writeRaw(value, topic);
            }
            Buffers buffers = Buffers.get();
            Buffers.Output out = buffers.out;
            out.reset();
            out.write(header, 0, WireFormat.HEADER_SIZE);
            try {
                writerFor(value).write(value, buffers.encoder);
                buffers.encoder.flush();
            } catch (IOException | RuntimeException e) {
                buffers.discardEncoder();
                throw new SerializationException(
                        "Error serializing Avro " + writerSchema.getFullName() + " for topic '" + topic
                                + "' with schema id " + id + ": " + e,
                        e);
            }
            byte[] bytes = out.toByteArray();
            buffers.trim();
            return bytes;
        }

        private DatumWriter<Object> writerFor(Object value) {
            if (!(value instanceof SpecificRecord)) {
                return genericWriter;
            }
            DatumWriter<Object> writer = specificWriter;
            if (writer == null) {
                // The generated class's own model carries its logical-type conversions.
                SpecificData model = SpecificData.getForClass(value.getClass());
                writer = byName
                        ? new ByNameDatumWriter(writerSchema, model)
                        : new SpecificDatumWriter<>(encodingSchema, model);
                specificWriter = writer;
            }
            return writer;
        }

        static boolean sameEncoding(Schema a, Schema b) {
            return a.equals(b) || SchemaNormalization.toParsingForm(a).equals(SchemaNormalization.toParsingForm(b));
        }

        private byte[] writeRaw(Object value, String topic) {
            byte[] bytes;
            if (value instanceof byte[] array) {
                bytes = new byte[WireFormat.HEADER_SIZE + array.length];
                System.arraycopy(array, 0, bytes, WireFormat.HEADER_SIZE, array.length);
            } else if (value instanceof ByteBuffer buffer) {
                ByteBuffer view = buffer.duplicate();
                bytes = new byte[WireFormat.HEADER_SIZE + view.remaining()];
                view.get(bytes, WireFormat.HEADER_SIZE, view.remaining());
            } else {
                throw new SerializationException(
                        "Schema id " + id + " for topic '" + topic + "' is \"bytes\"; cannot write a "
                                + Objects.requireNonNull(value).getClass().getName() + " with it");
            }
            System.arraycopy(header, 0, bytes, 0, WireFormat.HEADER_SIZE);
            return bytes;
        }
    }
}
