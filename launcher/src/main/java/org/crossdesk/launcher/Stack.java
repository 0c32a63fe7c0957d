package org.crossdesk.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crossdesk.access.CatalogueTopics;
import org.crossdesk.launcher.access.StackAccess;
import org.crossdesk.launcher.broker.BrokerSettings;
import org.crossdesk.launcher.broker.KafkaBroker;
import org.crossdesk.launcher.broker.ServerProperties;
import org.crossdesk.launcher.keeper.RestartPolicy;
import org.crossdesk.launcher.process.ChildProcess;
import org.crossdesk.launcher.process.Supervisor;
import org.crossdesk.launcher.services.HealthCheck;
import org.crossdesk.launcher.services.LocalSecret;
import org.crossdesk.launcher.services.Service;
import org.crossdesk.launcher.services.ServiceEnvironment;
import org.crossdesk.launcher.services.ServiceProcess;

/**
 * The running stack: a broker or a cluster of them (unless an external cluster is used), the schema registry and the services
 * that are built. {@link #start} returns when every component is ready; {@link #close} stops the services
 * first and the broker last, leaving no process behind.
 */
public final class Stack implements AutoCloseable {

    /** Start-up progress, one line per step. */
    @FunctionalInterface
    public interface Progress {
        void report(String line);
    }

    /** A component that is running, for the table. */
    public record Component(String name, String address, long pid, Duration readyAfter) {}

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

