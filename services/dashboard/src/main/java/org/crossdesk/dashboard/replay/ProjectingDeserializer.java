package org.crossdesk.dashboard.replay;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.crossdesk.dashboard.views.ViewSchemas;
import org.crossdesk.schemaregistry.client.SchemaRegistryUnavailableException;
import org.crossdesk.schemaregistry.serde.SchemaRegistryUnreachableException;
import org.crossdesk.schemaregistry.serde.WireFormat;

/**
 * Decodes Confluent-framed Avro values of the dashboard's topics into generic records of the views' reader
 * schemas ({@link ViewSchemas}): the writer schema comes from the registry by the record's schema id (once
 * per id), Avro's schema resolution keeps the fields the views use and skips the rest without building
 * them. Compared with decoding the full generated classes this does a fraction of the work, and personal
 * data never reach the dashboard's heap.
 *
 * <p>An id the registry cannot answer for is not asked about again for {@value #RETRY_FAILED_AFTER_MS} ms,
 * so a run of unreadable records costs one registry call, not one each.
 *
 * <p>Not thread-safe: one instance per consuming thread (it reuses its decoder).
 */
public final class ProjectingDeserializer implements Deserializer<Object> {

    static final long RETRY_FAILED_AFTER_MS = 30_000;

    private final IntFunction<Schema> writerSchemas;
    // Per topic, per writer schema id. A handful of entries: one per schema version in use.
    private final Map<String, Map<Integer, GenericDatumReader<Object>>> readers = new HashMap<>();
    private final Map<Integer, Failure> failures = new HashMap<>();
    private BinaryDecoder decoder;

    private record Failure(SerializationException cause, long until) {}

    /**
     * @param writerSchemas the writer schema of a schema id, e.g. {@code id -> registry.getSchemaById(id)} on a
     *     caching registry client; it may throw for an unknown id
     */
    public ProjectingDeserializer(IntFunction<Schema> writerSchemas) {
        this.writerSchemas = writerSchemas;
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(data);
        GenericDatumReader<Object> reader =
                readers.computeIfAbsent(topic, t -> new HashMap<>()).get(id);
        if (reader == null) {
            reader = reader(topic, id);
            readers.get(topic).put(id, reader);
        }
        decoder = DecoderFactory.get()
                .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, decoder);
        try {
            Object value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Trailing bytes after the Avro value of schema id " + id
                        + " in topic '" + topic + "': the record is corrupt or not written with that schema");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException serialization) {
                throw serialization;
            }
            throw new SerializationException(
                    "Cannot decode a value of schema id " + id + " in topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    private GenericDatumReader<Object> reader(String topic, int id) {
        Schema projection = ViewSchemas.forTopic(topic);
        Failure failure = failures.get(id);
        if (failure != null && System.currentTimeMillis() < failure.until()) {
            throw failure.cause();
        }
        Schema writer;
        try {
            writer = writerSchemas.apply(id);
            failures.remove(id);
        } catch (SchemaRegistryUnavailableException e) {
            // An outage, not a bad record: the follower stops here and reads it again after its back-off.
            throw new SchemaRegistryUnreachableException(
                    "Schema id " + id + " of a record in topic '" + topic + "' cannot be fetched now: "
                            + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            SerializationException cause = new SerializationException(
                    "Schema id " + id + " of a record in topic '" + topic + "' could not be fetched from the registry: "
                            + e.getMessage(),
                    e);
            failures.put(id, new Failure(cause, System.currentTimeMillis() + RETRY_FAILED_AFTER_MS));
            throw cause;
        }
        SchemaCompatibility.SchemaPairCompatibility pair =
                SchemaCompatibility.checkReaderWriterCompatibility(projection, writer);
        if (pair.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("Records of schema id " + id + " (" + writer.getFullName() + ") in topic '"
                    + topic + "' cannot be read by the dashboard: " + pair.getDescription());
        }
        return new GenericDatumReader<>(writer, projection, GenericData.get());
    }
}
