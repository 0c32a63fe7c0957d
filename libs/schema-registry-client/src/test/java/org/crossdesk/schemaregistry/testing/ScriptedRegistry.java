package org.crossdesk.schemaregistry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on a free local port that records every request and answers from a script: queued replies
 * first, then a fallback function. Stands in for a registry (or a misbehaving proxy in front of one).
 */
public final class ScriptedRegistry implements AutoCloseable {

    /** One request as the server saw it: raw (still percent-encoded) path and query. */
    public record Request(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> headers,
            String body,
            long receivedNanos) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().isEmpty() ? null : e.getValue().get(0);
                }
            }
            return null;
        }

        public String pathAndQuery() {
            return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
        }
    }

    public record Reply(int status, String contentType, String body, Map<String, String> headers) {

        public static Reply json(int status, String body) {
            return new Reply(status, "application/vnd.schemaregistry.v1+json", body, Map.of());
        }

        public static Reply error(int status, int errorCode, String message) {
            return json(status, "{\"error_code\":" + errorCode + ",\"message\":\"" + message + "\"}");
        }

        /** Close the connection without answering, as a server does with an idle keep-alive connection. */
        public static Reply drop() {
            return new Reply(-1, "", "", Map.of());
        }

        public static Reply html(int status, String body) {
            return new Reply(status, "text/html", body, Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, Map.copyOf(more));
        }
    }

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus the client's delayed
        // ACK adds ~40 ms to every answer. Read once when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final String prefix;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Reply> queued = new ConcurrentLinkedQueue<>();
    private volatile Function<Request, Reply> fallback =
            r -> Reply.error(404, 404, "HTTP 404 Not Found: no script for " + r.pathAndQuery());

    public ScriptedRegistry() {
        this("");
    }

    /** @param prefix a path prefix the registry lives under, e.g. {@code /apis/ccompat/v7} */
    public ScriptedRegistry(String prefix) {
        this.prefix = prefix;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL to configure as {@code schema.registry.url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    public ScriptedRegistry enqueue(Reply... replies) {
        queued.addAll(List.of(replies));
        return this;
    }

    public ScriptedRegistry otherwise(Function<Request, Reply> answer) {
        this.fallback = answer;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    public Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    /** A URL on which nothing listens: connecting to it is refused. */
    public static String refusingUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    System.nanoTime());
            requests.add(request);
            Reply reply = queued.poll();
            if (reply == null) {
                reply = fallback.apply(request);
            }
            if (reply.status() < 0) {
                return; // closing the exchange unanswered drops the connection
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
