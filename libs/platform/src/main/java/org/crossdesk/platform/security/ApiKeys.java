package org.crossdesk.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys this service accepts, stored only as SHA-256 hashes. Keys are long random tokens,
 * not passwords, so a fast hash is enough; a leaked configuration file reveals no usable key.
 *
 * <p>One entry a line, in a file or an environment variable ({@code ;} also separates entries):
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
        List<Entry> entries = new ArrayList<>();
        int lineNo = 0;
        for (String raw : text.split("[\\n;]")) {
            lineNo++;
            String line = raw.strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 3 || !parts[0].startsWith("sha256:")) {
                throw new IllegalArgumentException(
                        "API key entry " + lineNo + " must read 'sha256:<hex> <principal> <ROLE[,ROLE]> [desk-id]'");
            }
            byte[] digest = HexFormat.of().parseHex(parts[0].substring("sha256:".length()));
            if (digest.length != 32) {
                throw new IllegalArgumentException("API key entry " + lineNo + ": a SHA-256 hash has 64 hex digits");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : parts[2].split(",")) {
                roles.add(Role.valueOf(role.strip().toUpperCase()));
            }
            String desk = parts.length > 3 ? parts[3] : null;
            entries.add(new Entry(digest, new Caller(parts[1], desk, roles)));
        }
        return new ApiKeys(entries);
    }

    public static ApiKeys load(Path file, String inline) throws IOException {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        if (inline != null) {
            text.append(inline);
        }
        return parse(text.toString());
    }

    /** The caller owning this presented key, compared in constant time against every entry. */
    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presentedKey);
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
            boolean byName = MessageDigest.isEqual(entry.hash(), sha256(DEMO_KEY_PREFIX + caller.name()));
            boolean byDesk = caller.deskId() != null
                    && MessageDigest.isEqual(entry.hash(), sha256(DEMO_KEY_PREFIX + caller.deskId()));
            if (byName || byDesk) {
                demo.add(caller.name());
            }
        }
        return demo;
    }

    public static String hash(String key) {
        return "sha256:" + HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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
