package org.crossdesk.bench.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.crossdesk.bench.standin.StandInRegistry;
import org.crossdesk.events.Topics;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.examples.FullyPopulated;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;
import org.crossdesk.schemaregistry.serde.SpecificAvroDeserializer;

/**
 * The two contenders on the same record: the Crossdesk serde (Confluent framing, registry-backed, cached) and
 * plain Avro binary encoding as an application would write it (reused encoder/decoder, ByteArrayOutputStream).
 * Shared by the JMH benchmark and the interleaved ratio harness.
 */
final class SerdeFixture implements AutoCloseable {

    static final String TOPIC = Topics.REFERRALS_LIFECYCLE;

    /** Plain Avro's reusable pieces; one per thread. */
    static final class PlainBuffers {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        BinaryEncoder encoder;
        BinaryDecoder decoder;
    }

    final ReferralEvent event;
    final byte[] framed;
    final byte[] plain;
    private final StandInRegistry standIn;
    private final KafkaAvroSerializer serializer;
    private final SpecificAvroDeserializer<ReferralEvent> deserializer;
    private final SpecificDatumWriter<ReferralEvent> plainWriter;
    private final SpecificDatumReader<ReferralEvent> plainReader;

    /**
     * @param registryUrl a running registry, or null/blank for an in-process stand-in
     * @param registryAuth the running registry's basic auth ({@code BenchStack#registryProperties}), or empty
     */
    SerdeFixture(String registryUrl, Map<String, String> registryAuth) throws IOException {
        event = ExampleEvents.referralEvents().get(0);
        if (!FullyPopulated.gapsIn(event).isEmpty()) {
            throw new IllegalStateException(
                    "The benchmark record is not fully populated: " + FullyPopulated.gapsIn(event));
        }
        String url = registryUrl;
        if (url == null || url.isBlank()) {
            standIn = StandInRegistry.start();
            url = standIn.url();
        } else {
            standIn = null;
        }
        Map<String, Object> config = new HashMap<>(standIn == null ? registryAuth : Map.of());
        config.put("schema.registry.url", url);
        serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        deserializer = new SpecificAvroDeserializer<>(ReferralEvent.class);
        deserializer.configure(config, false);

        SpecificData model = SpecificData.getForClass(ReferralEvent.class);
        plainWriter = new SpecificDatumWriter<>(ReferralEvent.getClassSchema(), model);
        plainReader = new SpecificDatumReader<>(ReferralEvent.getClassSchema(), ReferralEvent.getClassSchema(), model);

        framed = serdeSerialize();
        PlainBuffers buffers = new PlainBuffers();
        plain = plainSerialize(buffers);
        if (!event.equals(serdeDeserialize()) || !event.equals(plainDeserialize(buffers))) {
            throw new IllegalStateException("Round trip changed the record");
        }
        if (framed.length != plain.length + 5) {
            throw new IllegalStateException("Framed payload should be the plain encoding plus the 5-byte header");
        }
    }

    byte[] serdeSerialize() {
        return serializer.serialize(TOPIC, event);
    }

    ReferralEvent serdeDeserialize() {
        return deserializer.deserialize(TOPIC, framed);
    }

    byte[] plainSerialize(PlainBuffers buffers) {
        try {
            buffers.out.reset();
            buffers.encoder = EncoderFactory.get().binaryEncoder(buffers.out, buffers.encoder);
            plainWriter.write(event, buffers.encoder);
            buffers.encoder.flush();
            return buffers.out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ReferralEvent plainDeserialize(PlainBuffers buffers) {
        return plainDeserialize(buffers, plain);
    }

    ReferralEvent serdeRoundTrip() {
        return deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, event));
    }

    ReferralEvent plainRoundTrip(PlainBuffers buffers) {
        return plainDeserialize(buffers, plainSerialize(buffers));
    }

    private ReferralEvent plainDeserialize(PlainBuffers buffers, byte[] bytes) {
        try {
            buffers.decoder = DecoderFactory.get().binaryDecoder(bytes, buffers.decoder);
            return plainReader.read(null, buffers.decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
        if (standIn != null) {
            standIn.close();
        }
    }
}
