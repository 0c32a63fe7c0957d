package org.crossdesk.dashboard.testing;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;
import org.crossdesk.events.examples.AvroBinary;

/**
 * Records in the Confluent wire format without a registry, for tests of the decoding path: each event topic's
 * value schema gets a fixed schema id (its position in {@link Topics#events()}, from 1).
 */
public final class Wire {

    private static final List<Topic<String, ?>> TOPICS = Topics.events();

    private Wire() {}

    /** Magic byte, schema id of the record's type, Avro binary of the record. */
    public static byte[] frame(SpecificRecord record) {
        return frame(idOf(record.getSchema()), AvroBinary.encode(record));
    }

    public static byte[] frame(int schemaId, byte[] avro) {
        return ByteBuffer.allocate(5 + avro.length)
                .put((byte) 0)
                .putInt(schemaId)
                .put(avro)
                .array();
    }

    /** The writer schema registered under {@code id}; throws like a registry answering 404 otherwise. */
    public static Schema writerSchema(int id) {
        if (id < 1 || id > TOPICS.size()) {
            throw new IllegalArgumentException("Schema " + id + " not found (HTTP 404, error_code 40403)");
        }
        return schemaOf(TOPICS.get(id - 1).valueType());
    }

    /** The topic that carries records of {@code record}'s type. */
    public static String topicOf(SpecificRecord record) {
        return TOPICS.get(idOf(record.getSchema()) - 1).name();
    }

    private static int idOf(Schema schema) {
        for (int i = 0; i < TOPICS.size(); i++) {
            if (TOPICS.get(i).valueType().getName().equals(schema.getFullName())) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("No event topic carries " + schema.getFullName());
    }

    private static Schema schemaOf(Class<?> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