    /** Threads that block on one child each (waiting for health, or for its exit); daemons so they never hold the JVM. */
    private static final Executor WAITERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "crossdesk-waiter");
        thread.setDaemon(true);
        return thread;
    });

    private final StackOptions options;
    private final List<KafkaBroker> brokers;
    private final List<ServiceProcess> services;
    private final Supervisor supervisor;
    private final RestartPolicy restarts = new RestartPolicy();
    /** Held while a component is (re)started or the stack is closed: nothing starts after {@link #close}. */
    private final Object lifecycle = new Object();

    private volatile ScheduledExecutorService keeper;
    private final List<Component> components;
    private final List<String> skipped;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<String> killed = new CopyOnWriteArrayList<>();

    private Stack(
            StackOptions options,
            List<KafkaBroker> brokers,
            List<ServiceProcess> services,
            Supervisor supervisor,
            List<Component> components,
            List<String> skipped) {
        this.options = options;
        // Replaced in place when the keeper restarts one.
        this.brokers = new CopyOnWriteArrayList<>(brokers);
        this.services = new CopyOnWriteArrayList<>(services);
        this.supervisor = supervisor;
        long now = System.nanoTime();
        brokers.forEach(broker -> restarts.started(broker.settings().processName(), now));
        services.forEach(service -> restarts.started(service.name(), now));
        this.components = components;
        this.skipped = skipped;
    }

    /**
     * Starts the stack and waits until every component is ready.
     *
     * @throws StackStartException with the failing component's explanation; whatever had started is stopped
     */
    public static Stack start(StackOptions options, Progress progress) {
        long t0 = System.nanoTime();
        Supervisor supervisor = new Supervisor(options.runDir(), options.logDir());
        List<String> reaped = supervisor.reapStale();
        if (!reaped.isEmpty()) {
            progress.report("stopped processes left over by an earlier run: " + String.join(", ", reaped));
        }
        if (options.fresh) {
            deleteRecursively(options.dataDir());
            progress.report("deleted " + options.dataDir() + " (--fresh)");
        }

        Map<Service, Path> jars = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Service service : options.services) {
            if (service == Service.SCHEMA_REGISTRY && options.externalSchemaRegistryUrl != null) {
                continue;
            }
            Optional<Path> jar = service.execJar(options.home);
            if (jar.isPresent()) {
                jars.put(service, jar.get());
            } else if (options.servicesExplicit) {
                throw new StackStartException(service.id() + " is not built: no services/" + service.id() + "/target/"
                        + service.id() + "-*-exec.jar (run ./mvnw -q -DskipTests package)");
            } else {
                skipped.add(service.id());
            }
        }
        requireFreePorts(options, jars.keySet());

        List<Component> components = new ArrayList<>();
        List<ServiceProcess> started = new ArrayList<>();
        List<KafkaBroker> brokers = new ArrayList<>();
        try {
            if (options.startsBroker()) {
                progress.report("starting Kafka (KRaft"
                        + (options.brokers > 1 ? ", " + options.brokers + " brokers" : "") + ") on "
                        + options.bootstrapServers() + " ...");
                requireOneLayout(options);
                Optional<StackAccess> access = options.access();
                List<BrokerSettings> nodes = new ArrayList<>();
                for (BrokerSettings node : BrokerSettings.cluster(options.brokerPorts(), options::brokerDataDir)) {
                    BrokerSettings settings = node.withOverrides(options.brokerOverrides);
                    nodes.add(access.isPresent() ? settings.secured(access.get().brokerSecrets()) : settings);
                }
                if (access.isPresent()) {
                    requireSecuredData(options);
                } else {
                    progress.report(
                            "WARNING: --insecure: Kafka accepts anyone on PLAINTEXT and the registry asks nobody;"
                                    + " for measurements only");
                }
                brokers.addAll(KafkaBroker.startCluster(
                        nodes, options.kafkaLib(), options.runDir(), supervisor, options.readyTimeout));
                if (access.isPresent()) {
                    // Topics get the cluster's default replication factor (three replicas on three brokers).
                    access.get()
                            .bootstrap(
                                    options.bootstrapServers(),
                                    CatalogueTopics.CLUSTER_DEFAULT_REPLICATION,
                                    options.readyTimeout);
                    progress.report("kafka: SASL/SCRAM-SHA-512 and ACLs; each service has its own principal"
                            + " (secrets in " + options.dataDir().resolve("secrets") + ", owner-only)");
                }
                for (KafkaBroker broker : brokers) {
                    components.add(new Component(
                            broker.settings().processName(),
                            broker.bootstrapServers(),
                            broker.process().pid(),
                            since(t0)));
                }
                progress.report("kafka ready after " + seconds(since(t0)));
            }
            HealthCheck health = new HealthCheck(Duration.ofMillis(250));
            // The registry first: the other services register and look up schemas as soon as they produce.
            List<List<Service>> waves = List.of(
                    jars.keySet().stream().filter(Service::isPrerequisite).toList(),
                    jars.keySet().stream()
                            .filter(service -> !service.isPrerequisite())
                            .toList());
            for (List<Service> wave : waves) {
                if (wave.isEmpty()) {
                    continue;
                }
                progress.report("starting "
                        + String.join(", ", wave.stream().map(Service::id).toList()) + " ...");
                List<ServiceProcess> waveProcesses = new ArrayList<>();
                for (Service service : wave) {
                    for (int instance = 1; instance <= options.instancesOf(service); instance++) {
                        ServiceProcess process = ServiceProcess.start(
                                service,
                                StackOptions.instanceName(service, instance),
                                jars.get(service),
                                options.portOf(service, instance),
                                environmentOf(options, service, instance),
                                options.serviceJvmOptions,
                                options.home,
                                supervisor);
                        waveProcesses.add(process);
                        started.add(process);
                    }
                }
                List<CompletableFuture<Component>> ready = waveProcesses.stream()
                        .map(process -> CompletableFuture.supplyAsync(
                                () -> {
                                    process.awaitHealthy(health, options.readyTimeout);
                                    Duration after = since(t0);
                                    progress.report(process.name() + " ready after " + seconds(after));
                                    return new Component(
                                            process.name(),
                                            process.baseUrl().toString(),
                                            process.process().pid(),
                                            after);
                                },
                                WAITERS))
                        .toList();
                for (CompletableFuture<Component> component : ready) {
                    components.add(join(component));
                }
            }
        } catch (RuntimeException e) {
            stopAll(started, brokers);
            throw e instanceof StackStartException ? e : new StackStartException(e.getMessage(), e);
        }
        return new Stack(options, brokers, started, supervisor, components, skipped);
    }

    /**
     * A data directory holds one broker's storage or a cluster's, never both: a broker alone and a cluster are two
     * different clusters, and a node formatted for one cannot join the other.
     */
    private static void requireOneLayout(StackOptions options) {
        boolean alone = Files.exists(options.dataDir().resolve("kafka"));
        boolean cluster = Files.exists(options.dataDir().resolve("kafka-1"));
        if (options.brokers == 1 && cluster) {
            throw new StackStartException(options.dataDir() + " holds a cluster's data (kafka-1, ...): start it with"
                    + " --brokers as before, or with --fresh to delete it");
        }
        if (options.brokers > 1 && alone) {
            throw new StackStartException(options.dataDir() + " holds a single broker's data (kafka): start without"
                    + " --brokers, or with --fresh to delete it");
        }
    }

    /** A data directory formatted by an insecure broker has no admin credential: it cannot be secured in place. */
    private static void requireSecuredData(StackOptions options) {
        if (Files.exists(options.brokerDataDir(1).resolve("meta.properties"))
                && !Files.exists(options.dataDir().resolve("secrets").resolve(ServerProperties.ADMIN_USER))) {
            throw new StackStartException(options.dataDir() + " was made by an insecure broker (an earlier launcher or"
                    + " --insecure) and has no admin credential; start once with --fresh to make a secured one");
        }
    }

    static Map<String, String> environmentOf(StackOptions options, Service service) {
        return environmentOf(options, service, 1);
    }

    /** The environment of instance {@code instance} (from 1) of the service. */
    static Map<String, String> environmentOf(StackOptions options, Service service, int instance) {
        Map<String, String> extra = new LinkedHashMap<>();
        // Unique among the instances and the same at every start: its transactional ids (docs/routing.md).
        extra.put("CROSSDESK_KAFKA_INSTANCE_ID", StackOptions.instanceName(service, instance));
        if (service == Service.ROUTING && options.instancesOf(service) > 1) {
            // A routing decision is kept by the instance that made it; the others ask their peers for it.
            List<String> peers = new ArrayList<>();
            for (int other = 1; other <= options.instancesOf(service); other++) {
                if (other != instance) {
                    peers.add("http://127.0.0.1:" + options.portOf(service, other));
                }
            }
            extra.put("CROSSDESK_ROUTING_PEERS", String.join(",", peers));
        }
        options.access().ifPresent(access -> extra.putAll(access.environment(service)));
        if (options.insecure && service == Service.SCHEMA_REGISTRY) {
            extra.put("CROSSDESK_REGISTRY_AUTH_ENABLED", "false");
        }
        if (options.demoCredentials) {
            // The services refuse the published demo keys without this flag.
            extra.put("CROSSDESK_DEMO", "true");
        }
        if (service == Service.ROUTING) {
            if (options.demoCredentials) {
                // The demo's synthetic desks, from the repository's file, so that edits need no rebuild.
                options.demoDirectoryFile().ifPresent(file -> extra.put("CROSSDESK_ROUTING_SEED_FILE", "file:" + file));
            } else {
                // Outside the demo the directory holds only the desks an administrator adds: synthetic desks with real
                // topics and ACLs would be noise at best in a real installation.
                extra.put("CROSSDESK_ROUTING_SEED", "false");
            }
        }
        if (service == Service.NOTIFICATIONS) {
            // Seals webhook secrets stored in Kafka: made once per data directory, unless the user brings one.
            if (System.getenv("CROSSDESK_NOTIFICATIONS_SECRET_KEY") == null) {
                extra.put(
                        "CROSSDESK_NOTIFICATIONS_SECRET_KEY",
                        LocalSecret.base64(options.dataDir().resolve("notifications-secret-key"), 32));
            }
            // Everything runs on this machine, partner systems under test included.
            extra.put("CROSSDESK_NOTIFICATIONS_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
            // ... and those receivers on this machine have no certificates. Link-local and cloud-metadata addresses
            // stay refused whatever these say.
            extra.put("CROSSDESK_NOTIFICATIONS_WEBHOOKS_ALLOW_INSECURE_HTTP", "true");
        }
        extra.putAll(options.environment);
        extra.putAll(options.serviceEnvironment.getOrDefault(service, Map.of()));
        return ServiceEnvironment.of(
                options.portOf(service, instance),
                options.bootstrapServers(),
                options.schemaRegistryUrl(),
                options.apiKeysFile(),
                System.getenv(),
                extra);
    }

    public String bootstrapServers() {
        return options.bootstrapServers();
    }

    /** The Kafka secrets of the broker this stack started, unless it is insecure or external. */
    public Optional<StackAccess> access() {
        return options.access();
    }

    public String schemaRegistryUrl() {
        return options.schemaRegistryUrl();
    }

    /** The base URL of a running service (its first instance). */
    public Optional<URI> url(Service service) {
        return urls(service).stream().findFirst();
    }

    /** The base URL of a running service instance, by its name ({@code routing}, {@code routing-2}). */
    public Optional<URI> url(String instance) {
        return services.stream()
                .filter(process -> process.name().equals(instance))
                .findFirst()
                .map(ServiceProcess::baseUrl);
    }

    /** The base URLs of every instance of a running service, the first instance first. */
    public List<URI> urls(Service service) {
        return services.stream()
                .filter(process -> process.service() == service)
                .map(ServiceProcess::baseUrl)
                .toList();
    }

    public List<Component> components() {
        return Collections.unmodifiableList(components);
    }

    /** Services that were not started because their jar is not built. */
    public List<String> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    public StackOptions options() {
        return options;
    }

    /** Every child process (broker and services), e.g. to measure memory. */
    public List<ChildProcess> processes() {
        List<ChildProcess> all = new ArrayList<>();
        brokers.forEach(broker -> all.add(broker.process()));
        services.forEach(service -> all.add(service.process()));
        return all;
    }

    /** Services that ended although nobody stopped them (and were not restarted yet). */
    public List<ServiceProcess> crashed() {
        if (closed.get()) {
            return List.of();
        }
        return services.stream()
                .filter(service -> service.exitCode().isPresent())
                .toList();
    }

    /**
     * Restarts, from now on, any broker or service that dies on its own, as docker-compose's restart policy does: after a
     * back-off that doubles with each quick failure in a row ({@link RestartPolicy}), reporting the death with the end of
     * its log, the restart with its count, and when it is healthy again. Services report DOWN in health meanwhile; the
     * others retry what they need from it.
     */
    public void keepRunning(Progress progress) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread daemon = new Thread(task, "crossdesk-keeper");
            daemon.setDaemon(true);
            return daemon;
        });
        keeper = thread;
        thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        keepOnce(progress);
                    } catch (RuntimeException e) {
                        progress.report("the keeper failed to check the components: " + e);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    /** How often each component was restarted by {@link #keepRunning}; only those restarted at least once. */
    public Map<String, Integer> restarts() {
        return restarts.restarts();
    }

    private void keepOnce(Progress progress) {
        long now = System.nanoTime();
        for (ServiceProcess service : services) {
            String name = service.name();
            if (closed.get() || service.exitCode().isEmpty()) {
                continue;
            }
            restarts.died(name, now)
                    .ifPresent(delay -> progress.report(name + " exited on its own (code "
                            + service.exitCode().orElse(-1) + "); restarting it in " + seconds(delay)
                            + "; last lines of " + service.process().log() + ":\n"
                            + service.process().tail(20)));
            if (restarts.takeDue(name, now)) {
                WAITERS.execute(() -> restartService(service, progress));
            }
        }
        for (KafkaBroker broker : brokers) {
            String name = broker.settings().processName();
            if (closed.get() || broker.process().isAlive()) {
                continue;
            }
            restarts.died(name, now)
                    .ifPresent(delay -> progress.report(name + " exited on its own (code "
                            + broker.process().exitCode().orElse(-1) + "); restarting it in " + seconds(delay)
                            + "; its log: " + broker.process().log()));
            if (restarts.takeDue(name, now)) {
                WAITERS.execute(() -> restartBroker(broker, progress));
            }
        }
    }

    private void restartService(ServiceProcess dead, Progress progress) {
        String name = dead.name();
        long t0 = System.nanoTime();
        try {
            ServiceProcess again;
            synchronized (lifecycle) {
                if (closed.get()) {
                    return;
                }
                progress.report("restarting " + name + " (restart " + restarts.restarts(name) + ") ...");
                again = dead.startAgain();
                services.set(services.indexOf(dead), again);
            }
            again.awaitHealthy(new HealthCheck(Duration.ofMillis(250)), options.readyTimeout);
            progress.report(name + " is healthy again after " + seconds(since(t0)) + " (restart "
                    + restarts.restarts(name) + ")");
        } catch (RuntimeException e) {
            progress.report("restart " + restarts.restarts(name) + " of " + name + " failed: " + e.getMessage());
        } finally {
            restarts.restarted(name);
        }
    }

    private void restartBroker(KafkaBroker dead, Progress progress) {
        String name = dead.settings().processName();
        long t0 = System.nanoTime();
        try {
            // Held until the broker is ready: a stack closed meanwhile must not leave it behind, and closing waits.
            synchronized (lifecycle) {
                if (closed.get()) {
                    return;
                }
                progress.report("restarting " + name + " (restart " + restarts.restarts(name) + ") ...");
                KafkaBroker again = KafkaBroker.startCluster(
                                List.of(dead.settings()),
                                options.kafkaLib(),
                                options.runDir(),
                                supervisor,
                                options.readyTimeout)
                        .get(0);
                brokers.set(brokers.indexOf(dead), again);
            }
            progress.report(name + " is ready again after " + seconds(since(t0)) + " (restart "
                    + restarts.restarts(name) + ")");
        } catch (RuntimeException e) {
            progress.report("restart " + restarts.restarts(name) + " of " + name + " failed: " + e.getMessage());
        } finally {
            restarts.restarted(name);
        }
    }

    /** Services first (in parallel), then the broker. Safe to call more than once. */
    @Override
    public void close() {
        ScheduledExecutorService thread = keeper;
        if (thread != null) {
            thread.shutdownNow();
        }
        boolean first;
        synchronized (lifecycle) {
            first = closed.compareAndSet(false, true);
        }
        if (first) {
            killed.addAll(stopAll(services, brokers));
        }
    }

    /** Components that did not stop within their grace period and had to be killed (after {@link #close}). */
    public List<String> killed() {
        return List.copyOf(killed);
    }

    /** Returns the names of the components that had to be killed. */
    private static List<String> stopAll(List<ServiceProcess> services, List<KafkaBroker> brokers) {
        List<String> killed = new CopyOnWriteArrayList<>();
        List<ServiceProcess> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        // The registry last among the services: the others may still flush records that need a schema id.
        List<ServiceProcess> first =
                reversed.stream().filter(s -> !s.service().isPrerequisite()).toList();
        List<ServiceProcess> then =
                reversed.stream().filter(s -> s.service().isPrerequisite()).toList();
        for (List<ServiceProcess> wave : List.of(first, then)) {
            CompletableFuture.allOf(wave.stream()
                            .map(service -> CompletableFuture.runAsync(
                                    () -> {
                                        if (!service.stop(SERVICE_STOP_GRACE)) {
                                            killed.add(service.name());
                                        }
                                    },
                                    WAITERS))
                            .toArray(CompletableFuture[]::new))
                    .join();
        }
        // All nodes at once: each shuts down in a controlled way while the controller quorum is still there, where the
        // last of a cluster stopped one after the other would wait for a quorum that is already gone.
        CompletableFuture.allOf(brokers.stream()
                        .map(broker -> CompletableFuture.runAsync(
                                () -> {
                                    if (!broker.process().stop(KafkaBroker.STOP_GRACE)) {
                                        killed.add(broker.settings().processName());
                                    }
                                },
                                WAITERS))
                        .toArray(CompletableFuture[]::new))
                .join();
        return killed;
    }

    private static void requireFreePorts(StackOptions options, Iterable<Service> services) {
        List<String> busy = new ArrayList<>();
        if (options.startsBroker()) {
            for (BrokerSettings.Ports node : options.brokerPorts()) {
                for (int port : new int[] {node.port(), node.controllerPort()}) {
                    if (inUse(port)) {
                        busy.add(port + " (kafka)");
                    }
                }
            }
        }
        for (Service service : services) {
            for (int instance = 1; instance <= options.instancesOf(service); instance++) {
                int port = options.portOf(service, instance);
                if (inUse(port)) {
                    busy.add(port + " (" + StackOptions.instanceName(service, instance) + ")");
                }
            }
        }
        if (!busy.isEmpty()) {
            throw new StackStartException("ports already in use: " + String.join(", ", busy)
                    + ". Is another Crossdesk running? Stop it, or choose other ports (--kafka-port).");
        }
    }

    private static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
