package org.crossdesk.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crossdesk.launcher.access.StackAccess;
import org.crossdesk.launcher.broker.BrokerSettings;
import org.crossdesk.launcher.services.Service;

/**
 * Everything {@link Stack#start} needs: where the repository and the state live, what to start, on which
 * ports, and extra configuration for the services. Defaults are the launcher's (ports 9092, 8081–8085,
 * state in {@code <home>/.crossdesk}); tests change ports and the state directory.
 */
public final class StackOptions {

    /**
     * Options the services get in the launcher: a collector that needs no threads of its own, and only the
     * quick JIT compiler. Measured on the schema registry (2 cores): CPU time to healthy 15.0 s with both
     * compilers, 8.9 s with C1 only, RSS 233 vs 197 MiB; five services start in parallel, so CPU time is
     * start-up time. C1-only code is slower at full load: {@link #PEAK_SERVICE_JVM_OPTIONS} for benchmarks.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");

    /** Both JIT compilers, for throughput (the end-to-end benchmark): slower to start, faster when warm. */
    public static final List<String> PEAK_SERVICE_JVM_OPTIONS =
            List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    final Path home;
    Path stateDir;
    boolean fresh;
    boolean startBroker = true;
    Set<Service> services = EnumSet.allOf(Service.class);
    boolean servicesExplicit;
    int kafkaPort = 9092;
    int controllerPort = 9093;
    int brokers = 1;
    int instances = 1;
    /** Free ports for every possible instance of each service, chosen by {@link #onFreePorts()}. */
    final Map<Service, List<Integer>> freeServicePorts = new EnumMap<>(Service.class);
    /** Free ports for every possible node, chosen by {@link #onFreePorts()}; empty: nodes follow node 1's ports. */
    List<BrokerSettings.Ports> freeBrokerPorts = List.of();

    final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    String externalBootstrapServers;
    String externalSchemaRegistryUrl;
    final Map<String, String> environment = new LinkedHashMap<>();
    final Map<Service, Map<String, String>> serviceEnvironment = new EnumMap<>(Service.class);
    final Map<String, String> brokerOverrides = new LinkedHashMap<>();
    List<String> serviceJvmOptions = new ArrayList<>(DEFAULT_SERVICE_JVM_OPTIONS);
    Duration readyTimeout = Duration.ofSeconds(180);
    boolean insecure;
    boolean demoCredentials;

    private StackOptions(Path home) {
        this.home = home.toAbsolutePath().normalize();
        this.stateDir = this.home.resolve(".crossdesk");
    }

    /** Options for the repository checked out at {@code home}. */
    public static StackOptions forHome(Path home) {
        return new StackOptions(home);
    }

    /** Where data ({@code data/}), logs ({@code logs/}) and pid files ({@code run/}) go. */
    public StackOptions stateDir(Path dir) {
        this.stateDir = dir.toAbsolutePath().normalize();
        return this;
    }

    /** Deletes the broker's data before starting. */
    public StackOptions fresh(boolean fresh) {
        this.fresh = fresh;
        return this;
    }

    /** Starts only these (the broker only if {@code broker} is true). */
    public StackOptions only(boolean broker, Set<Service> services) {
        this.startBroker = broker;
        this.services = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
        this.servicesExplicit = true;
        return this;
    }

    /** Node 1's client and controller ports; node N's are N - 1 pairs above them (9092/9093, 9094/9095, ...). */
    public StackOptions kafkaPorts(int port, int controllerPort) {
        this.kafkaPort = port;
        this.controllerPort = controllerPort;
        this.freeBrokerPorts = List.of();
        return this;
    }

    /**
     * A cluster of this many brokers (1 to {@value BrokerSettings#MAX_BROKERS}), each also a controller voter, on the
     * loopback. One is the development exception (one replica of every topic); three or more get the durability of a
     * production cluster (three replicas, two in sync: libs/broker BrokerDefaults).
     */
    public StackOptions brokers(int brokers) {
        if (brokers < 1 || brokers > BrokerSettings.MAX_BROKERS) {
            throw new IllegalArgumentException(
                    "--brokers takes 1 to " + BrokerSettings.MAX_BROKERS + ", not " + brokers);
        }
        this.brokers = brokers;
        return this;
    }

