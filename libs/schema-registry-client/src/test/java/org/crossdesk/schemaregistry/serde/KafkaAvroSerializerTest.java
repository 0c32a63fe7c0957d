package org.crossdesk.schemaregistry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.crossdesk.schemaregistry.fixtures.TestKind;
import org.crossdesk.schemaregistry.fixtures.TestPerson;
import org.crossdesk.schemaregistry.fixtures.TestReferral;
import org.crossdesk.schemaregistry.testing.TinyRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaAvroSerializerTest {

    static final Schema CASE_V1 = new Schema.Parser()
            .parse(
                    "{\"type\":\"record\",\"name\":\"Case\",\"namespace\":"
                            + "\"org.example\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"desk\",\"type\":\"string\"}]}");
    static final Schema CASE_V2 = new Schema.Parser()
            .parse("{\"type\":\"record\",\"name\":\"Case\",\"namespace\":"
                    + "\"org.example\",\"fields\":[{\"name\":\"priority\",\"type\":\"int\",\"default\":3},"
                    + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"desk\",\"type\":\"string\"}]}");

    private final TinyRegistry registry = new TinyRegistry();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        registry.close();
    }

    private KafkaAvroSerializer serializer(Object... config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config(config), false);
        closing.add(serializer);
        return serializer;
    }

    private KafkaAvroDeserializer deserializer(Object... config) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config(config), false);
        closing.add(deserializer);
        return deserializer;
    }

    private Map<String, Object> config(Object... pairs) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registry.url());
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        return config;
    }

    static GenericRecord caseV1(String id, String desk) {
        GenericRecord record = new GenericData.Record(CASE_V1);
        record.put("id", id);
        record.put("desk", desk);
        return record;
    }

    static TestReferral referral() {
        return TestReferral.newBuilder()
                .setReferralId("REF-2024-000017")
                .setDesk("DE-BKA")
                .setKind(TestKind.FUGITIVE)
                .setSubmittedAt(Instant.parse("2024-05-06T07:08:09.123Z"))
                .setPerson(TestPerson.newBuilder()
                        .setName("Synthetic Person A")
                        .setBirthYear(1980)
                        .build())
                .setTags(List.of("urgent", "extradition"))
                .setNote("synthetic test data")
                .build();
    }

    @Test
    void aRegistryThatDoesNotAnswerIsAnOutageToWaitOutNotABadRecord() {
        KafkaAvroSerializer writer = serializer("max.retries", 0);
        registry.close();

        assertThatThrownBy(() -> writer.serialize("cases", caseV1("CD-1", "FR-OCRTIS")))
                .isInstanceOf(SchemaRegistryUnreachableException.class)
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("cases-value");
    }

    @Test
    void aTombstoneStaysNullWithoutAskingTheRegistry() {
        assertThat(serializer().serialize("cases", null)).isNull();
        assertThat(deserializer().deserialize("cases", null)).isNull();
        assertThat(registry.requestCount()).isZero();
    }

    @Test
    void primitivesRoundTripAndRegisterTheirPrimitiveSchema() {
        KafkaAvroSerializer serializer = serializer();
        KafkaAvroDeserializer deserializer = deserializer();
        Map<Object, String> expectations = new LinkedHashMap<>();
        expectations.put("text", "\"string\"");
        expectations.put(42, "\"int\"");
        expectations.put(42L, "\"long\"");
        expectations.put(1.5f, "\"float\"");
        expectations.put(2.25d, "\"double\"");
        expectations.put(true, "\"boolean\"");

        for (Map.Entry<Object, String> e : expectations.entrySet()) {
            String topic = "t-" + e.getKey().getClass().getSimpleName();
            byte[] bytes = serializer.serialize(topic, e.getKey());
            assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(e.getKey());
            assertThat(registry.schemaText(WireFormat.schemaId(bytes))).isEqualTo(e.getValue());
        }
    }

    @Test
    void byteArraysAndByteBuffersAreWrittenRawAndReadBackAsByteArrays() {
        byte[] payload = {1, 2, 3, 4};
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 4, 9}, 1, 4);

        byte[] fromArray = serializer().serialize("blobs", payload);
        byte[] fromBuffer = serializer().serialize("blobs", buffer);

        assertThat(fromBuffer).isEqualTo(fromArray).hasSize(5 + 4);
        assertThat(buffer.position()).as("the caller's buffer is left alone").isEqualTo(1);
        assertThat(deserializer().deserialize("blobs", fromArray)).isEqualTo(payload);
    }

    @Test
    void aTopLevelStringIsAJavaString() {
        Object read = deserializer().deserialize("t", serializer().serialize("t", new Utf8("é")));
        assertThat(read).isInstanceOf(String.class).isEqualTo("é");
    }

    @Test
    void contactsTheRegistryOnceForManyRecordsOfOneSchema() {
        KafkaAvroSerializer serializer = serializer();
        for (int i = 0; i < 100; i++) {
            serializer.serialize("cases", caseV1("c" + i, "DE-BKA"));
        }
        serializer.serialize("cases", referral());
        assertThat(registry.requestCount()).isEqualTo(2);
    }

    @Test
    void refusesTypesAvroCannotEncode() {
        assertThatThrownBy(() -> serializer().serialize("t", new Object()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void aRecordThatBreaksItsSchemaFailsClearlyAndDoesNotCorruptTheNextOne() {
        KafkaAvroSerializer serializer = serializer();
        GenericRecord broken = new GenericData.Record(CASE_V1);
        broken.put("id", "c1");

        assertThatThrownBy(() -> serializer.serialize("cases", broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("org.example.Case")
                .hasMessageContaining("cases");

        byte[] good = serializer.serialize("cases", caseV1("c2", "FR-OCRTIS"));
        assertThat(((GenericRecord) deserializer().deserialize("cases", good)).get("desk"))
                .hasToString("FR-OCRTIS");
    }

    @Test
    void withoutAutoRegistrationLooksTheSchemaUp() {
        int id = registry.seed("cases-value", CASE_V1.toString());

        byte[] bytes = serializer("auto.register.schemas", false).serialize("cases", caseV1("c1", "DE-BKA"));

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
        assertThat(registry.http().lastRequest().pathAndQuery()).isEqualTo("/subjects/cases-value");
    }

    @Test
    void withoutAutoRegistrationAnUnknownSchemaIsAClearError() {
        registry.seed("cases-value", CASE_V2.toString());

        assertThatThrownBy(() -> serializer("auto.register.schemas", "false").serialize("cases", caseV1("c", "d")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cases-value")
                .hasMessageContaining("40403");
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchemaMatchingFieldsByName() {
        registry.seed("cases-value", CASE_V1.toString());
        int latest = registry.seed("cases-value", CASE_V2.toString());

        byte[] bytes = serializer("auto.register.schemas", false, "use.latest.version", true)
                .serialize("cases", caseV1("c1", "DE-BKA"));

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(latest);
        GenericRecord read = (GenericRecord) deserializer().deserialize("cases", bytes);
        assertThat(read.getSchema()).isEqualTo(CASE_V2);
        assertThat(read.get("priority")).isEqualTo(3);
        assertThat(read.get("id")).hasToString("c1");
        assertThat(read.get("desk")).hasToString("DE-BKA");
    }

    @Test
    void useLatestVersionWritesAGeneratedRecordByNameToo() {
        String v3 = TestReferral.getClassSchema()
                .toString()
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"priority\",\"type\":\"int\",\"default\":3},");
        int latest = registry.seed("referrals-value", v3);

        byte[] bytes = serializer("auto.register.schemas", false, "use.latest.version", true)
                .serialize("referrals", referral());

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(latest);
        GenericRecord read = (GenericRecord) deserializer().deserialize("referrals", bytes);
        assertThat(read.get("priority")).isEqualTo(3);
        assertThat(read.get("referralId")).hasToString("REF-2024-000017");
        assertThat(read.get("kind")).hasToString("FUGITIVE");
        assertThat(read.get("submittedAt"))
                .isEqualTo(Instant.parse("2024-05-06T07:08:09.123Z").toEpochMilli());
        assertThat(((GenericRecord) read.get("person")).get("birthYear")).isEqualTo(1980);
        assertThat(read.get("tags").toString()).isEqualTo("[urgent, extradition]");
        assertThat(read.get("note")).hasToString("synthetic test data");
    }

    @Test
    void aLatestSchemaThatDiffersOnlyInPropertiesEncodesTheSameBytes() throws IOException {
        String withoutJavaProperties =
                TestReferral.getClassSchema().toString().replace(",\"avro.java.string\":\"String\"", "");
        assertThat(withoutJavaProperties).doesNotContain("avro.java.string");
        int latest = registry.seed("referrals-value", withoutJavaProperties);

        byte[] bytes = serializer("auto.register.schemas", false, "use.latest.version", true)
                .serialize("referrals", referral());

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(latest);
        assertThat(Arrays.copyOfRange(bytes, WireFormat.HEADER_SIZE, bytes.length))
                .isEqualTo(plainAvro(referral()));
    }

    private static byte[] plainAvro(TestReferral value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(TestReferral.class).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void useLatestVersionRefusesALatestSchemaThatCannotReadTheValue() {
        registry.seed(
                "cases-value",
                "{\"type\":\"record\",\"name\":\"Case\",\"namespace\":\"org.example\","
                        + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"rank\",\"type\":\"int\"}]}");

        assertThatThrownBy(() -> serializer("auto.register.schemas", false, "use.latest.version", true)
                        .serialize("cases", caseV1("c1", "DE-BKA")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("latest.compatibility.strict");
    }

    @Test
    void useSchemaIdPinsTheWriterSchema() {
        int pinned = registry.seed("cases-value", CASE_V2.toString());

        byte[] bytes = serializer("auto.register.schemas", false, "use.schema.id", pinned)
                .serialize("cases", caseV1("c1", "DE-BKA"));

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(pinned);
        assertThat(((GenericRecord) deserializer().deserialize("cases", bytes)).get("priority"))
                .isEqualTo(3);
    }

    @Test
    void removesJavaStringPropertiesBeforeRegistering() {
        assertThat(TestReferral.getClassSchema().toString()).contains("avro.java.string");

        byte[] bytes = serializer("avro.remove.java.properties", true).serialize("referrals", referral());

        String registered = registry.schemaText(WireFormat.schemaId(bytes));
        assertThat(registered).doesNotContain("avro.java.string").contains("TestReferral");
    }

    @Test
    void normalizeSchemasAsksTheRegistryToNormalize() {
        serializer("normalize.schemas", true).serialize("cases", caseV1("c", "d"));
        assertThat(registry.http().lastRequest().pathAndQuery())
                .isEqualTo("/subjects/cases-value/versions?normalize=true");
    }

    @Test
    void keysUseTheKeySubject() {
        KafkaAvroSerializer keys = new KafkaAvroSerializer();
        keys.configure(config(), true);
        closing.add(keys);

        keys.serialize("cases", "REF-1");

        assertThat(registry.subjects()).containsExactly("cases-key");
    }

    @Test
    void oneSerializerServesManyThreads() throws Exception {
        KafkaAvroSerializer serializer = serializer();
        KafkaAvroDeserializer deserializer = deserializer();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String id = "c-" + thread + "-" + i + "-".repeat(i % 50);
                        Object value = i % 2 == 0 ? caseV1(id, "DE-BKA") : id;
                        Object read = deserializer.deserialize("mixed", serializer.serialize("mixed", value));
                        Object readId =
                                read instanceof GenericRecord r ? r.get("id").toString() : read;
                        if (!id.equals(readId)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
