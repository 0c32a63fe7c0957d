package org.crossdesk.schemaregistry.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crossdesk.access.HashedCredentials;

/**
 * Users configured with the registry, each stored as the SHA-256 of its password (the idea of
 * libs/platform's {@code ApiKeys}): a leaked configuration reveals no usable password, provided the
 * passwords are long random tokens rather than words, since an unsalted fast hash does not slow down
 * guessing.
 *
 * <p>One entry a line, in a file or inline, in the format of every hashed credential list ({@link HashedCredentials}):
 * <pre>&lt;user&gt; &lt;READ|REGISTER|ADMIN&gt; sha256:&lt;64 hex digits&gt;</pre>
 * {@link UserLine} prints such a line for a new password.
 */
final class StaticUsers {

    static final String FORMAT = "<user> <READ|REGISTER|ADMIN> sha256:<hex of the password's SHA-256>";
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
        return of(HashedCredentials.parse(text));
    }

    /** The entries of a file (may be null) followed by inline ones (may be null or blank). */
    static StaticUsers load(Path file, String inline) throws IOException {
        return of(HashedCredentials.read(file, inline));
    }

    private static StaticUsers of(List<HashedCredentials.Entry> lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (HashedCredentials.Entry line : lines) {
            List<String> parts = line.fields();
            String name = "Static user entry " + line.number();
            if (parts.size() != 3 || !HashedCredentials.isHash(parts.get(2))) {
                throw new IllegalArgumentException(name + " must read '" + FORMAT + "'");
            }
            String user = parts.get(0);
            if (user.indexOf(':') >= 0) {
                throw new IllegalArgumentException(
                        name + ": a user name cannot contain ':' (HTTP Basic separates it from the password with one)");
            }
            Role role;
            try {
                role = Role.valueOf(parts.get(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": the role is READ, REGISTER or ADMIN");
            }
            byte[] hash = HashedCredentials.digestOf(parts.get(2), name);
            if (entries.putIfAbsent(user, new Entry(role, hash)) != null) {
                throw new IllegalArgumentException(name + ": user '" + user + "' is listed twice");
            }
        }
        return new StaticUsers(entries);
    }

    /** Empty when the user is not listed; otherwise authenticated or rejected, the hash compared in constant time. */
    Optional<AuthResult> authenticate(BasicCredentials credentials) {
        Entry entry = entries.get(credentials.user());
        boolean matches = MessageDigest.isEqual(
                entry == null ? NO_USER : entry.hash(), HashedCredentials.sha256(credentials.password()));
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
        return user + " " + role + " " + HashedCredentials.hash(password);
    }
}
