package org.crossdesk.intake.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.crossdesk.events.referral.ReferralSubmission;

/**
 * Identity of a submission's content: SHA-256 of its Avro binary encoding. Avro binary is canonical for a
 * given schema (fields in schema order, no whitespace or map ordering), so equal content gives equal
 * fingerprints whether the submission came as JSON over HTTP or as Avro from an outbox, and a
 * fingerprint recomputed while replaying the lifecycle equals the one computed at submission time.
 * Deliberately not {@code equals}: decoded Avro lists break it (see AvroBinary in the events test-jar).
 */
public final class SubmissionFingerprint {

    // One per thread: every HTTP request fingerprints its submission, and a shared writer behind a lock made
    // them queue up under load.
    private static final ThreadLocal<SpecificDatumWriter<ReferralSubmission>> WRITER =
            ThreadLocal.withInitial(() -> new SpecificDatumWriter<>(ReferralSubmission.class));

    private SubmissionFingerprint() {}

    /** The fingerprint of {@code submission}, as lower-case hex. */
    public static String of(ReferralSubmission submission) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            WRITER.get().write(submission, encoder);
            encoder.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
