package org.crossdesk.schemaregistry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossdesk.schemaregistry.serde.KafkaAvroSerializerTest.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.crossdesk.schemaregistry.fixtures.TestKind;
import org.crossdesk.schemaregistry.fixtures.TestPayment;
import org.crossdesk.schemaregistry.fixtures.TestReferral;
import org.crossdesk.schemaregistry.testing.TinyRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writer v1 (a producer that has not evolved yet) → readers built for v2, which added the defaulted field
 * {@code note}: typed, specific by name, and generic (docs/design/schema-registry-api.md §3.4).
 */
class ReaderResolutionTest {

    /** Version 1 of TestReferral as another producer would have registered it: no 'note', no Java properties. */
    static final Schema REFERRAL_V1 = new Schema.Parser().parse("""
      {"type":"record","name":"TestReferral","namespace":"org.crossdesk.schemaregistry.fixtures","fields":[
        {"name":"referralId","type":"string"},
        {"name":"desk","type":"string"},
        {"name":"kind","type":{"type":"enum","name":"TestKind","symbols":["FUGITIVE","DRUGS","TERRORISM"]}},
        {"name":"submittedAt","type":{"type":"long","logicalType":"timestamp-millis"}},
        {"name":"person","type":{"type":"record","name":"TestPerson","fields":[
          {"name":"name","type":"string"},
          {"name":"birthYear","type":["null","int"],"default":null}]}},
        {"name":"tags","type":{"type":"array","items":"string"}}]}""");

    private static final Instant SUBMITTED = Instant.parse("2024-05-06T07:08:09.123Z");

    private final TinyRegistry registry = new TinyRegistry();
    private final Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", registry.url()));

    @AfterEach
    void stop() {
        registry.close();
    }

