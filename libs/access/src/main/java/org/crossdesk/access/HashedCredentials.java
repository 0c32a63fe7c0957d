package org.crossdesk.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one format of Crossdesk's hashed credential lists: the services' HTTP API keys (libs/platform {@code ApiKeys})
 * and the registry's static users (libs/schema-registry-server {@code StaticUsers}). One entry a line, in a file
 * and/or inline ({@code ;} also separates entries, for an environment variable), {@code #} starts a comment, and a
 * secret appears only as {@code sha256:<64 hex digits>}: a leaked list reveals no usable secret, provided the secrets
 * are long random tokens (an unsalted fast hash does not slow down guessing words).
 *
 * <p>Errors name an entry by its number and never quote it: a line holds a hash, and a wrongly pasted one may hold
 * the secret itself.
 */
public final class HashedCredentials {

    /** How a hashed secret is written. */
    public static final String PREFIX = "sha256:";

    /** One non-empty entry: its number (1 for the first line or {@code ;}-separated part) and its fields. */
    public record Entry(int number, List<String> fields) {}

    private HashedCredentials() {}

    /** The entries of a file (may be null) followed by inline ones (may be null or blank). */
    public static List<Entry> read(Path file, String inline) throws IOException {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        if (inline != null) {
            text.append(inline);
        }
        return parse(text.toString());
    }

    /** The entries of a text, comments and blank entries left out, fields split on white space. */
    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("[\\n;]")) {
            number++;
            String line = raw.strip();
            int comment = line.indexOf('#');
            if (comment >= 0) {
                line = line.substring(0, comment).strip();
            }
            if (!line.isEmpty()) {
                entries.add(new Entry(number, List.of(line.split("\\s+"))));
            }
        }
        return entries;
    }

    /** Whether a field is written as a hashed secret. */
    public static boolean isHash(String field) {
        return field.startsWith(PREFIX);
    }

    /**
     * The 32 bytes of a {@code sha256:<hex>} field.
     *
     * @param entry how an error names the entry, e.g. {@code "API key entry 3"}
     * @throws IllegalArgumentException if the field is not 64 hex digits after the prefix
     */
    public static byte[] digestOf(String field, String entry) {
        byte[] digest;
        try {
            digest = HexFormat.of().parseHex(field.substring(PREFIX.length()));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            digest = new byte[0];
        }
        if (digest.length != 32) {
            throw new IllegalArgumentException(entry + ": a SHA-256 hash has 64 hex digits");
        }
        return digest;
    }

    /** The SHA-256 of a secret's UTF-8 bytes. */
    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A secret as a list writes it: {@code sha256:<hex>}. */
    public static String hash(String secret) {
        return PREFIX + HexFormat.of().formatHex(sha256(secret));
    }
}
