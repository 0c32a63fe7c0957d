package org.crossdesk.bench.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Where each referral's time goes, from the services' own spans: an OTLP/HTTP trace receiver the benchmark's stack
 * exports to ({@code --hops}), which breaks the time down by hop (each span's duration, by service and span name) and
 * by wait between hops (a span's end to its child's start: time in Kafka, a transaction's commit, a poll).
 */
final class SpanCollector implements AutoCloseable {

    /** One span as received. */
    record Hop(String service, String name, long startNanos, long endNanos, String spanId, String parentSpanId) {
        String key() {
            return service + ": " + DESK.matcher(name).replaceAll("desk.<DESK>.");
        }
    }

    private static final Pattern DESK = Pattern.compile("desk\\.[A-Z0-9-]+\\.");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Hop> hops = new CopyOnWriteArrayList<>();

    SpanCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", this::receive);
        server.setExecutor(executor);
        server.start();
    }

    /** What the services' {@code management.opentelemetry.tracing.export.otlp.endpoint} is set to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    int count() {
        return hops.size();
    }

    private void receive(HttpExchange exchange) throws IOException {
        ExportTraceServiceRequest request;
        try (InputStream body = exchange.getRequestBody()) {
            request = ExportTraceServiceRequest.parseFrom(body);
        }
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(KeyValue::getValue)
                    .map(value -> value.getStringValue())
                    .findFirst()
                    .orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    hops.add(new Hop(
                            service,
                            span.getName(),
                            span.getStartTimeUnixNano(),
                            span.getEndTimeUnixNano(),
                            HexFormat.of().formatHex(span.getSpanId().toByteArray()),
                            HexFormat.of().formatHex(span.getParentSpanId().toByteArray())));
                }
            }
        }
        byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** The per-hop table: durations by hop, then waits between a span and a child that starts after it ended. */
    String breakdown() {
        Map<String, List<Long>> durations = new TreeMap<>();
        Map<String, List<Long>> waits = new TreeMap<>();
        Map<String, Hop> byId = new HashMap<>();
        for (Hop hop : hops) {
            byId.put(hop.spanId(), hop);
            durations.computeIfAbsent(hop.key(), k -> new ArrayList<>()).add(hop.endNanos() - hop.startNanos());
        }
        for (Hop hop : hops) {
            Hop parent = byId.get(hop.parentSpanId());
            if (parent != null && hop.startNanos() >= parent.endNanos()) {
                waits.computeIfAbsent(parent.key() + "  ->  " + hop.key(), k -> new ArrayList<>())
                        .add(hop.startNanos() - parent.endNanos());
            }
        }
        StringBuilder table = new StringBuilder();
        table.append("Per hop, from the services' spans (").append(hops.size()).append(" spans, warm-up included)\n");
        row(table, "hop (service: span)", "count", "p50 ms", "p99 ms");
        durations.forEach((key, values) -> row(table, key, values));
        table.append("\nWaits between hops (a span's end to its child's start: Kafka, commits, polls)\n");
        row(table, "from  ->  to", "count", "p50 ms", "p99 ms");
        waits.forEach((key, values) -> row(table, key, values));
        return table.toString();
    }

    private static void row(StringBuilder table, String key, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        row(
                table,
                key,
                Integer.toString(sorted.size()),
                String.format("%.1f", percentile(sorted, 0.50) / 1e6),
                String.format("%.1f", percentile(sorted, 0.99) / 1e6));
    }

    private static void row(StringBuilder table, String key, String count, String p50, String p99) {
        table.append(String.format("%-110s %7s %9s %9s%n", key, count, p50, p99));
    }

    private static long percentile(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    @Override
    public void close() {
        server.stop(0);
        // Its threads are not daemons: without this the benchmark's JVM would never exit.
        executor.shutdownNow();
    }
}
