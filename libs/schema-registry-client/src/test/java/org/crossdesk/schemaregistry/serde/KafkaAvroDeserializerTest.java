package org.crossdesk.schemaregistry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossdesk.schemaregistry.serde.WireFormatGoldenTest.bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.crossdesk.schemaregistry.testing.TinyRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear answer: what was wrong with the bytes, or with the registry's answer. */
class KafkaAvroDeserializerTest {

    private final TinyRegistry registry = new TinyRegistry();
    private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();

    private KafkaAvroDeserializer configured(Object... pairs) {
        Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", registry.url()));
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        deserializer.configure(config, false);
        return deserializer;
    }

    @AfterEach
    void stop() {
        deserializer.close();
        registry.close();
    }

    @Test
    void aRegistryThatDoesNotAnswerIsAnOutageToWaitOutNotAnUnreadableRecord() {
        KafkaAvroDeserializer reader = configured("max.retries", 0);
        registry.close(); // nobody listens on its port any more

        assertThatThrownBy(() -> reader.deserialize("t", bytes("00" + "0000002a" + "02")))
                .isInstanceOf(SchemaRegistryUnreachableException.class)
                .isInstanceOf(RetriableException.class)
                .isNotInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema id 42")
                .hasMessageContaining("'t'");
    }

    @Test
    void anUnknownMagicByteIsRejectedAsConfluentDoes() {
        byte[] plainJson = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> configured().deserialize("t", plainJson))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Unknown magic byte!");
        assertThat(registry.requestCount()).isZero();
    }

    @Test
    void guidSchemaIdsAreRejectedByName() {
        byte[] guidFramed = bytes("01" + "0123456789abcdef0123456789abcdef" + "02");

        assertThatThrownBy(() -> configured().deserialize("t", guidFramed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("GUID schema ids (magic byte 1) are not supported");
    }

    @Test
    void schemaIdsInHeadersAreRejectedByName() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("__value_schema_id", bytes("01" + "0123456789abcdef0123456789abcdef"));

        assertThatThrownBy(() -> configured().deserialize("t", headers, bytes("02")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("GUID schema ids (magic byte 1) are not supported")
                .hasMessageContaining("__value_schema_id");
    }

    @Test
    void aPayloadShorterThanTheHeaderIsRejected() {
        assertThatThrownBy(() -> configured().deserialize("t", bytes("000000")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes is shorter than the 5-byte");
        assertThatThrownBy(() -> configured().deserialize("t", new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("0 bytes is shorter than the 5-byte");
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsRejectedWithTheRegistrysCode() {
        assertThatThrownBy(() -> configured().deserialize("cases", bytes("0000000063" + "02")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema id 99")
                .hasMessageContaining("cases")
                .hasMessageContaining("40403");
    }

    @Test
    void passesTheSubjectWhenTheStrategyKnowsItWithoutTheSchema() {
        registry.seed("cases-value", "\"string\"", 5);

        configured().deserialize("cases", bytes("0000000005" + "00"));

        assertThat(registry.http().lastRequest().pathAndQuery()).isEqualTo("/schemas/ids/5?subject=cases-value");
    }

    @Test
    void fetchesEachWriterIdOnce() {
        registry.seed("cases-value", "\"string\"", 5);
        configured();

        for (int i = 0; i < 10; i++) {
            assertThat(deserializer.deserialize("cases", bytes("0000000005" + "0278")))
                    .isEqualTo("x");
        }

        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void trailingBytesAreAnErrorOnlyWhenAskedFor() {
        registry.seed("n-value", "\"int\"", 2);
        byte[] withTrailing = bytes("0000000002" + "02" + "ffff");

        assertThat(configured().deserialize("n", withTrailing)).isEqualTo(1);

        KafkaAvroDeserializer strict = new KafkaAvroDeserializer();
        strict.configure(Map.of("schema.registry.url", registry.url(), "avro.fail.on.trailing.data", "true"), false);
        assertThatThrownBy(() -> strict.deserialize("n", withTrailing))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("trailing");
        strict.close();
    }

    @Test
    void aTruncatedDatumIsAClearError() {
        registry.seed("s-value", "\"string\"", 1);

        assertThatThrownBy(() -> configured().deserialize("s", bytes("0000000001" + "0661")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 1");
    }

    @Test
    void readsStraightFromAByteBufferSliceAsKafka4ConsumersPassIt() {
        registry.seed("s-value", "\"string\"", 1);
        byte[] fetchBuffer = bytes("ffff" + "0000000001" + "06616263" + "ffff");
        ByteBuffer slice = ByteBuffer.wrap(fetchBuffer, 2, 9).slice();

        assertThat(configured().deserialize("s", new RecordHeaders(), slice)).isEqualTo("abc");
        assertThat(slice.position()).isZero();
    }

    @Test
    void readsFromADirectByteBuffer() {
        registry.seed("s-value", "\"string\"", 1);
        ByteBuffer direct = ByteBuffer.allocateDirect(9)
                .put(bytes("0000000001" + "06616263"))
                .flip();

        assertThat(configured().deserialize("s", new RecordHeaders(), direct)).isEqualTo("abc");
    }
}
