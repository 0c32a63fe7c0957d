package org.crossdesk.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner system's webhook endpoint: one local HTTP server, a path per desk ({@code /hooks/<DESK>}).
 * It checks each delivery's signature like a real receiver must (HMAC-SHA256 of timestamp, '.', body)
 * and keeps what arrived.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST that arrived, with whether its signature verified. */
    public record Delivery(String desk, JsonNode message, boolean signatureValid, String deliveryId) {}

    private final HttpServer server;
    private final String secret;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    public WebhookReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String desk = exchange.getRequestURI().getPath().substring("/hooks/".length());
            String timestamp = exchange.getRequestHeaders().getFirst("Crossdesk-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("Crossdesk-Signature");
            String deliveryId = exchange.getRequestHeaders().getFirst("Crossdesk-Delivery-Id");
            boolean valid = timestamp != null && signature != null && signature.equals(sign(timestamp, body));
            deliveries.add(new Delivery(desk, HttpDesk.JSON.readTree(body), valid, deliveryId));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    public String secret() {
        return secret;
    }

    public URI urlFor(String desk) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + desk);
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Deliveries of one referral's messages, whichever desk they were for. */
    public List<Delivery> deliveriesOf(String referralId) {
        return deliveries.stream()
                .filter(d -> referralId.equals(d.message().path("referralId").asText()))
                .toList();
    }

    private String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return "v1=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
