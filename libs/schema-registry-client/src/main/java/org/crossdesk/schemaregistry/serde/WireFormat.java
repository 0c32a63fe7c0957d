package org.crossdesk.schemaregistry.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's classic wire format (docs/design/schema-registry-api.md §3.2): magic byte {@code 0x00}, the schema id as a big-endian int32,
 * then the Avro binary encoding of the datum. Useful on its own, e.g. to name the schema id of an unreadable
 * record in a dead-letter header.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    /** The GUID format of Confluent 8.0+, which this implementation recognises only to reject it clearly. */
    public static final byte GUID_MAGIC_BYTE = 0x1;

    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** The schema id of a payload in the classic format, or a {@link SerializationException} saying why not. */
    public static int schemaId(byte[] payload) {
        if (payload == null) {
            throw new SerializationException("A null payload (tombstone) carries no schema id");
        }
        return schemaId(payload, 0, payload.length);
    }

    static int schemaId(byte[] buffer, int offset, int length) {
        if (length <= 0) {
            throw new SerializationException("Payload of 0 bytes is shorter than the 5-byte Confluent header"
                    + " (magic byte + schema id): not Confluent-framed Avro");
        }
        byte magic = buffer[offset];
        if (magic != MAGIC_BYTE) {
            if (magic == GUID_MAGIC_BYTE) {
                throw new SerializationException(
                        "GUID schema ids (magic byte 1) are not supported: the producer uses"
                                + " Confluent 8's GUID wire format; configure it with the classic prefix (magic byte 0) instead");
            }
            throw new SerializationException("Unknown magic byte! Expected 0 but got " + magic
                    + ": the payload is not in the Confluent wire format");
        }
        if (length < HEADER_SIZE) {
            throw new SerializationException("Payload of " + length + " bytes is shorter than the 5-byte Confluent"
                    + " header (magic byte + schema id)");
        }
        return ((buffer[offset + 1] & 0xFF) << 24)
                | ((buffer[offset + 2] & 0xFF) << 16)
                | ((buffer[offset + 3] & 0xFF) << 8)
                | (buffer[offset + 4] & 0xFF);
    }

    static byte[] header(int schemaId) {
        return new byte[] {
            MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8), (byte) schemaId
        };
    }
}
