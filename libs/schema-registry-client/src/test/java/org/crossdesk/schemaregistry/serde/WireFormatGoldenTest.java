package org.crossdesk.schemaregistry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.crossdesk.schemaregistry.testing.TinyRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The golden byte vectors of docs/design/schema-registry-api.md §3.2, in both directions. */
class WireFormatGoldenTest {

    private static final String RECORD =
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

    private final TinyRegistry registry = new TinyRegistry();
    private KafkaAvroSerializer serializer;
    private KafkaAvroDeserializer deserializer;

    @BeforeEach
    void seedTheIdsOfTheVectors() {
        registry.seed("strings-value", "\"string\"", 1);
        registry.seed("ints-value", "\"int\"", 2);
        registry.seed("blobs-value", "\"bytes\"", 3);
        registry.seed("records-value", RECORD, 7);
        Map<String, String> config = Map.of("schema.registry.url", registry.url());
        serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
    }

    @AfterEach
    void stop() {
        serializer.close();
        deserializer.close();
        registry.close();
    }

    @Test
    void aString() {
        assertThat(hex(serializer.serialize("strings", "abc"))).isEqualTo("0000000001" + "06" + "616263");
        assertThat(deserializer.deserialize("strings", bytes("00000000010661626" + "3")))
                .isEqualTo("abc");
    }

    @Test
    void anInt() {
        assertThat(hex(serializer.serialize("ints", 1))).isEqualTo("0000000002" + "02");
        assertThat(deserializer.deserialize("ints", bytes("000000000202"))).isEqualTo(1);
    }

    @Test
    void aRecord() {
        GenericRecord value = new GenericData.Record(new Schema.Parser().parse(RECORD));
        value.put("id", "x");

        assertThat(hex(serializer.serialize("records", value))).isEqualTo("0000000007" + "02" + "78");

        Object read = deserializer.deserialize("records", bytes("00000000070278"));
        assertThat(read).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) read).get("id")).hasToString("x");
    }

    @Test
    void bytesWithoutLengthPrefix() {
        assertThat(hex(serializer.serialize("blobs", new byte[] {(byte) 0xCA, (byte) 0xFE})))
                .isEqualTo("0000000003" + "cafe");
        assertThat(deserializer.deserialize("blobs", bytes("0000000003cafe")))
                .isEqualTo(new byte[] {(byte) 0xCA, (byte) 0xFE});
    }

    @Test
    void theSchemaIdIsBigEndianAndMayBeLarge() {
        registry.seed("cloud-value", "\"long\"", 100_001);

        assertThat(hex(serializer.serialize("cloud", 1L))).isEqualTo("00000186a1" + "02");
        assertThat(WireFormat.schemaId(bytes("00000186a102"))).isEqualTo(100_001);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
