package org.crossdesk.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table printed once the stack is ready: what runs where, how to log in, where the logs are. */
final class ReadyTable {

    private ReadyTable() {}

    /**
     * @param rssMiB resident memory per component name (absent where it cannot be measured)
     */
    static String render(
            List<Stack.Component> components,
            Map<String, Long> rssMiB,
            List<String> skipped,
            Duration readyAfter,
            StackOptions options,
            boolean demo) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"component", "address", "pid", "RSS", "what for"});
        for (Stack.Component component : components) {
            rows.add(new String[] {
                component.name(),
                component.address(),
                Long.toString(component.pid()),
                rssMiB.containsKey(component.name()) ? rssMiB.get(component.name()) + " MiB" : "",
                purpose(component.name())
            });
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nCrossdesk is ready (%.1f s).%n%n", readyAfter.toMillis() / 1000.0));
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        if (!rssMiB.isEmpty()) {
            long total = rssMiB.values().stream().mapToLong(Long::longValue).sum();
            out.append(String.format(Locale.ROOT, "  total RSS of the child processes: %d MiB%n", total));
        }
        if (!options.externalBootstrapServersOrEmpty().isEmpty()) {
            out.append("  kafka: external cluster ")
                    .append(options.externalBootstrapServersOrEmpty())
                    .append('\n');
        }
        if (!options.externalSchemaRegistryUrlOrEmpty().isEmpty()) {
            out.append("  schema registry: external ")
                    .append(options.externalSchemaRegistryUrlOrEmpty())
                    .append('\n');
        }
        if (!skipped.isEmpty()) {
            out.append("  not built, so not started: ")
                    .append(String.join(", ", skipped))
                    .append('\n');
        }
        out.append('\n');
        if (options.demoCredentials) {
            out.append(
                    "DEMO credentials are accepted (--demo; never for real desks): send 'Authorization: Bearer <key>'\n");
            out.append("  a desk:      demo-<DESK-ID>, e.g. demo-FR-OCRTIS, demo-DE-BKA\n");
            out.append("  supervisor:  demo-supervisor   (the dashboard)\n");
            out.append("  admin:       demo-admin        (directory, subscriptions, desks' Kafka credentials)\n");
            out.append("  auditor:     demo-auditor\n");
        } else {
            out.append(
                    "HTTP API keys: none configured; set CROSSDESK_HTTP_API_KEYS_FILE (docs/security.md), or use --demo\n");
            out.append("Directory: only the desks an administrator adds (POST /api/v1/directory/desks on routing); the"
                    + " synthetic desks come with --demo\n");
        }
        if (options.access().isPresent()) {
            out.append(
                            "Kafka: SASL/SCRAM-SHA-512 with ACLs. A desk's credential: POST /api/v1/directory/desks/<ID>/credential"
                                    + " (routing, as admin); the cluster admin's secret is in ")
                    .append(options.dataDir().resolve("secrets"))
                    .append("/admin\n");
        } else if (options.insecure) {
            out.append("Kafka: INSECURE (--insecure): anyone on this machine can read and write every topic\n");
        }
        out.append('\n');
        out.append("Logs: ")
                .append(options.logDir())
                .append("   Data: ")
                .append(options.dataDir())
                .append(" (kept; --fresh wipes it)\n");
        if (demo) {
            out.append("Demo traffic is running; watch the dashboard.\n");
        }
        out.append("Ctrl-C stops everything.\n");
        return out.toString();
    }

    private static String purpose(String component) {
        return switch (component) {
            case "kafka" -> "bootstrap servers";
            case "schema-registry" -> "Confluent-compatible registry API";
            case "intake" -> "desks submit and respond: /api/...";
            case "routing" -> "directory and agreements (admin)";
            case "notifications" -> "subscriptions, webhooks, live stream";
            case "dashboard" -> "open in a browser";
            default -> "";
        };
    }
}
