package org.crossdesk.launcher.access;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.crossdesk.access.AccessAdmin;
import org.crossdesk.access.AccessPlan;
import org.crossdesk.access.CatalogueTopics;
import org.crossdesk.access.KafkaCredentials;
import org.crossdesk.access.Principals;
import org.crossdesk.events.Party;
import org.crossdesk.launcher.broker.BrokerSettings;
import org.crossdesk.launcher.broker.ServerProperties;
import org.crossdesk.launcher.services.LocalSecret;
import org.crossdesk.launcher.services.Service;

/**
 * The launcher's side of need-to-know (docs/security.md): the secrets of the broker it starts and of every fixed
 * principal, kept owner-only beside the broker's data (so they last as long as the data and go with
 * {@code --fresh}); the bootstrap of those principals, their ACLs and the catalogue's topics as the cluster's
 * admin; and each service's client settings. Desks are not bootstrapped here: routing's directory issues their
 * credentials, for the demo and the tests too.
 */
public final class StackAccess {

    /** The security protocol of the launcher's broker; SASL_SSL needs certificates (docs/security.md). */
    public static final String SECURITY_PROTOCOL = KafkaCredentials.SASL_PLAINTEXT;

    private static final String SERVICE_PROPERTY_PREFIX = "CROSSDESK_KAFKA_PROPERTIES_";

    private final Path secrets;

    /** @param secrets the directory of the secret files (owner-only) */
    public StackAccess(Path secrets) {
        this.secrets = secrets;
    }

    /**
     * The admin's access to a stack the launcher started with this data directory, for tools that reach it from
     * outside (the benchmarks, {@code ./crossdesk dead-letters}): present if the admin's secret is there
     * ({@code <data>/secrets/admin}) and the broker's last {@code server.properties} (beside it, in {@code ../run})
     * does not say PLAINTEXT, which an {@code --insecure} start over secured data does. Reads secrets, never makes
     * one.
     */
    public static Optional<StackAccess> ofDataDir(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path secrets = dir.resolve("secrets");
        if (!Files.isRegularFile(secrets.resolve(ServerProperties.ADMIN_USER)) || brokerWasStartedInsecure(dir)) {
            return Optional.empty();
        }
        return Optional.of(new StackAccess(secrets));
    }

    /** The launcher rewrites {@code <state>/run/server.properties} at every start: a PLAINTEXT listener is --insecure. */
    private static boolean brokerWasStartedInsecure(Path dataDir) {
        Path serverProperties = dataDir.resolveSibling("run").resolve("server.properties");
        if (!Files.isRegularFile(serverProperties)) {
            return false;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(serverProperties)) {
            properties.load(in);
        } catch (IOException e) {
            return false;
        }
        return properties.getProperty("listeners", "").startsWith("PLAINTEXT://");
    }

    /** Creates the secrets directory readable by its owner only, before any secret is written into it. */
    private Path secretFile(String name) {
        try {
            if (!Files.isDirectory(secrets)) {
                Files.createDirectories(secrets);
                try {
                    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the user's profile directory protects it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + secrets, e);
        }
        return secrets.resolve(name);
    }

    /** The broker's own secrets: the super user's and the controller listener's. */
    public BrokerSettings.Secrets brokerSecrets() {
        return new BrokerSettings.Secrets(
                credentials(ServerProperties.ADMIN_USER).password(),
                LocalSecret.secret(secretFile(ServerProperties.CONTROLLER_USER)));
    }

    /** The credential of a fixed principal ({@link Principals}), made on first use. */
    public KafkaCredentials credentials(String principal) {
        return new KafkaCredentials(principal, LocalSecret.secret(secretFile(principal)));
    }

    /** The service's own credential. */
    public KafkaCredentials credentials(Service service) {
        return credentials(Principals.of(party(service)));
    }

    /** Admin client settings of the cluster's super user, e.g. for tests and tools that provision. */
    public Map<String, Object> adminClientSettings(String bootstrapServers) {
        Map<String, Object> settings =
                new LinkedHashMap<>(credentials(ServerProperties.ADMIN_USER).kafkaProperties(SECURITY_PROTOCOL));
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }

    /**
     * As the admin: gives every service, the auditor and routing's desk issuer a SCRAM credential and their ACLs,
     * and creates the catalogue's topics. Idempotent: repeated at every start, it changes nothing that is right.
     */
    public void bootstrap(String bootstrapServers, short replicationFactor, Duration timeout) {
        try (Admin client = Admin.create(adminClientSettings(bootstrapServers))) {
            AccessAdmin admin = new AccessAdmin(client, timeout);
            for (Party party : Party.values()) {
                if (party != Party.OWNING_DESK) {
                    admin.upsertCredential(credentials(Principals.of(party)));
                }
            }
            admin.upsertCredential(credentials(Principals.DESK_ISSUER));
            admin.grant(AccessPlan.fixed());
            admin.createTopics(CatalogueTopics.fixed(replicationFactor));
        }
    }

    /**
     * The service's environment for authenticating: its Kafka client settings (SASL/SCRAM) and registry basic auth,
     * as {@code CROSSDESK_KAFKA_PROPERTIES_*}; for routing, also the desk issuer's credential; for the registry, the
     * Kafka-verified authentication of its users and the principals allowed to register schemas or administer it.
     */
    public Map<String, String> environment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        credentials(service)
                .clientProperties(SECURITY_PROTOCOL)
                .forEach((key, value) ->
                        env.put(SERVICE_PROPERTY_PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT), value));
        if (service == Service.ROUTING) {
            KafkaCredentials issuer = credentials(Principals.DESK_ISSUER);
            env.put("CROSSDESK_ROUTING_ISSUER_USERNAME", issuer.username());
            env.put("CROSSDESK_ROUTING_ISSUER_PASSWORD", issuer.password());
        }
        if (service == Service.SCHEMA_REGISTRY) {
            env.put("CROSSDESK_REGISTRY_AUTH_KAFKA_VERIFY", "true");
            env.put("CROSSDESK_REGISTRY_AUTH_ADMINS", ServerProperties.ADMIN_USER);
            env.put(
                    "CROSSDESK_REGISTRY_AUTH_REGISTRARS",
                    String.join(
                            ",",
                            Principals.of(Party.INTAKE),
                            Principals.of(Party.ROUTING),
                            Principals.of(Party.NOTIFICATIONS),
                            Principals.of(Party.DASHBOARD)));
        }
        return env;
    }

    /** The catalogue party a service runs as. */
    public static Party party(Service service) {
        for (Party party : Party.values()) {
            if (party.id().equals(service.id())) {
                return party;
            }
        }
        throw new IllegalArgumentException("no catalogue party for service " + service.id());
    }
}