    private byte[] writtenWithV1() {
        GenericRecord person =
                new GenericData.Record(REFERRAL_V1.getField("person").schema());
        person.put("name", "Synthetic Person B");
        person.put("birthYear", 1975);
        GenericRecord v1 = new GenericData.Record(REFERRAL_V1);
        v1.put("referralId", "REF-2024-000042");
        v1.put("desk", "FR-OCRTIS");
        v1.put("kind", new GenericData.EnumSymbol(REFERRAL_V1.getField("kind").schema(), "DRUGS"));
        v1.put("submittedAt", SUBMITTED.toEpochMilli());
        v1.put("person", person);
        v1.put("tags", List.of("cross-border"));
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(config, false);
            return serializer.serialize("referrals", v1);
        }
    }

    private static void assertIsTheV1Referral(TestReferral read) {
        assertThat(read.getReferralId()).isEqualTo("REF-2024-000042");
        assertThat(read.getDesk()).isEqualTo("FR-OCRTIS");
        assertThat(read.getKind()).isEqualTo(TestKind.DRUGS);
        assertThat(read.getSubmittedAt()).isEqualTo(SUBMITTED);
        assertThat(read.getPerson().getName()).isEqualTo("Synthetic Person B");
        assertThat(read.getPerson().getBirthYear()).isEqualTo(1975);
        assertThat(read.getTags()).containsExactly("cross-border");
        assertThat(read.getTags().equals(List.of("cross-border")))
                .as("a decoded list of plain values compares as a list")
                .isTrue();
        assertThat(new HashSet<>(List.of(read)).contains(read)).isTrue();
        assertThat(read.getNote()).as("the field v2 added takes its default").isNull();
    }

    @Test
    void aTypedDeserializerReadsOldDataWithItsOwnSchema() {
        byte[] bytes = writtenWithV1();
        try (SpecificAvroDeserializer<TestReferral> typed = new SpecificAvroDeserializer<>(TestReferral.class)) {
            typed.configure(config, false);

            assertIsTheV1Referral(typed.deserialize("referrals", bytes));
        }
    }

    @Test
    void specificAvroReaderFindsTheGeneratedClassByTheWritersName() {
        byte[] bytes = writtenWithV1();
        config.put("specific.avro.reader", "true");
        try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            deserializer.configure(config, false);

            Object read = deserializer.deserialize("referrals", bytes);

            assertThat(read).isInstanceOf(TestReferral.class);
            assertIsTheV1Referral((TestReferral) read);
        }
    }

    @Test
    void aConfiguredValueTypeIsTheReaderSchema() {
        byte[] bytes = writtenWithV1();
        config.put("specific.avro.value.type", TestReferral.class.getName());
        try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            deserializer.configure(config, false);

            assertIsTheV1Referral((TestReferral) deserializer.deserialize("referrals", bytes));
        }
    }

    @Test
    void theGenericReaderReturnsTheWritersShape() {
        byte[] bytes = writtenWithV1();
        try (GenericAvroDeserializer deserializer = new GenericAvroDeserializer()) {
            deserializer.configure(config, false);

            GenericRecord read = deserializer.deserialize("referrals", bytes);

            assertThat(read.getSchema()).isEqualTo(REFERRAL_V1);
            assertThat(read.hasField("note")).isFalse();
            assertThat(read.get("desk")).hasToString("FR-OCRTIS");
            assertThat(read.get("submittedAt"))
                    .as("logical types stay raw by default")
                    .isEqualTo(SUBMITTED.toEpochMilli());
        }
    }

    @Test
    void logicalTypeConvertersTurnGenericTimestampsIntoInstants() {
        byte[] bytes = writtenWithV1();
        config.put("avro.use.logical.type.converters", true);
        try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            deserializer.configure(config, false);

            assertThat(((GenericRecord) deserializer.deserialize("referrals", bytes)).get("submittedAt"))
                    .isEqualTo(SUBMITTED);
        }
    }

    @Test
    void aSpecificReaderWithoutTheWritersClassSaysWhichClassIsMissing() {
        Schema unknown = new Schema.Parser()
                .parse(
                        "{\"type\":\"record\",\"name\":\"Missing\",\"namespace\":"
                                + "\"org.crossdesk.schemaregistry.fixtures\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        GenericRecord record = new GenericData.Record(unknown);
        record.put("id", "x");
        byte[] bytes;
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(config, false);
            bytes = serializer.serialize("misc", record);
        }
        config.put("specific.avro.reader", true);
        try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            deserializer.configure(config, false);

            assertThatThrownBy(() -> deserializer.deserialize("misc", bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessage(
                            "Could not find class org.crossdesk.schemaregistry.fixtures.Missing specified in writer's"
                                    + " schema whilst finding reader's schema for a SpecificRecord.");
        }
    }

    @Test
    void aTypedReaderThatCannotReadTheWriterSaysSo() {
        byte[] bytes;
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(config, false);
            bytes = serializer.serialize("referrals", "not a referral");
        }
        try (SpecificAvroDeserializer<TestReferral> typed = new SpecificAvroDeserializer<>(TestReferral.class)) {
            typed.configure(config, false);

            assertThatThrownBy(() -> typed.deserialize("referrals", bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("cannot be read as")
                    .hasMessageContaining(TestReferral.class.getName());
        }
    }

    @Test
    void theGeneratedClassesOwnLogicalTypesSurviveDecoding() {
        TestPayment payment = TestPayment.newBuilder()
                .setReference(UUID.fromString("3f6c2a9e-1b7d-4c0e-9a51-2d8e7f4b6c10"))
                .setAmount(new BigDecimal("1234.50"))
                .setBookedAt(LocalDateTime.of(2026, 3, 2, 8, 15))
                .setHistory(List.of(new BigDecimal("10.00"), new BigDecimal("-2.25")))
                .build();
        config.put("specific.avro.reader", true);
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer();
                KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            serializer.configure(config, false);
            deserializer.configure(config, false);

            Object read = deserializer.deserialize("payments", serializer.serialize("payments", payment));

            assertThat(read).isEqualTo(payment);
            assertThat(((TestPayment) read).getAmount()).isEqualByComparingTo("1234.50");
        }
    }

    @Test
    void specificSerdeRoundTripsAFullyPopulatedRecord() {
        try (SpecificAvroSerde<TestReferral> serde = new SpecificAvroSerde<>(TestReferral.class)) {
            serde.configure(config, false);

            byte[] bytes = serde.serializer().serialize("referrals", referral());

            assertThat(serde.deserializer().deserialize("referrals", bytes)).isEqualTo(referral());
        }
    }

    @Test
    void genericSerdeRoundTrips() {
        GenericRecord value = KafkaAvroSerializerTest.caseV1("c-9", "TH-RTP");
        try (GenericAvroSerde serde = new GenericAvroSerde()) {
            serde.configure(config, true);

            GenericRecord read =
                    serde.deserializer().deserialize("cases", serde.serializer().serialize("cases", value));

            assertThat(read).isEqualTo(value);
            assertThat(registry.subjects()).containsExactly("cases-key");
        }
    }

    @Test
    void useLatestVersionReadsOldDataWithTheSubjectsLatestSchema() {
        byte[] bytes = writtenWithV1();
        registry.seed("referrals-value", TestReferral.getClassSchema().toString());
        config.put("use.latest.version", true);
        try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            deserializer.configure(config, false);

            GenericRecord read = (GenericRecord) deserializer.deserialize("referrals", bytes);

            assertThat(read.hasField("note")).isTrue();
            assertThat(read.get("note")).isNull();
        }
    }
}
