package org.crossdesk.launcher.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random key made once and kept in a file beside the data it protects, e.g. the key notifications seals
 * webhook secrets with: the sealed secrets live in a Kafka topic, so the key must last exactly as long as
 * the broker's data (and goes with them on {@code --fresh}).
 */
public final class LocalSecret {

    private LocalSecret() {}

    /** A random secret for a Kafka principal: read from {@code file}, or made and written there (owner-only) first. */
    public static String secret(Path file) {
        return base64(file, 32).replace('+', '-').replace('/', '_').replace("=", "");
    }

    /** Makes {@code file} (created empty if missing) readable and writable by its owner only, before secrets go in. */
    public static void ownerOnly(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory protects it
        }
    }

    /** Base64 of {@code bytes} random bytes, read from {@code file} or written there (owner-only) first. */
    public static String base64(Path file, int bytes) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            byte[] key = new byte[bytes];
            new SecureRandom().nextBytes(key);
            String value = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(file.getParent());
            Path temp =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            ownerOnly(temp);
            Files.writeString(temp, value + "\n");
            Files.move(temp, file);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the key file " + file, e);
        }
    }
}
