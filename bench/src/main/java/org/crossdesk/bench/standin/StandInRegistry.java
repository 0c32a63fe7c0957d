package org.crossdesk.bench.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A throwaway in-memory registry (register, lookup, schema by id, {@code GET /}) for benchmarks to run before the
 * Crossdesk registry server is available. It is not that server: no compatibility checks, no persistence,
 * no versions. The serde benchmark reaches it only during setup, so its speed does not enter the figures; the
 * latency harness must be pointed at the real server to mean anything.
 */
public final class StandInRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus the client's delayed
        // ACK adds ~40 ms to every answer. Read once when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Integer> idByText = new ConcurrentHashMap<>();
    private final Map<Integer, String> textById = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Boolean>> subjects = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    public StandInRegistry(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static StandInRegistry start() throws IOException {
        return new StandInRegistry(0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Runs a stand-in until killed, e.g. to smoke-test RegistryLatency: {@code ... StandInRegistry 8081}. */
    public static void main(String[] args) throws Exception {
        StandInRegistry registry = new StandInRegistry(args.length > 0 ? Integer.parseInt(args[0]) : 8081);
        System.out.println("Stand-in registry (not the Crossdesk server) at " + registry.url());
        Thread.currentThread().join();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String[] parts = exchange.getRequestURI().getRawPath().substring(1).split("/");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("POST")
                    && parts.length == 3
                    && parts[0].equals("subjects")
                    && parts[2].equals("versions")) {
                String text = canonical(body);
                int id = idByText.computeIfAbsent(text, t -> {
                    int fresh = nextId.getAndIncrement();
                    textById.put(fresh, t);
                    return fresh;
                });
                subjects.computeIfAbsent(decode(parts[1]), s -> new ConcurrentHashMap<>())
                        .put(id, true);
                reply(exchange, 200, "{\"id\":" + id + "}");
            } else if (method.equals("POST") && parts.length == 2 && parts[0].equals("subjects")) {
                Integer id = idByText.get(canonical(body));
                Map<Integer, Boolean> ids = subjects.get(decode(parts[1]));
                if (ids == null || id == null || !ids.containsKey(id)) {
                    reply(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
                } else {
                    reply(
                            exchange,
                            200,
                            JSON.createObjectNode()
                                    .put("subject", decode(parts[1]))
                                    .put("version", 1)
                                    .put("id", id)
                                    .put("schema", textById.get(id))
                                    .toString());
                }
            } else if (method.equals("GET")
                    && parts.length == 3
                    && parts[0].equals("schemas")
                    && parts[1].equals("ids")) {
                String text = textById.get(Integer.parseInt(parts[2]));
                if (text == null) {
                    reply(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema " + parts[2] + " not found\"}");
                } else {
                    reply(
                            exchange,
                            200,
                            JSON.createObjectNode().put("schema", text).toString());
                }
            } else if (method.equals("GET")
                    && exchange.getRequestURI().getRawPath().equals("/")) {
                reply(exchange, 200, "{}");
            } else {
                reply(exchange, 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
            }
        } catch (RuntimeException e) {
            reply(exchange, 422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");
        }
    }

    private static String canonical(byte[] body) throws IOException {
        return new Schema.Parser()
                .parse(JSON.readTree(body).get("schema").asText())
                .toString();
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
