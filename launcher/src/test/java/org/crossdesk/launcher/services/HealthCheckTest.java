package org.crossdesk.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real local HTTP server that plays a service starting up. */
class HealthCheckTest {

    private static final Duration POLL = Duration.ofMillis(20);

    private HttpServer server;
    private final AtomicInteger probes = new AtomicInteger();
    private volatile int downAnswers;
    private volatile int upStatus = 200;
    private volatile String upBody = "{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health", exchange -> {
            int probe = probes.incrementAndGet();
            boolean down = probe <= downAnswers;
            byte[] body = (down ? "{\"status\":\"DOWN\"}" : upBody).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
            exchange.sendResponseHeaders(down ? 503 : upStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI health() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health");
    }

    @Test
    void returnsOnceTheServiceSaysUpAfterSomeDownAnswers() {
        downAnswers = 3;

        new HealthCheck(POLL).awaitUp("intake", health(), Duration.ofSeconds(30), Optional::empty);

        assertThat(probes.get()).isEqualTo(4);
    }

    @Test
    void aRefusedConnectionCountsAsNotYetUp() throws IOException {
        URI nobodyListens;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/actuator/health");
        }

        assertThat(new HealthCheck(POLL).isUp(nobodyListens)).isFalse();
    }

    @Test
    void aStatusOtherThanUpIsNotHealthyEvenWith200() {
        upBody = "{\"status\":\"OUT_OF_SERVICE\"}";

        assertThat(new HealthCheck(POLL).isUp(health())).isFalse();
    }

    @Test
    void failsAtOnceWithTheProcessReasonWhenItDiesWhileStarting() {
        downAnswers = Integer.MAX_VALUE;
        AtomicInteger checks = new AtomicInteger();
        HealthCheck.Watched diesOnThirdCheck = () -> checks.incrementAndGet() >= 3
                ? Optional.of("exit code 1; APPLICATION FAILED TO START")
                : Optional.empty();

        assertThatThrownBy(() ->
                        new HealthCheck(POLL).awaitUp("routing", health(), Duration.ofMinutes(5), diesOnThirdCheck))
                .isInstanceOf(NotHealthyException.class)
                .hasMessageContaining("routing stopped while starting")
                .hasMessageContaining("APPLICATION FAILED TO START");
        assertThat(checks.get()).isEqualTo(3);
    }

    @Test
    void givesUpAfterTheTimeoutNamingTheServiceAndUrl() {
        downAnswers = Integer.MAX_VALUE;

        assertThatThrownBy(() ->
                        new HealthCheck(POLL).awaitUp("dashboard", health(), Duration.ofMillis(300), Optional::empty))
                .isInstanceOf(NotHealthyException.class)
                .hasMessageContaining("dashboard was not healthy at " + health());
        assertThat(probes.get()).isGreaterThan(1);
    }
}
