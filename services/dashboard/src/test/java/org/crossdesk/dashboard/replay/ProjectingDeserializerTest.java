package org.crossdesk.dashboard.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.crossdesk.dashboard.testing.Wire;
import org.crossdesk.events.Topics;
import org.crossdesk.events.examples.AvroBinary;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.referral.ReferralEvent;
import org.junit.jupiter.api.Test;

class ProjectingDeserializerTest {

    private final ProjectingDeserializer values = new ProjectingDeserializer(Wire::writerSchema);

    @Test
    void decodesAFullyPopulatedEventIntoTheFieldsTheViewsUse() {
        ReferralEvent submitted = ExampleEvents.referralEvents().get(0);

        GenericRecord value = (GenericRecord) values.deserialize(Topics.REFERRALS_LIFECYCLE, Wire.frame(submitted));

        GenericRecord body = (GenericRecord) value.get("event");
        assertThat(body.getSchema().getName()).isEqualTo("ReferralSubmitted");
        assertThat(body.get("referralId")).hasToString(ExampleEvents.REFERRAL_ID);
        GenericRecord submission = (GenericRecord) body.get("submission");
        assertThat(submission.get("issuingDesk")).hasToString(ExampleEvents.ISSUER);
        assertThat(submission.get("priority")).hasToString("URGENT");
        assertThat(submission.getSchema().getField("subjects")).isNull();
        assertThat(((GenericRecord) value.get("metadata")).get("occurredAt"))
                .isEqualTo(submitted.getMetadata().getOccurredAt().toEpochMilli());
        assertThat(value.toString())
                .doesNotContain(
                        ExampleEvents.fugitive().getNames().get(0).getFamilyName(),
                        ExampleEvents.fugitiveSubmission().getSummary());
    }

    @Test
    void anUnknownSchemaIdIsAClearErrorAndTheRegistryIsNotAskedAgainAtOnce() {
        AtomicInteger asked = new AtomicInteger();
        ProjectingDeserializer counting = new ProjectingDeserializer(id -> {
            asked.incrementAndGet();
            return Wire.writerSchema(id);
        });
        byte[] unknown = Wire.frame(42, AvroBinary.encode(ExampleEvents.deadlineBreached()));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> counting.deserialize(Topics.DEADLINES_BREACHES, unknown))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Schema id 42")
                    .hasMessageContaining(Topics.DEADLINES_BREACHES)
                    .hasMessageContaining("40403");
        }
        assertThat(asked).hasValue(1);
    }

    @Test
    void refusesWhatIsNotConfluentFramedAvroOfTheTopicsType() {
        byte[] breach = Wire.frame(ExampleEvents.deadlineBreached());

        assertThatThrownBy(() -> values.deserialize(Topics.DEADLINES_BREACHES, "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte");
        assertThatThrownBy(() -> values.deserialize(Topics.REFERRALS_LIFECYCLE, breach))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot be read by the dashboard");
        byte[] withTrailer = Arrays.copyOf(breach, breach.length + 3);
        assertThatThrownBy(() -> values.deserialize(Topics.DEADLINES_BREACHES, withTrailer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Trailing bytes");
        byte[] truncated = Arrays.copyOf(breach, breach.length - 10);
        assertThatThrownBy(() -> values.deserialize(Topics.DEADLINES_BREACHES, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot decode");
        assertThat(values.deserialize(Topics.DIRECTORY_DESKS, null)).isNull();
    }

    @Test
    void readsANewerWriterThatAddedFieldsByName() throws Exception {
        // A producer on a later schema version added a field before the ones the views read.
        Schema current = Wire.writerSchema(4);
        Schema newer = new Schema.Parser()
                .parse(current.toString()
                        .replaceFirst(
                                "\\{\"name\":\"deskId\"",
                                "{\"name\":\"motto\",\"type\":\"string\",\"default\":\"\"},{\"name\":\"deskId\""));
        assertThat(newer.getFields().get(0).name()).isEqualTo("motto");
        GenericRecord profile = new GenericDatumReader<GenericRecord>(current, newer)
                .read(null, DecoderFactory.get().binaryDecoder(AvroBinary.encode(ExampleEvents.deskProfile()), null));
        profile.put("motto", "Synthetic motto");
        ProjectingDeserializer evolved = new ProjectingDeserializer(id -> newer);

        GenericRecord value =
                (GenericRecord) evolved.deserialize(Topics.DIRECTORY_DESKS, Wire.frame(9, encode(profile)));

        assertThat(value.get("deskId")).hasToString(ExampleEvents.RECIPIENT);
        assertThat(value.get("agencyName"))
                .hasToString(ExampleEvents.deskProfile().getAgencyName());
        assertThat(value.get("active")).isEqualTo(true);
        assertThat(value.getSchema().getField("motto")).isNull();
    }

    private static byte[] encode(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
