package org.crossdesk.systemtests.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.crossdesk.access.KafkaCredentials;
import org.crossdesk.launcher.Stack;
import org.crossdesk.launcher.StackOptions;
import org.crossdesk.launcher.process.ChildProcess;
import org.crossdesk.launcher.services.Service;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole stack (a real broker, the registry and every service, from the jars the build just made),
 * started once per test JVM through the launcher on free ports, and stopped when the test run ends.
 * Test classes get it as a parameter: {@code @ExtendWith(CrossdeskStack.Extension.class)} and a
 * {@link CrossdeskStack} argument.
 *
 * <p>Settings that make the tests fast without changing behaviour: IMMEDIATE referrals get a few seconds
 * to be acknowledged (so a missed deadline can be watched), deadlines are checked every second, and
 * webhook retries start after 200 ms.
 */
public final class CrossdeskStack implements AutoCloseable {

    /** The acknowledgement deadline of IMMEDIATE referrals in these tests (others keep their defaults). */
    public static final Duration IMMEDIATE_ACK_DEADLINE = Duration.ofSeconds(30);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CrossdeskStack.class);

    private final Stack stack;

    private CrossdeskStack(Stack stack) {
        this.stack = stack;
    }

    /** Resolves {@link CrossdeskStack} parameters: the first one starts the stack, every later one shares it. */
    public static final class Extension implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == CrossdeskStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(Running.class, key -> new Running(start()), Running.class)
                    .stack;
        }
    }

    /** Closed by JUnit when the whole run ends, whichever class started it. */
    private record Running(CrossdeskStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.stack.close();
        }
    }

    private static CrossdeskStack start() {
        Path state = Path.of(System.getProperty("crossdesk.systemtests.state", "target/stack"));
        // Two instances of every service but the registry: every system test runs against a service whose work is
        // shared by partition and whose any instance answers (issue #16).
        return start(state, options -> options.instances(Integer.getInteger("crossdesk.systemtests.instances", 2)));
    }

    /**
     * A stack of the test's own, beside the shared one (fresh state in {@code target/<name>}, free ports), with the
     * shared stack's settings changed by {@code tweak} (e.g. three brokers); the test closes it.
     */
    public static CrossdeskStack startOwn(String name, UnaryOperator<StackOptions> tweak) {
        return start(Path.of("target", name), tweak);
    }

    private static CrossdeskStack start(Path state, UnaryOperator<StackOptions> tweak) {
        Path home = Path.of(System.getProperty("crossdesk.home", ".."))
                .toAbsolutePath()
                .normalize();
        StackOptions options = StackOptions.forHome(home)
                .stateDir(state)
                .fresh(true)
                // The tests act as demo desks with the published demo API keys, which the services accept only so.
                .demoCredentials(true)
                .onFreePorts()
                .environment("CROSSDESK_ROUTING_DEADLINES_IMMEDIATE_ACKNOWLEDGEMENT", IMMEDIATE_ACK_DEADLINE.toString())
                .environment("CROSSDESK_NOTIFICATIONS_DEADLINES_CHECK_INTERVAL", "PT1S")
                .environment("CROSSDESK_NOTIFICATIONS_WEBHOOKS_INITIAL_BACKOFF", "PT0.2S")
                .readyTimeout(Duration.ofMinutes(4));
        options = tweak.apply(options);
        long t0 = System.nanoTime();
        Stack stack = Stack.start(options, line -> System.out.println("[stack] " + line));
        System.out.printf("[stack] ready in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, stack.components());
        for (Service needed :
                List.of(Service.SCHEMA_REGISTRY, Service.INTAKE, Service.ROUTING, Service.NOTIFICATIONS)) {
            if (stack.url(needed).isEmpty()) {
                stack.close();
                throw new IllegalStateException(
                        "system tests need " + needed.id() + " built; not built: " + stack.skipped());
            }
        }
        // As ./crossdesk does: a service that dies is restarted (ServiceRestartIT kills one).
        stack.keepRunning(line -> System.out.println("[stack] " + line));
        return new CrossdeskStack(stack);
    }

    /** Stops a stack of the test's own ({@link #startOwn}); the shared one is stopped when the run ends. */
    @Override
    public void close() {
        stack.close();
    }

    /** The process id of a running service (its first instance). */
    public long pid(Service service) {
        return pid(service.id());
    }

    /** The process id of a running instance, by its name ({@code routing}, {@code routing-2}). */
    public long pid(String instance) {
        return process(instance).pid();
    }

    /** Kills a service (its first instance) without warning (SIGKILL), as a crash or the kernel's OOM killer would. */
    public void kill(Service service) {
        kill(service.id());
    }

    /** Kills an instance, by its name, without warning. */
    public void kill(String instance) {
        process(instance).handle().destroyForcibly();
    }

    /** The HTTP status of an instance's health ({@code /actuator/health}), -1 if it does not answer. */
    public int health(String instance) {
        try {
            return HEALTH.send(
                            HttpRequest.newBuilder(url(instance).resolve("/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static final HttpClient HEALTH = HttpClient.newHttpClient();

    /** How often the launcher restarted each component that died. */
    public Map<String, Integer> restarts() {
        return stack.restarts();
    }

    private ChildProcess process(String instance) {
        return stack.processes().stream()
                .filter(process -> process.name().equals(instance) && process.isAlive())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(instance + " is not running"));
    }

    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return stack.schemaRegistryUrl();
    }

    public URI url(Service service) {
        return stack.url(service).orElseThrow(() -> new IllegalStateException(service.id() + " is not running"));
    }

    /** The base URL of a service instance, by its name ({@code routing}, {@code routing-2}). */
    public URI url(String instance) {
        return stack.url(instance).orElseThrow(() -> new IllegalStateException(instance + " is not running"));
    }

    /** The base URLs of every instance of a service, the first instance first. */
    public List<URI> urls(Service service) {
        return stack.urls(service);
    }

    /** A desk acting over HTTP with its demo key, through instance {@code instance} (from 1) of intake and notifications. */
    public HttpDesk httpDesk(String deskId, int instance) {
        return new HttpDesk(
                deskId,
                "demo-" + deskId,
                urls(Service.INTAKE).get(instance - 1),
                urls(Service.NOTIFICATIONS).get(instance - 1));
    }

    /** A desk acting over HTTP with its demo key ({@code demo-<DESK-ID>}). */
    public HttpDesk httpDesk(String deskId) {
        return new HttpDesk(deskId, "demo-" + deskId, url(Service.INTAKE), url(Service.NOTIFICATIONS));
    }

    /**
     * A desk acting over Kafka only: its outbox and inbox topics, kafka-clients and our serde, with a credential
     * the directory's administrator just issued it.
     */
    public KafkaDesk kafkaDesk(String deskId) {
        return new KafkaDesk(deskId, directoryAdmin().issueCredential(deskId), bootstrapServers(), schemaRegistryUrl());
    }

    /** The directory's administrator (routing's API), who issues desks' Kafka credentials. */
    public DirectoryAdmin directoryAdmin() {
        return new DirectoryAdmin(url(Service.ROUTING));
    }

    /** The credential of a fixed principal the launcher bootstrapped (a service, the auditor, the admin). */
    public KafkaCredentials credentials(String principal) {
        return stack.access()
                .orElseThrow(() -> new IllegalStateException("the stack's broker is not secured"))
                .credentials(principal);
    }

    /** Kafka client settings that authenticate as {@code credentials}. */
    public Map<String, Object> kafkaSettings(KafkaCredentials credentials) {
        Map<String, Object> settings = new HashMap<>(credentials.kafkaProperties(KafkaCredentials.SASL_PLAINTEXT));
        settings.put("bootstrap.servers", bootstrapServers());
        return settings;
    }
}
