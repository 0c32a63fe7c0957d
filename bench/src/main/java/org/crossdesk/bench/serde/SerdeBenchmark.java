package org.crossdesk.bench.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Crossdesk serde (Confluent framing, registry-backed, cached) against plain Avro binary encoding of the
 * same record in the same run. The record is a fully populated {@code ReferralEvent} wrapping a
 * {@code ReferralSubmitted} (the lifecycle topic's value). The registry is reached during setup only: the
 * measured calls are the steady state, where the schema id is cached. Goal: serde ≤ 1.10 × plain.
 *
 * <p>{@code -p registryUrl=http://host:8081} uses a real registry; empty (default) starts an in-process
 * stand-in.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SerdeBenchmark {

  private static final String TOPIC = Topics.REFERRALS_LIFECYCLE;

  @Param("")
  public String registryUrl;

  private StandInRegistry standIn;
  private KafkaAvroSerializer serializer;
  private SpecificAvroDeserializer<ReferralEvent> deserializer;
  private ReferralEvent event;
  private byte[] framed;
  private byte[] plain;
  private SpecificDatumWriter<ReferralEvent> plainWriter;
  private SpecificDatumReader<ReferralEvent> plainReader;

  /** Plain Avro's reusable pieces, per thread, as an application would keep them. */
  @State(Scope.Thread)
  public static class PlainBuffers {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    BinaryEncoder encoder;
    BinaryDecoder decoder;
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    event = ExampleEvents.referralEvents().get(0);
    if (!FullyPopulated.gapsIn(event).isEmpty()) {
      throw new IllegalStateException("The benchmark record is not fully populated: " + FullyPopulated.gapsIn(event));
    }
    String url = registryUrl;
    if (url == null || url.isBlank()) {
      standIn = StandInRegistry.start();
      url = standIn.url();
    }
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", url);
    serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    deserializer = new SpecificAvroDeserializer<>(ReferralEvent.class);
    deserializer.configure(config, false);

    SpecificData model = SpecificData.getForClass(ReferralEvent.class);
    plainWriter = new SpecificDatumWriter<>(ReferralEvent.getClassSchema(), model);
    plainReader = new SpecificDatumReader<>(ReferralEvent.getClassSchema(), ReferralEvent.getClassSchema(), model);

    framed = serializer.serialize(TOPIC, event);
    plain = plainSerialize(new PlainBuffers());
    if (!event.equals(deserializer.deserialize(TOPIC, framed)) || !event.equals(plainDeserialize(new PlainBuffers()))) {
      throw new IllegalStateException("Round trip changed the record");
    }
    if (framed.length != plain.length + 5) {
      throw new IllegalStateException("Framed payload should be the plain encoding plus the 5-byte header");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    serializer.close();
    deserializer.close();
    if (standIn != null) {
      standIn.close();
    }
  }

  // ---------------------------------------------------------------- Crossdesk serde (Confluent wire format)

  @Benchmark
  public byte[] serdeSerialize() {
    return serializer.serialize(TOPIC, event);
  }

  @Benchmark
  public ReferralEvent serdeDeserialize() {
    return deserializer.deserialize(TOPIC, framed);
  }

  @Benchmark
  public ReferralEvent serdeRoundTrip() {
    return deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, event));
  }

  // ---------------------------------------------------------------- baseline: plain Avro binary, same record

  @Benchmark
  public byte[] plainSerialize(PlainBuffers buffers) throws IOException {
    buffers.out.reset();
    buffers.encoder = EncoderFactory.get().binaryEncoder(buffers.out, buffers.encoder);
    plainWriter.write(event, buffers.encoder);
    buffers.encoder.flush();
    return buffers.out.toByteArray();
  }

  @Benchmark
  public ReferralEvent plainDeserialize(PlainBuffers buffers) throws IOException {
    buffers.decoder = DecoderFactory.get().binaryDecoder(plain, buffers.decoder);
    return plainReader.read(null, buffers.decoder);
  }

  @Benchmark
  public ReferralEvent plainRoundTrip(PlainBuffers buffers) throws IOException {
    byte[] bytes = plainSerialize(buffers);
    buffers.decoder = DecoderFactory.get().binaryDecoder(bytes, buffers.decoder);
    return plainReader.read(null, buffers.decoder);
  }
}
