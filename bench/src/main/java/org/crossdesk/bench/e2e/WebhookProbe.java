package org.crossdesk.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A partner system's webhook endpoint that notes when each alert arrives (it answers 204 at once). */
final class WebhookProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private volatile Probes probes;

    WebhookProbe() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(threads);
        server.createContext("/bench/", exchange -> {
            long now = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            Probes current = probes;
            if (current != null && "ALERT".equals(exchange.getRequestHeaders().getFirst("Crossdesk-Message-Kind"))) {
                JsonNode message = JSON.readTree(body);
                current.alertAtWebhook(
                        message.path("alert")
                                .path("submission")
                                .path("deskReference")
                                .asText(),
                        now);
            }
        });
        server.start();
    }

    URI urlFor(String desk) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bench/" + desk);
    }

    void measure(Probes probes) {
        this.probes = probes;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
