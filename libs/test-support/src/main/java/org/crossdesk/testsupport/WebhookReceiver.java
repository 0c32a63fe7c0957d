package org.crossdesk.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner system's webhook endpoint: a real HTTP server on a free port of 127.0.0.1 that records every request and
 * answers as told per path (a status by attempt number, or never until released), for notifications' tests and the
 * system tests alike.
 *
 * <pre>{@code
 * try (WebhookReceiver receiver = new WebhookReceiver().requireSignature(secret)) {
 *   subscribe(receiver.url("/hooks/FR-OCRTIS"), secret);
 *   await().until(() -> !receiver.received("/hooks/FR-OCRTIS").isEmpty());
 * }
 * }</pre>
 *
 * <p>The signature check is written from docs/webhooks.md, as a partner would write it, not taken from notifications'
 * signer: a test that used the signer to verify the signer would prove nothing.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, Map<String, String> headers, byte[] body) {

        /** A request header, by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /**
         * Whether {@code Crossdesk-Signature} holds a {@code v1=} signature (of several, comma-separated, while a secret
         * is rotated) that is the hex HMAC-SHA256, under {@code secret}, of {@code Crossdesk-Timestamp}, a '.', and the
         * body (docs/webhooks.md).
         */
        public boolean signedWith(String secret) {
            String timestamp = header("Crossdesk-Timestamp");
            String signatures = header("Crossdesk-Signature");
            if (timestamp == null || signatures == null) {
                return false;
            }
            byte[] expected;
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
                expected = mac.doFinal(body);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            for (String part : signatures.split(",")) {
                String[] scheme = part.trim().split("=", 2);
                if (scheme.length == 2 && scheme[0].equals("v1") && matches(expected, scheme[1])) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(byte[] expected, String hex) {
            try {
                return MessageDigest.isEqual(expected, HexFormat.of().parseHex(hex));
            } catch (IllegalArgumentException notHex) {
                return false;
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, IntUnaryOperator> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String requiredSecret;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The URL of {@code path} on this receiver, e.g. {@code http://127.0.0.1:40123/hooks/FR-OCRTIS}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers 401 to every request whose signature does not verify under {@code secret}, as a real receiver must. */
    public WebhookReceiver requireSignature(String secret) {
        this.requiredSecret = secret;
        return this;
    }

    /** Answers requests to {@code path}: attempt number (1, 2, ...) to status; 0 means hang until released. */
    public WebhookReceiver answer(String path, IntUnaryOperator statusByAttempt) {
        answers.put(path, statusByAttempt);
        return this;
    }

    /** Lets hanging requests finish (with 200). */
    public void releaseHung() {
        release.countDown();
    }

    /** Every request to {@code path} so far. */
    public List<Received> received(String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    /** Every request so far, whatever its path. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Received request = new Received(path, headers, body);
        received.add(request);
        int attempt = counts.merge(path, 1, Integer::sum);
        String secret = requiredSecret;
        int status = secret != null && !request.signedWith(secret)
                ? 401
                : answers.getOrDefault(path, n -> 200).applyAsInt(attempt);
        if (status == 0) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 200;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