    /** The port of the service's first instance; instance N's is 10 × (N − 1) above it. */
    public StackOptions port(Service service, int port) {
        ports.put(service, port);
        freeServicePorts.remove(service);
        return this;
    }

    /** The most instances of a service the launcher starts. */
    public static final int MAX_INSTANCES = 3;

    /**
     * This many instances of every service but the schema registry (1 to {@value #MAX_INSTANCES}): a service's
     * instances share its consumer groups, so each reads a share of the partitions, and any of them answers any HTTP
     * request (docs/operations.md).
     */
    public StackOptions instances(int instances) {
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException("--instances takes 1 to " + MAX_INSTANCES + ", not " + instances);
        }
        this.instances = instances;
        return this;
    }

    /**
     * The broker, its controller and every service on ports free on the loopback now, so that a stack started by a test
     * or a benchmark runs beside one on the default ports (a port taken in between fails the start, loudly).
     */
    public StackOptions onFreePorts() {
        List<BrokerSettings.Ports> nodes = new ArrayList<>();
        for (int node = 1; node <= BrokerSettings.MAX_BROKERS; node++) {
            nodes.add(new BrokerSettings.Ports(freePort(), freePort()));
        }
        kafkaPorts(nodes.get(0).port(), nodes.get(0).controllerPort());
        freeBrokerPorts = List.copyOf(nodes);
        for (Service service : Service.values()) {
            List<Integer> free = new ArrayList<>();
            for (int instance = 1; instance <= MAX_INSTANCES; instance++) {
                free.add(freePort());
            }
            port(service, free.get(0));
            freeServicePorts.put(service, List.copyOf(free));
        }
        return this;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback", e);
        }
    }

    /** Uses an existing Kafka cluster: no broker is started. */
    public StackOptions externalKafka(String bootstrapServers) {
        this.externalBootstrapServers = bootstrapServers;
        return this;
    }

    /** Uses an existing schema registry (ours or Confluent's): ours is not started. */
    public StackOptions externalSchemaRegistry(String url) {
        this.externalSchemaRegistryUrl = url;
        return this;
    }

    /** An environment variable for every service (e.g. a Spring property in relaxed form). */
    public StackOptions environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** An environment variable for one service. */
    public StackOptions environment(Service service, String name, String value) {
        serviceEnvironment.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** A {@code server.properties} entry for the broker. */
    public StackOptions brokerProperty(String name, String value) {
        brokerOverrides.put(name, value);
        return this;
    }

    /** JVM options of every service (the heap, {@code -Xmx}, is set per service on top of these). */
    public StackOptions serviceJvmOptions(List<String> options) {
        this.serviceJvmOptions = new ArrayList<>(options);
        return this;
    }

    /**
     * Starts the broker without authentication or ACLs and the registry without authentication: only for
     * measuring what security costs (the benchmarks' {@code --insecure}); anyone on this machine can then read
     * and write every topic.
     */
    public StackOptions insecure(boolean insecure) {
        this.insecure = insecure;
        return this;
    }

    /**
     * Accepts the published demo API keys ({@code config/demo/api-keys.txt}, {@code demo-<DESK-ID>}): the
     * services start with {@code CROSSDESK_DEMO=true}, without which they refuse those keys. For the demo and the
     * tests, never for real desks.
     */
    public StackOptions demoCredentials(boolean demoCredentials) {
        this.demoCredentials = demoCredentials;
        return this;
    }

    /** How long one component may take to become ready. */
    public StackOptions readyTimeout(Duration timeout) {
        this.readyTimeout = timeout;
        return this;
    }

    public Path home() {
        return home;
    }

    public Path stateDir() {
        return stateDir;
    }

    String externalBootstrapServersOrEmpty() {
        return externalBootstrapServers == null ? "" : externalBootstrapServers;
    }

    String externalSchemaRegistryUrlOrEmpty() {
        return externalSchemaRegistryUrl == null ? "" : externalSchemaRegistryUrl;
    }

    /** The broker's data and the secrets ({@code secrets/}) that go with them. */
    public Path dataDir() {
        return stateDir.resolve("data");
    }

    Path runDir() {
        return stateDir.resolve("run");
    }

    Path logDir() {
        return stateDir.resolve("logs");
    }

    /** The ports of each node of the cluster the launcher starts. */
    List<BrokerSettings.Ports> brokerPorts() {
        List<BrokerSettings.Ports> nodes = new ArrayList<>();
        for (int node = 1; node <= brokers; node++) {
            nodes.add(
                    freeBrokerPorts.isEmpty()
                            ? new BrokerSettings.Ports(kafkaPort + 2 * (node - 1), controllerPort + 2 * (node - 1))
                            : freeBrokerPorts.get(node - 1));
        }
        return nodes;
    }

    /**
     * Node N's log directory: {@code data/kafka} for a broker alone (as ever), {@code data/kafka-N} in a cluster, so that
     * a one-broker directory is never mistaken for a cluster node's.
     */
    Path brokerDataDir(int node) {
        return brokers == 1 ? dataDir().resolve("kafka") : dataDir().resolve("kafka-" + node);
    }

    Path kafkaLib() {
        return home.resolve("launcher").resolve("target").resolve("kafka-lib");
    }

    Optional<Path> apiKeysFile() {
        if (!demoCredentials) {
            return Optional.empty();
        }
        Path file = home.resolve("config").resolve("demo").resolve("api-keys.txt");
        return file.toFile().isFile() ? Optional.of(file) : Optional.empty();
    }

    Optional<Path> demoDirectoryFile() {
        Path file = home.resolve("config").resolve("demo").resolve("directory.yaml");
        return file.toFile().isFile() ? Optional.of(file) : Optional.empty();
    }

    int portOf(Service service) {
        return ports.getOrDefault(service, service.defaultPort());
    }

    /** The port of instance {@code instance} (from 1) of the service. */
    int portOf(Service service, int instance) {
        List<Integer> free = freeServicePorts.get(service);
        if (free != null) {
            return free.get(instance - 1);
        }
        return portOf(service) + 10 * (instance - 1);
    }

    /** How many instances of the service run: the registry's one, the others' {@link #instances(int)}. */
    int instancesOf(Service service) {
        return service.isPrerequisite() ? 1 : instances;
    }

    /**
     * Instance {@code instance}'s name: the service's id for the first (as ever), {@code <id>-<n>} for the others. It
     * names its process, log and pid file, and is its Kafka instance id (its transactional ids).
     */
    static String instanceName(Service service, int instance) {
        return instance == 1 ? service.id() : service.id() + "-" + instance;
    }

    /** The broker's and the services' Kafka secrets, when the launcher starts a secured broker. */
    Optional<StackAccess> access() {
        return startsBroker() && !insecure
                ? Optional.of(new StackAccess(dataDir().resolve("secrets")))
                : Optional.empty();
    }

    boolean startsBroker() {
        return startBroker && externalBootstrapServers == null;
    }

    boolean startsRegistry() {
        return services.contains(Service.SCHEMA_REGISTRY) && externalSchemaRegistryUrl == null;
    }

    /** Every node's address: a client that finds one node down tries the next. */
    String bootstrapServers() {
        if (externalBootstrapServers != null) {
            return externalBootstrapServers;
        }
        return String.join(
                ",",
                brokerPorts().stream().map(ports -> "127.0.0.1:" + ports.port()).toList());
    }

    String schemaRegistryUrl() {
        return externalSchemaRegistryUrl != null
                ? externalSchemaRegistryUrl
                : "http://127.0.0.1:" + portOf(Service.SCHEMA_REGISTRY);
    }
}
