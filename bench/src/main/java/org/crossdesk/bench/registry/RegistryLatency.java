package org.crossdesk.bench.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.apache.avro.Schema;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.schemaregistry.client.RestSchemaRegistryClient;
import org.crossdesk.schemaregistry.client.SchemaDefinition;

/**
 * Register and get-by-id latency of a running registry, {@code --clients} closed-loop clients in parallel
 * (default 4), each with its own uncached REST client and connection. Recorded with HdrHistogram; the baseline,
 * measured in the same run by the same clients, is {@code GET /} (the registry's cheapest HTTP round trip).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.crossdesk.bench.registry.RegistryLatency --url http://127.0.0.1:8081
 *     [--clients 4] [--ops 1000] [--warmup 200] [--keep] [--home .] [--data-dir DIR]
 *     [--config basic.auth.credentials.source=USER_INFO ...]
 * </pre>
 *
 * <p>Against the secured stack's registry the clients authenticate with the cluster admin's basic auth, read from
 * the running stack's data directory ({@code --data-dir}, default {@code <--home>/.crossdesk/data};
 * {@link BenchStack}); without an admin secret there, with none. {@code --config} entries come last and win.
 *
 * <p>"register" registers the ReferralEvent schema under a fresh subject each time (a new subject-version: the
 * write path); "register (existing)" re-registers it under a subject that already has it (the identity
 * lookup); "get by id" is {@code GET /schemas/ids/{id}}. The fresh subjects are deleted afterwards (soft, then
 * permanent) unless {@code --keep}.
 */
public final class RegistryLatency {

    private enum Op {
        PING("GET / (baseline)"),
        REGISTER_NEW("register (new subject)"),
        REGISTER_EXISTING("register (existing)"),
        GET_BY_ID("get by id");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    private RegistryLatency() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        Map<String, Object> explicit = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keep" -> options.put("keep", "true");
                case "--config" -> {
                    String[] kv = args[++i].split("=", 2);
                    explicit.put(kv[0], kv[1]);
                }
                default -> options.put(args[i].replaceFirst("^--", ""), args[++i]);
            }
        }
        BenchStack access = BenchStack.fromOptions(options);
        Map<String, Object> config = new HashMap<>(access.registryProperties());
        config.put("max.retries", 0);
        config.putAll(explicit);
        String url = options.get("url");
        if (url == null) {
            System.err.println(
                    "Usage: RegistryLatency --url <registry base URL> [--clients 4] [--ops 1000] [--warmup 200]"
                            + " [--keep] [--home .] [--data-dir DIR] [--config key=value]...");
            System.exit(2);
        }
        int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
        int ops = Integer.parseInt(options.getOrDefault("ops", "1000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "200"));
        String run = "bench.registry-latency." + UUID.randomUUID().toString().substring(0, 8);
        Schema schema = ReferralEvent.getClassSchema();
        SchemaDefinition definition = SchemaDefinition.avro(schema);

        List<String> created = new ArrayList<>();
        int id;
        try (RestSchemaRegistryClient setup = new RestSchemaRegistryClient(url, config)) {
            setup.ping();
            String existing = run + ".existing-value";
            id = setup.register(existing, definition, false).id();
            created.add(existing);
        }

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Map<Op, Histogram>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Callable<Map<Op, Histogram>> work = () -> runClient(url, config, run, client, warmup, ops, definition, id);
            results.add(pool.submit(work));
        }
        Map<Op, Histogram> total = new HashMap<>();
        try {
            for (Future<Map<Op, Histogram>> result : results) {
                result.get()
                        .forEach((op, h) ->
                                total.computeIfAbsent(op, o -> newHistogram()).add(h));
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            System.err.println("RegistryLatency failed: " + e.getCause());
            System.exit(1);
        }
        pool.shutdown();
        for (int c = 0; c < clients; c++) {
            for (int n = 0; n < warmup + ops; n++) {
                created.add(freshSubject(run, c, n));
            }
        }

        System.out.printf(
                Locale.ROOT,
                "Registry %s, %d clients, %d measured ops per client and operation (µs)%n",
                url,
                clients,
                ops);
        System.out.println("stack: " + access.describe());
        System.out.printf(
                Locale.ROOT,
                "%-24s %8s %9s %9s %9s %9s %9s %12s%n",
                "operation",
                "count",
                "p50",
                "p90",
                "p99",
                "p99.9",
                "max",
                "p50/baseline");
        double baseline = total.get(Op.PING).getValueAtPercentile(50);
        for (Op op : Op.values()) {
            Histogram h = total.get(op);
            System.out.printf(
                    Locale.ROOT,
                    "%-24s %8d %9.0f %9.0f %9.0f %9.0f %9.0f %11.1fx%n",
                    op.label,
                    h.getTotalCount(),
                    micros(h, 50),
                    micros(h, 90),
                    micros(h, 99),
                    micros(h, 99.9),
                    h.getMaxValue() / 1000.0,
                    h.getValueAtPercentile(50) / baseline);
        }

        if (!options.containsKey("keep")) {
            int failed = 0;
            String firstFailure = null;
            try (RestSchemaRegistryClient cleanup = new RestSchemaRegistryClient(url, config)) {
                for (String subject : created) {
                    try {
                        cleanup.deleteSubject(subject, false);
                        cleanup.deleteSubject(subject, true);
                    } catch (RuntimeException e) {
                        failed++;
                        firstFailure = firstFailure != null ? firstFailure : subject + ": " + e.getMessage();
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "Deleted %d of %d benchmark subjects%s%n",
                    created.size() - failed,
                    created.size(),
                    failed == 0 ? "" : " (first failure: " + firstFailure + ")");
        }
    }

    private static Map<Op, Histogram> runClient(
            String url,
            Map<String, Object> config,
            String run,
            int client,
            int warmup,
            int ops,
            SchemaDefinition definition,
            int id) {
        Map<Op, Histogram> histograms = new HashMap<>();
        for (Op op : Op.values()) {
            histograms.put(op, newHistogram());
        }
        String existing = run + ".existing-value";
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(url, config)) {
            for (int n = 0; n < warmup + ops; n++) {
                boolean measured = n >= warmup;
                String fresh = freshSubject(run, client, n);
                time(histograms.get(Op.PING), measured, registry::ping);
                time(histograms.get(Op.REGISTER_NEW), measured, () -> registry.register(fresh, definition, false));
                time(
                        histograms.get(Op.REGISTER_EXISTING),
                        measured,
                        () -> registry.register(existing, definition, false));
                time(histograms.get(Op.GET_BY_ID), measured, () -> registry.getById(id, null));
            }
        }
        return histograms;
    }

    private static void time(Histogram histogram, boolean measured, Runnable call) {
        long start = System.nanoTime();
        call.run();
        long elapsed = System.nanoTime() - start;
        if (measured) {
            histogram.recordValue(elapsed);
        }
    }

    private static String freshSubject(String run, int client, int n) {
        return run + ".c" + client + ".n" + n + "-value";
    }

    private static Histogram newHistogram() {
        return new Histogram(3_600_000_000_000L, 3);
    }

    private static double micros(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
