package org.crossdesk.routing.explain;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Any routing instance answers for any referral: it asks its peers, real HTTP servers here. */
class PeerDecisionsTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void thePeerThatHoldsTheDecisionAnswersWithTheCallersCredentialAndTheForwardMark() throws IOException {
        URI without = peer("a", 404, "{\"status\":404}");
        URI holder = peer("b", 200, "{\"referralId\":\"CD-1\"}");

        PeerDecisions peers = new PeerDecisions(List.of(without, holder), "routing-2", Duration.ofSeconds(5));

        assertThat(peers.ask("CD-1", "Bearer demo-FR-BNRF")).hasValueSatisfying(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("CD-1");
            assertThat(answer.contentType()).startsWith("application/json");
        });
        assertThat(seen).containsEntry("b", "Bearer demo-FR-BNRF routing-2 /api/v1/routing/CD-1");
    }

    @Test
    void aRefusalByThePeerIsTheAnswerToo() throws IOException {
        URI refusing = peer("a", 403, "{\"status\":403}");

        assertThat(new PeerDecisions(List.of(refusing), "routing", Duration.ofSeconds(5)).ask("CD-2", null))
                .hasValueSatisfying(answer -> assertThat(answer.status()).isEqualTo(403));
    }

    @Test
    void nobodyHoldingItIsNotFoundUnlessAPeerCouldNotBeAsked() throws IOException {
        URI a = peer("a", 404, "{}");
        URI b = peer("b", 404, "{}");
        assertThat(new PeerDecisions(List.of(a, b), "routing", Duration.ofSeconds(5)).ask("CD-3", null))
                .isEmpty();

        URI gone = URI.create("http://127.0.0.1:" + closedPort());
        assertThatThrownBy(
                        () -> new PeerDecisions(List.of(a, gone), "routing", Duration.ofSeconds(5)).ask("CD-3", null))
                .isInstanceOf(PeerDecisions.PeerUnavailableException.class)
                .hasMessageContaining(gone.toString());
    }

    private URI peer(String name, int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.put(
                    name,
                    exchange.getRequestHeaders().getFirst("Authorization") + " "
                            + exchange.getRequestHeaders().getFirst(PeerDecisions.FORWARDED_HEADER) + " "
                            + exchange.getRequestURI().getPath());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
