package org.crossdesk.schemaregistry.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Users configured with the registry, each stored as the SHA-256 of its password (the idea of
 * libs/platform's {@code ApiKeys}): a leaked configuration reveals no usable password, provided the
 * passwords are long random tokens rather than words, since an unsalted fast hash does not slow down
 * guessing.
 *
 * <p>One entry a line, in a file or inline ({@code ;} also separates entries), {@code #} starts a comment:
 * <pre>&lt;user&gt; &lt;READ|REGISTER|ADMIN&gt; sha256:&lt;64 hex digits&gt;</pre>
 * {@link UserLine} prints such a line for a new password.
 */
final class StaticUsers {

    static final String FORMAT = "<user> <READ|REGISTER|ADMIN> sha256:<hex of the password's SHA-256>";
    private static final String PREFIX = "sha256:";
    /** Compared against when the user is unknown, so both paths cost the same. */
    private static final byte[] NO_USER = new byte[32];

    private record Entry(Role role, byte[] hash) {}

    private final Map<String, Entry> entries;

    private StaticUsers(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /**
     * Parses entries. Errors name the entry by its number and never quote it: a line holds a password
     * hash, and a wrongly pasted line may hold the password itself.
     */
    static StaticUsers parse(String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        int number = 0;
        for (String raw : text.split("[\\n;]")) {
            number++;
            String line = raw.strip();
            int comment = line.indexOf('#');
            if (comment >= 0) {
                line = line.substring(0, comment).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3 || !parts[2].startsWith(PREFIX)) {
                throw new IllegalArgumentException("Static user entry " + number + " must read '" + FORMAT + "'");
            }
            String user = parts[0];
            if (user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("Static user entry " + number
                        + ": a user name cannot contain ':' (HTTP Basic separates it from the password with one)");
            }
            Role role;
            try {
                role = Role.valueOf(parts[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Static user entry " + number + ": the role is READ, REGISTER or ADMIN");
            }
            byte[] hash;
            try {
                hash = HexFormat.of().parseHex(parts[2].substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                hash = new byte[0];
            }
            if (hash.length != 32) {
                throw new IllegalArgumentException(
                        "Static user entry " + number + ": a SHA-256 hash has 64 hex digits");
            }
            if (entries.putIfAbsent(user, new Entry(role, hash)) != null) {
                throw new IllegalArgumentException(
                        "Static user entry " + number + ": user '" + user + "' is listed twice");
            }
        }
        return new StaticUsers(entries);
    }

    /** The entries of a file (may be null) followed by inline ones (may be null or blank). */
    static StaticUsers load(Path file, String inline) throws IOException {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        if (inline != null) {
            text.append(inline);
        }
        return parse(text.toString());
    }

    /** Empty when the user is not listed; otherwise authenticated or rejected, the hash compared in constant time. */
    Optional<AuthResult> authenticate(BasicCredentials credentials) {
        Entry entry = entries.get(credentials.user());
        boolean matches = MessageDigest.isEqual(entry == null ? NO_USER : entry.hash(), sha256(credentials.password()));
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(
                matches
                        ? new AuthResult.Authenticated(new RegistryUser(credentials.user(), entry.role()))
                        : AuthResult.REJECTED);
    }

    int size() {
        return entries.size();
    }

    /** The configuration line of a user with this password. */
    static String line(String user, Role role, String password) {
        return user + " " + role + " " + PREFIX + HexFormat.of().formatHex(sha256(password));
    }

    static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
