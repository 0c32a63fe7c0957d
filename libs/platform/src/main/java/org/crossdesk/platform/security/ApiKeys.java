package org.crossdesk.platform.security;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.crossdesk.access.HashedCredentials;

/**
 * The API keys this service accepts, stored only as SHA-256 hashes. Keys are long random tokens,
 * not passwords, so a fast hash is enough; a leaked configuration file reveals no usable key.
 *
 * <p>One entry a line, in a file or an environment variable, in the format of every hashed credential list
 * ({@link HashedCredentials}):
 * <pre>sha256:&lt;hex&gt; &lt;principal&gt; &lt;ROLE[,ROLE]&gt; [desk-id]</pre>
 * {@code #} starts a comment. Example: {@code sha256:9f86…08 FR-OCRTIS DESK FR-OCRTIS}.
 */
public final class ApiKeys {

    /** The demo keys are {@code demo-<principal>} (config/demo/api-keys.txt); never accepted outside a demo. */
    public static final String DEMO_KEY_PREFIX = "demo-";

    private record Entry(byte[] hash, Caller caller) {}

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ApiKeys parse(String text) {
        return of(HashedCredentials.parse(text));
    }

    public static ApiKeys load(Path file, String inline) throws IOException {
        return of(HashedCredentials.read(file, inline));
    }

    private static ApiKeys of(List<HashedCredentials.Entry> lines) {
        List<Entry> entries = new ArrayList<>();
        for (HashedCredentials.Entry line : lines) {
            List<String> parts = line.fields();
            String name = "API key entry " + line.number();
            if (parts.size() < 3 || !HashedCredentials.isHash(parts.get(0))) {
                throw new IllegalArgumentException(
                        name + " must read 'sha256:<hex> <principal> <ROLE[,ROLE]> [desk-id]'");
            }
            byte[] digest = HashedCredentials.digestOf(parts.get(0), name);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : parts.get(2).split(",")) {
                roles.add(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
            }
            String desk = parts.size() > 3 ? parts.get(3) : null;
            entries.add(new Entry(digest, new Caller(parts.get(1), desk, roles)));
        }
        return new ApiKeys(entries);
    }

    /** The caller owning this presented key, compared in constant time against every entry. */
    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        byte[] digest = HashedCredentials.sha256(presentedKey);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), digest) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return entries.size();
    }

    /**
     * The principals whose entry is a published demo key: its hash is that of {@code demo-<principal>} or
     * {@code demo-<desk-id>}, the scheme of config/demo/api-keys.txt. Computed, so no list of demo hashes
     * has to be kept in step with the demo file.
     */
    public List<String> demoPrincipals() {
        List<String> demo = new ArrayList<>();
        for (Entry entry : entries) {
            Caller caller = entry.caller();
            boolean byName =
                    MessageDigest.isEqual(entry.hash(), HashedCredentials.sha256(DEMO_KEY_PREFIX + caller.name()));
            boolean byDesk = caller.deskId() != null
                    && MessageDigest.isEqual(entry.hash(), HashedCredentials.sha256(DEMO_KEY_PREFIX + caller.deskId()));
            if (byName || byDesk) {
                demo.add(caller.name());
            }
        }
        return demo;
    }

    public static String hash(String key) {
        return HashedCredentials.hash(key);
    }

    /** Prints the configuration line for a new key: {@code ApiKeys <key> <principal> <roles> [desk]}. */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: ApiKeys <key> <principal> <ROLE[,ROLE]> [desk-id]");
            System.exit(2);
        }
        System.out.println(hash(args[0]) + " " + args[1] + " " + args[2] + (args.length > 3 ? " " + args[3] : ""));
    }
}
