package org.crossdesk.events.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plain Avro binary encoding of generated records (no registry framing), for tests.
 *
 * <p>Decoding materialises arrays as {@link ArrayList}. Avro 1.12.1's own array class
 * ({@code GenericData.Array}) implements {@code equals} and {@code hashCode} with the conversion-less
 * {@code GenericData.get()}, so a decoded record whose list holds a record with an optional
 * date or timestamp ({@code Person.dateOfBirth}, {@code Location.seenAt}) throws
 * "Unknown datum type java.time.LocalDate" from {@code equals}. With ArrayList the generated,
 * field-by-field {@code equals} applies all the way down.
 */
public final class AvroBinary {

    private AvroBinary() {}

    /** The Avro binary encoding of {@code record} with its own schema. */
    public static byte[] encode(SpecificRecord record) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes bytes written with {@code writerSchema} into the generated class of {@code readerSchema}. */
    public static <T extends SpecificRecord> T decode(byte[] bytes, Schema writerSchema, Schema readerSchema) {
        try {
            return listMaterialisingReader(writerSchema, readerSchema)
                    .<T>read(DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes and decodes {@code record} with its own schema. */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> T roundTrip(T record) {
        return (T) decode(encode(record), record.getSchema(), record.getSchema());
    }

    /** A reader for generated classes whose arrays are plain {@link ArrayList}s (see the class comment). */
    public static <T> Reader<T> listMaterialisingReader(Schema writerSchema, Schema readerSchema) {
        return new Reader<>(writerSchema, readerSchema);
    }

    /**
     * The data model of {@link Reader}: the generated classes, the date and timestamp conversions they
     * use, and ArrayList for arrays. The array choice must live in the model, not in the reader, because
     * Avro's default fast reader asks the model for new arrays directly.
     */
    public static SpecificData listMaterialisingModel() {
        SpecificData model = new SpecificData(AvroBinary.class.getClassLoader()) {
            @Override
            public Object newArray(Object old, int size, Schema schema) {
                if (old instanceof ArrayList<?> list) {
                    list.clear();
                    return list;
                }
                return new ArrayList<>(size);
            }
        };
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        return model;
    }

    /** A {@link SpecificDatumReader} over {@link #listMaterialisingModel()}. */
    public static final class Reader<T> extends SpecificDatumReader<T> {

        private static final SpecificData MODEL = listMaterialisingModel();

        Reader(Schema writerSchema, Schema readerSchema) {
            super(writerSchema, readerSchema, MODEL);
        }

        @SuppressWarnings("unchecked")
        <R> R read(Decoder decoder) throws IOException {
            return (R) super.read(null, decoder);
        }
    }
}
