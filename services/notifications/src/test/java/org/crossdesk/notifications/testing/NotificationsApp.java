package org.crossdesk.notifications.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.crossdesk.notifications.NotificationsApplication;
import org.crossdesk.platform.security.ApiKeys;
import org.crossdesk.testsupport.KafkaFixture;
import org.crossdesk.testsupport.RegistryFixture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The notifications service, started for real (HTTP on a free port, the shared broker and registry) and
 * stopped on demand, so tests can restart it. Each test class names its own instance: the name is the
 * consumer group, so classes never share offsets.
 */
public final class NotificationsApp implements AutoCloseable {

    /** The sealing key of every test instance (restarts must open what earlier instances sealed). */
    public static final String SECRET_KEY =
            Base64.getEncoder().encodeToString("crossdesk-notifications-test-key".getBytes(StandardCharsets.US_ASCII));

    /** How every test instance resolves webhook hosts: no real DNS; tests point names at their receivers. */
    public static final TestDns DNS = new TestDns();

    private final ConfigurableApplicationContext context;

    private NotificationsApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The API key of {@code deskId} in test instances. */
    public static String keyOf(String deskId) {
        return "test-key-" + deskId;
    }

    /**
     * Starts an instance named {@code name} with {@code clock}, API keys for {@code desks}, quick retries,
     * no scheduled deadline checks (tests trigger them) and {@code overrides}.
     */
    public static NotificationsApp start(String name, Clock clock, List<String> desks, Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", name);
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", 0);
        properties.put("crossdesk.kafka.bootstrap-servers", KafkaFixture.bootstrapServers());
        properties.put("crossdesk.kafka.schema-registry-url", RegistryFixture.url());
        properties.put(
                "crossdesk.http.api-keys",
                desks.stream()
                        .map(desk -> ApiKeys.hash(keyOf(desk)) + " " + desk.toLowerCase() + "-system DESK " + desk)
                        .collect(Collectors.joining(";")));
        properties.put("crossdesk.notifications.secret-key", SECRET_KEY);
        // Receivers run on this machine, over plain http, as in the launcher's local stack.
        properties.put("crossdesk.notifications.webhooks.allow-private-addresses", true);
        properties.put("crossdesk.notifications.webhooks.allow-insecure-http", true);
        properties.put("crossdesk.notifications.webhooks.initial-backoff", "50ms");
        properties.put("crossdesk.notifications.webhooks.max-backoff", "200ms");
        properties.put("crossdesk.notifications.webhooks.max-attempts", 4);
        properties.put("crossdesk.notifications.webhooks.request-timeout", "20s");
        properties.put("crossdesk.notifications.deadlines.check-interval", "1h");
        properties.put("crossdesk.notifications.stream.heartbeat", "500ms");
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.putAll(overrides);
        // As command-line arguments, so they override application.yaml (builder properties are only defaults).
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationsApplication.class)
                .initializers(applicationContext -> {
                    applicationContext.getBeanFactory().registerSingleton("clock", clock);
                    applicationContext.getBeanFactory().registerSingleton("webhookResolver", DNS);
                })
                .run(arguments);
        return new NotificationsApp(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() {
        context.close();
    }
}
