package org.crossdesk.schemaregistry.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.crossdesk.schemaregistry.client.CachedSchemaRegistryClient;
import org.crossdesk.schemaregistry.client.RegisteredSchema;
import org.crossdesk.schemaregistry.client.SchemaRegistryClient;
import org.crossdesk.schemaregistry.client.SchemaRegistryException;
import org.crossdesk.schemaregistry.client.SchemaRegistryNotFoundException;
import org.crossdesk.schemaregistry.client.SchemaRegistryUnavailableException;

/**
 * Avro deserializer for Confluent's wire format, a drop-in for
 * {@code io.confluent.kafka.serializers.KafkaAvroDeserializer}: same class name, same configuration keys
 * ({@link KafkaAvroSerdeConfig}).
 *
 * <p>Reads the schema id from the 5-byte prefix, fetches the writer schema by id once (cached forever), then
 * picks the reader schema (docs/design/schema-registry-api.md §3.4), first match wins: {@code specific.avro.key.type}/{@code .value.type} or
 * a typed {@link SpecificAvroDeserializer}; {@code use.latest.version}; the writer itself for primitives;
 * the generated class named by the writer ({@code specific.avro.reader=true}); otherwise the writer (generic).
 * Avro schema resolution then fills added fields from defaults and skips removed ones.
 *
 * <p>Returns {@code null} for a {@code null} payload (tombstone), a {@code String} for a top-level string,
 * the raw remaining bytes for a {@code "bytes"} writer. Malformed input gets a {@link SerializationException}
 * that says what was wrong ("Unknown magic byte!", too short, unknown id, missing generated class).
 * Thread-safe; decoding state is per thread and datum readers are cached per (writer id, reader schema).
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private static final long NEVER = Long.MIN_VALUE;
    private static final String NULL_TOPIC = "\u0000no topic";

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private volatile SerdeSettings settings;
    private volatile GenericData genericData = GenericData.get();
    private final IntObjectMap<ReaderPlan> plans = new IntObjectMap<>();
    private final ConcurrentHashMap<String, IntObjectMap<ReaderPlan>> plansByTopic = new ConcurrentHashMap<>();
    private Class<? extends SpecificRecord> fixedType;
    private boolean forceGeneric;

    /** For Kafka's reflective instantiation; {@link #configure} creates the registry client from the map. */
    public KafkaAvroDeserializer() {}

    /** Uses {@code client} (not closed by {@link #close()}); still needs {@link #configure}. */
    public KafkaAvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** Uses {@code client} and configures as a value deserializer. */
    public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs) {
        this(client);
        configure(configs, false);
    }

    /** Typed wrappers fix the reader class before {@link #configure} runs. */
    KafkaAvroDeserializer readingAs(Class<? extends SpecificRecord> type) {
        this.fixedType = type;
        return this;
    }

    KafkaAvroDeserializer readingGeneric() {
        this.forceGeneric = true;
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeSettings s = SerdeSettings.from(configs, isKey);
        if (fixedType != null) {
            s = s.withSpecificType(fixedType);
        } else if (forceGeneric) {
            s = s.generic();
        }
        this.settings = s;
        this.genericData = AvroTypes.genericData(s.logicalTypeConverters());
        if (client == null) {
            KafkaAvroSerializer.requireUrl(configs);
            client = CachedSchemaRegistryClient.fromConfigs(configs);
            ownsClient = true;
        }
        plansByTopic.clear();
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return data == null ? null : read(topic, data, 0, data.length);
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        rejectHeaderSchemaIds(headers);
        return read(topic, data, 0, data.length);
    }

    /** Kafka 4 consumers call this one: decode straight from the fetch buffer instead of copying it first. */
    @Override
    public Object deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        rejectHeaderSchemaIds(headers);
        if (data.hasArray()) {
            return read(topic, data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return read(topic, copy, 0, copy.length);
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }

    /** The registry client in use. */
    public SchemaRegistryClient client() {
        return client;
    }

    private Object read(String topic, byte[] buffer, int offset, int length) {
        SerdeSettings s = configured();
        int id = WireFormat.schemaId(buffer, offset, length);
        IntObjectMap<ReaderPlan> cache = plansFor(topic, s);
        ReaderPlan plan = cache.get(id);
        if (plan == null || (plan.expiresAtNanos != NEVER && System.nanoTime() - plan.expiresAtNanos > 0)) {
            plan = plan(topic, id, s);
            cache.put(id, plan);
        }
        return plan.read(buffer, offset + WireFormat.HEADER_SIZE, length - WireFormat.HEADER_SIZE, topic);
    }

    /** The reader schema depends on the topic only through {@code use.latest.version}. */
    private IntObjectMap<ReaderPlan> plansFor(String topic, SerdeSettings s) {
        if (!s.useLatestVersion() || s.specificType() != null) {
            return plans;
        }
        String key = topic == null ? NULL_TOPIC : topic;
        IntObjectMap<ReaderPlan> forTopic = plansByTopic.get(key);
        return forTopic != null ? forTopic : plansByTopic.computeIfAbsent(key, t -> new IntObjectMap<>());
    }

    private ReaderPlan plan(String topic, int id, SerdeSettings s) {
        String subject = s.strategy().usesSchema() ? null : s.strategy().subjectName(topic, s.isKey(), null);
        Schema writer;
        try {
            writer = client.getSchemaBySubjectAndId(subject, id);
        } catch (SchemaRegistryUnavailableException e) {
            throw new SchemaRegistryUnreachableException(
                    "Schema id " + id + " of a record in topic '" + topic + "' cannot be fetched now: "
                            + e.getMessage(),
                    e);
        } catch (SchemaRegistryNotFoundException e) {
            throw new SerializationException(
                    "Schema id " + id + " of a record in topic '" + topic + "' is not in the" + " registry (error_code "
                            + e.errorCode() + "): " + e.getMessage(),
                    e);
        } catch (SchemaRegistryException | IllegalArgumentException e) {
            throw new SerializationException(
                    "Error retrieving Avro schema id " + id + " for topic '" + topic + "': " + e.getMessage(), e);
        }

        Schema reader;
        boolean specific;
        long expiresAt = NEVER;
        if (s.specificType() != null) {
            reader = SpecificData.getForClass(s.specificType()).getSchema(s.specificType());
            specific = true;
        } else if (s.useLatestVersion()) {
            String latestSubject = subject != null ? subject : s.strategy().subjectName(topic, s.isKey(), writer);
            try {
                RegisteredSchema latest = client.getLatestSchemaMetadata(latestSubject);
                reader = client.getSchemaBySubjectAndId(
                        latestSubject, KafkaAvroSerializer.requireId(latest, latestSubject));
            } catch (SchemaRegistryUnavailableException e) {
                throw new SchemaRegistryUnreachableException(
                        "The latest schema of subject '" + latestSubject + "' cannot be fetched now: " + e.getMessage(),
                        e);
            } catch (SchemaRegistryException | IllegalArgumentException e) {
                throw new SerializationException(
                        "Error fetching the latest schema of subject '" + latestSubject + "' (use.latest.version): "
                                + e.getMessage(),
                        e);
            }
            specific = s.specificReader() && !AvroTypes.isPrimitive(writer);
            if (s.latestCacheTtlNanos() >= 0) {
                expiresAt = System.nanoTime() + s.latestCacheTtlNanos();
            }
        } else if (AvroTypes.isPrimitive(writer)) {
            reader = writer;
            specific = false;
        } else if (s.specificReader()) {
            reader = specificReaderSchema(writer, true);
            specific = true;
        } else {
            reader = writer;
            specific = false;
        }

        if (reader != writer && reader.equals(writer)) {
            writer = reader; // one instance: Avro's resolver cache is keyed by identity
        } else if (reader != writer) {
            SchemaCompatibility.SchemaPairCompatibility pair =
                    SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            if (pair.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new SerializationException(
                        "Records written with schema id " + id + " (" + writer.getFullName() + ") in topic '" + topic
                                + "' cannot be read as " + reader.getFullName() + ": " + pair.getDescription());
            }
        }

        DatumReader<Object> datumReader = specific
                // The generated class's own model: its conversions and class loader, and Avro's fast reader (which
                // runs only with the exact SpecificData class).
                ? new SpecificDatumReader<>(
                        writer,
                        reader,
                        s.specificType() != null
                                ? SpecificData.getForClass(s.specificType())
                                : SpecificData.getForSchema(reader))
                : new GenericDatumReader<>(writer, reader, genericData);
        return new ReaderPlan(
                id,
                writer,
                reader,
                datumReader,
                specific ? ArrayLists.planFor(reader) : null,
                s.failOnTrailingData(),
                expiresAt);
    }

    /**
     * The generated class named by the writer, branch by branch through arrays, maps and unions; a nested
     * branch without a class keeps the writer's schema, a top-level record without one is an error.
     */
    static Schema specificReaderSchema(Schema writer, boolean topLevel) {
        switch (writer.getType()) {
            case RECORD, ENUM, FIXED -> {
                Class<?> type = SpecificData.get().getClass(writer);
                boolean usable = type != null
                        && (writer.getType() != Schema.Type.RECORD || SpecificRecord.class.isAssignableFrom(type));
                if (!usable) {
                    if (topLevel && writer.getType() == Schema.Type.RECORD) {
                        throw new SerializationException("Could not find class " + writer.getFullName()
                                + " specified in writer's schema whilst finding reader's schema for a SpecificRecord.");
                    }
                    return writer;
                }
                return SpecificData.getForClass(type).getSchema(type);
            }
            case ARRAY -> {
                return Schema.createArray(specificReaderSchema(writer.getElementType(), false));
            }
            case MAP -> {
                return Schema.createMap(specificReaderSchema(writer.getValueType(), false));
            }
            case UNION -> {
                List<Schema> branches = new ArrayList<>(writer.getTypes().size());
                for (Schema branch : writer.getTypes()) {
                    branches.add(specificReaderSchema(branch, false));
                }
                return Schema.createUnion(branches);
            }
            default -> {
                return writer;
            }
        }
    }

    private void rejectHeaderSchemaIds(Headers headers) {
        if (headers == null) {
            return;
        }
        String name = configured().isKey() ? "__key_schema_id" : "__value_schema_id";
        Header header = headers.lastHeader(name);
        if (header != null) {
            byte[] value = header.value();
            if (value != null && value.length > 0 && value[0] == WireFormat.GUID_MAGIC_BYTE) {
                throw new SerializationException("GUID schema ids (magic byte 1) are not supported: the record carries"
                        + " its schema id in header " + name
                        + "; configure the producer with the classic payload prefix");
            }
            throw new SerializationException("Schema ids in record headers (" + name + ") are not supported; configure"
                    + " the producer with the classic payload prefix (magic byte 0)");
        }
    }

    private SerdeSettings configured() {
        if (settings == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure(Map, boolean)");
        }
        return settings;
    }

    /** Everything needed to read records of one writer id, once the registry has been asked. */
    static final class ReaderPlan {
        final int id;
        final Schema writer;
        final Schema reader;
        final long expiresAtNanos;
        private final DatumReader<Object> datumReader;
        private final UnaryOperator<Object> listFix;
        private final boolean rawBytes;
        private final boolean topLevelString;
        private final boolean failOnTrailingData;

        ReaderPlan(
                int id,
                Schema writer,
                Schema reader,
                DatumReader<Object> datumReader,
                UnaryOperator<Object> listFix,
                boolean failOnTrailingData,
                long expiresAtNanos) {
            this.id = id;
            this.writer = writer;
            this.reader = reader;
            this.datumReader = datumReader;
            this.listFix = listFix;
            this.rawBytes = writer.getType() == Schema.Type.BYTES;
            this.topLevelString = reader.getType() == Schema.Type.STRING;
            this.failOnTrailingData = failOnTrailingData;
            this.expiresAtNanos = expiresAtNanos;
        }

        Object read(byte[] buffer, int offset, int length, String topic) {
            if (rawBytes) {
                return Arrays.copyOfRange(buffer, offset, offset + length);
            }
            BinaryDecoder decoder = Buffers.get().decoder(buffer, offset, length);
            Object value;
            try {
                value = datumReader.read(null, decoder);
                if (failOnTrailingData && !decoder.isEnd()) {
                    throw new SerializationException("Avro datum of schema id " + id + " in topic '" + topic
                            + "' is followed by trailing bytes (avro.fail.on.trailing.data=true)");
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof SerializationException se) {
                    throw se;
                }
                throw new SerializationException(
                        "Error deserializing Avro message for schema id " + id + " in topic '" + topic + "': " + e, e);
            }
            if (topLevelString && value instanceof CharSequence text && !(value instanceof String)) {
                return text.toString();
            }
            return listFix == null || value == null ? value : listFix.apply(value);
        }
    }
}
