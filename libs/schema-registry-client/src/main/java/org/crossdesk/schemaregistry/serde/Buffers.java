package org.crossdesk.schemaregistry.serde;

import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Per-thread encoding and decoding state. Producer threads share one serializer, so reusable buffers and
 * encoders live per thread, not per serializer; they are shared by every serde instance on that thread, which
 * is safe because a (de)serialization never re-enters another one on the same thread.
 */
final class Buffers {

    /** Buffers that grew beyond this are dropped after use, so one huge record doesn't pin memory per thread. */
    private static final int RETAINED_MAX = 1 << 20;

    private static final ThreadLocal<Buffers> PER_THREAD = ThreadLocal.withInitial(Buffers::new);

    final Output out = new Output(512);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    BinaryDecoder decoder;

    static Buffers get() {
        return PER_THREAD.get();
    }

    /** After a failed write the encoder may hold half a datum; never let it reach the next record. */
    void discardEncoder() {
        encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    }

    BinaryDecoder decoder(byte[] buffer, int offset, int length) {
        BinaryDecoder d = DecoderFactory.get().binaryDecoder(buffer, offset, length, decoder);
        decoder = d;
        return d;
    }

    void trim() {
        if (out.buf.length > RETAINED_MAX) {
            out.buf = new byte[512];
        }
    }

    /** ByteArrayOutputStream without the locks and with the header written in place. */
    static final class Output extends OutputStream {
        byte[] buf;
        int count;

        Output(int size) {
            buf = new byte[size];
        }

        void reset() {
            count = 0;
        }

        @Override
        public void write(int b) {
            ensure(count + 1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(count + len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        private void ensure(int needed) {
            if (needed > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(needed, buf.length << 1));
            }
        }
    }
}
