package org.crossdesk.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.crossdesk.access.KafkaCredentials;
import org.crossdesk.access.Principals;
import org.crossdesk.launcher.Stack;
import org.crossdesk.launcher.access.StackAccess;
import org.crossdesk.launcher.services.Service;
import org.crossdesk.platform.kafka.KafkaClientSettings;

/**
 * How a benchmark reaches the stack it measures: as the cluster's admin (a Kafka super user,
 * {@link Principals#ADMIN}) over SASL/SCRAM-SHA-512, and to the schema registry with the same credential in HTTP
 * basic auth, when the stack is secured; with nothing added when it is insecure ({@code --insecure}), so the same
 * code measures both and the cost of security is a same-run ratio.
 *
 * <p>The credential comes from the launcher's secrets, {@code <data dir>/secrets/admin} (owner-only): from a
 * {@link Stack} the benchmark started itself ({@link #of(Stack)}), or from the data directory of a stack started
 * by {@code ./crossdesk} ({@link #ofDataDir}, by default {@code <home>/.crossdesk/data}). Secrets are only read,
 * never made here: a data directory without the admin's secret is taken as an insecure stack.
 */
public final class BenchStack {

    /** Where {@code ./crossdesk} keeps its data, relative to the repository (its default {@code --state-dir}). */
    public static final Path DEFAULT_DATA_DIR = Path.of(".crossdesk", "data");

    private final StackAccess access;
    private final KafkaCredentials admin;
    private final Path secrets;

    private BenchStack(StackAccess access, Path secrets) {
        this.access = access;
        this.admin = access == null ? null : access.credentials(Principals.ADMIN);
        this.secrets = secrets;
    }

    /** A stack this benchmark started: secured unless it was started with {@code insecure(true)}. */
    public static BenchStack of(Stack stack) {
        return new BenchStack(
                stack.access().orElse(null),
                stack.options().stateDir().resolve("data").resolve("secrets"));
    }

    /**
     * A stack started by the launcher with this data directory: secured if the launcher's admin access is there
     * ({@link StackAccess#ofDataDir}: the admin's secret, and a broker not last started {@code --insecure}).
     */
    public static BenchStack ofDataDir(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new BenchStack(StackAccess.ofDataDir(dir).orElse(null), dir.resolve("secrets"));
    }

    /** The stack of the repository checked out at {@code home}: {@code <home>/.crossdesk/data}. */
    public static BenchStack ofHome(Path home) {
        return ofDataDir(home.resolve(DEFAULT_DATA_DIR));
    }

    /**
     * From a benchmark's command-line options: {@code --data-dir DIR} if given, else {@code --home DIR} (default: the
     * current directory, the repository), whose {@code .crossdesk/data} holds the running stack's secrets.
     */
    public static BenchStack fromOptions(Map<String, String> options) {
        if (options.containsKey("data-dir")) {
            return ofDataDir(Path.of(options.get("data-dir")));
        }
        return ofHome(Path.of(options.getOrDefault("home", ".")));
    }

    /** No credential: PLAINTEXT Kafka, a registry without authentication. */
    public static BenchStack insecure() {
        return new BenchStack(null, null);
    }

    /** Whether clients authenticate (SASL/SCRAM as admin, registry basic auth). */
    public boolean secured() {
        return admin != null;
    }

    /** The admin's credential, when the stack is secured. */
    public Optional<KafkaCredentials> admin() {
        return Optional.ofNullable(admin);
    }

    /** Kafka client settings that authenticate as the admin ({@code security.protocol}, SASL); empty if insecure. */
    public Map<String, String> kafkaProperties() {
        return admin == null ? Map.of() : admin.kafkaProperties(StackAccess.SECURITY_PROTOCOL);
    }

    /** Registry client settings, Confluent's keys ({@code basic.auth.*}); empty if insecure. */
    public Map<String, String> registryProperties() {
        return admin == null ? Map.of() : admin.registryProperties();
    }

    /** Both, as a Crossdesk service or a Kafka-native desk adds them to its client configuration. */
    public Map<String, String> clientProperties() {
        Map<String, String> all = new LinkedHashMap<>(kafkaProperties());
        all.putAll(registryProperties());
        return all;
    }

    /** A mutable Kafka client configuration: {@code bootstrap.servers} and the admin's authentication. */
    public Map<String, Object> kafka(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(kafkaProperties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** A mutable serde configuration: {@code schema.registry.url} and the registry's basic auth. */
    public Map<String, Object> registry(String schemaRegistryUrl) {
        Map<String, Object> config = new HashMap<>(registryProperties());
        config.put("schema.registry.url", schemaRegistryUrl);
        return config;
    }

    /** The platform's client settings (the services' own producer and consumer settings), authenticated as admin. */
    public KafkaClientSettings clientSettings(String bootstrapServers, String schemaRegistryUrl) {
        return new KafkaClientSettings(bootstrapServers, schemaRegistryUrl, clientProperties());
    }

    /**
     * The environment that makes a Crossdesk service this benchmark starts itself (e.g. the dashboard) authenticate
     * as that service's own principal, as the launcher does; empty if insecure.
     */
    public Map<String, String> serviceEnvironment(Service service) {
        return access == null ? Map.of() : access.environment(service);
    }

    /**
     * Writes {@code bootstrap.servers} and the admin's Kafka settings to a properties file, owner-only (it holds the
     * secret), for Kafka's own tools run as child processes ({@code --producer.config}, {@code --command-config}, ...).
     */
    public Path writeClientProperties(Path file, String bootstrapServers) {
        Properties properties = new Properties();
        kafka(bootstrapServers).forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile protects it
            }
            try (Writer out = Files.newBufferedWriter(temp)) {
                properties.store(out, "Kafka client settings of the Crossdesk benchmarks (" + describe() + ")");
            }
            return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** {@link #writeClientProperties(Path, String)} to a temporary file deleted when this JVM exits. */
    public Path writeClientProperties(String bootstrapServers) {
        try {
            Path file = Files.createTempFile("crossdesk-bench-client-", ".properties");
            file.toFile().deleteOnExit();
            return writeClientProperties(file, bootstrapServers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary client properties file", e);
        }
    }

    /** Reads a file {@link #writeClientProperties} wrote, e.g. in a child JVM of a benchmark. */
    public static Map<String, Object> readClientProperties(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, Object> config = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key)));
        return config;
    }

    /** One line for the run's output: whether and how the benchmark authenticates. */
    public String describe() {
        return secured()
                ? "secured: Kafka " + StackAccess.SECURITY_PROTOCOL + " " + KafkaCredentials.MECHANISM
                        + " with ACLs, as " + admin.username() + "; registry with basic auth (secrets in " + secrets
                        + ")"
                : "insecure: Kafka PLAINTEXT without ACLs, registry without authentication";
    }

    @Override
    public String toString() {
        return describe();
    }
}
