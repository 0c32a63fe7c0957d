package org.crossdesk.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crossdesk.launcher.broker.BrokerSettings;
import org.crossdesk.launcher.services.Service;

/**
 * The command line of {@code ./crossdesk}.
 *
 * @param only empty: everything; otherwise the broker if {@code onlyBroker}, and these services
 */
record LaunchOptions(
        boolean help,
        boolean demo,
        double rate,
        boolean fresh,
        boolean onlyGiven,
        boolean onlyBroker,
        Set<Service> only,
        int kafkaPort,
        int brokers,
        int instances,
        int httpPortBase,
        Optional<String> bootstrapServers,
        Optional<String> schemaRegistryUrl,
        Optional<Path> stateDir,
        boolean insecure,
        boolean printAcls,
        List<String> printAclsDesks) {

    static final double DEFAULT_RATE = 2.0;
    static final double MAX_RATE = 5_000;

    static final String USAGE = """
      Usage: ./crossdesk [options]
             ./crossdesk dead-letters list|show|redrive|retention ...   (./crossdesk dead-letters --help)
        Starts a Kafka broker (KRaft), the schema registry and every Crossdesk service on this machine,
        waits until all are healthy and prints their URLs. Ctrl-C stops everything.

        --demo                    seed the synthetic directory and send a steady stream of synthetic referrals
                                  (all three types, several desks) with acknowledgements from the recipients
        --rate N                  demo referrals per second (default 2, at most 5000); implies --demo
        --insecure                Kafka without authentication or ACLs, the registry without authentication:
                                  only to measure what security costs; never with real data
        --print-acls [DESK ...]   print every Kafka ACL Crossdesk grants (with these desks') and exit
        --fresh                   delete the broker's data (.crossdesk/data) first; it is kept otherwise
        --only LIST               start only these, comma-separated: broker, registry, intake, routing,
                                  notifications, dashboard (e.g. --only broker,registry)
        --brokers N               a cluster of N brokers (1 to 5; default 1, the development exception with one
                                  replica of everything); 3 gives every topic three replicas, two in sync
        --instances N             N instances of every service but the registry (1 to 3; default 1): they
                                  share the work by partition, any of them answers any request; instance K
                                  of a service listens 10(K-1) above its port
        --kafka-port N            the broker's port (default 9092; its controller uses N+1; broker K of a
                                  cluster uses N+2(K-1) and the port above it)
        --http-port-base N        services on N+1 (registry) to N+5 (dashboard); default 8080
        --bootstrap-servers H:P   use this Kafka cluster instead of starting a broker
        --schema-registry-url U   use this schema registry (ours or Confluent's) instead of starting ours
        --state-dir DIR           where data, logs and pid files go (default .crossdesk in the repository)
        -h, --help                this text
      """;

    static LaunchOptions parse(String... args) {
        boolean help = false;
        boolean demo = false;
        Double rate = null;
        boolean fresh = false;
        boolean onlyGiven = false;
        boolean onlyBroker = true;
        Set<Service> only = EnumSet.allOf(Service.class);
        int kafkaPort = 9092;
        int brokers = 1;
        int instances = 1;
        int httpPortBase = 8080;
        String bootstrap = null;
        String registry = null;
        Path stateDir = null;
        boolean insecure = false;
        boolean printAcls = false;
        List<String> printDesks = new ArrayList<>();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                inlineValue = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "--demo" -> demo = true;
                case "--fresh" -> fresh = true;
                case "--insecure" -> insecure = true;
                case "--print-acls" -> {
                    printAcls = true;
                    while (!rest.isEmpty() && !rest.get(0).startsWith("--")) {
                        printDesks.add(rest.remove(0));
                    }
                }
                case "--rate" -> rate = parseRate(value(arg, inlineValue, rest));
                case "--only" -> {
                    onlyGiven = true;
                    onlyBroker = false;
                    only = EnumSet.noneOf(Service.class);
                    for (String name : value(arg, inlineValue, rest).split(",")) {
                        String trimmed = name.trim();
                        if (trimmed.equals("broker") || trimmed.equals("kafka")) {
                            onlyBroker = true;
                        } else if (!trimmed.isEmpty()) {
                            only.add(
                                    Service.byName(trimmed)
                                            .orElseThrow(
                                                    () -> new UsageException(
                                                            "--only: unknown component '" + trimmed
                                                                    + "'; known: broker, registry, intake, routing, notifications, dashboard")));
                        }
                    }
                    if (!onlyBroker && only.isEmpty()) {
                        throw new UsageException("--only needs at least one component");
                    }
                }
                case "--kafka-port" -> kafkaPort = parsePort(arg, value(arg, inlineValue, rest));
                case "--brokers" ->
                    brokers = parseCount(arg, value(arg, inlineValue, rest), BrokerSettings.MAX_BROKERS);
                case "--instances" ->
                    instances = parseCount(arg, value(arg, inlineValue, rest), StackOptions.MAX_INSTANCES);
                case "--http-port-base" -> {
                    httpPortBase = parsePort(arg, value(arg, inlineValue, rest));
                    if (httpPortBase + Service.values().length > 65535) {
                        throw new UsageException(
                                "--http-port-base: " + httpPortBase + " leaves no room for the services");
                    }
                }
                case "--bootstrap-servers" -> bootstrap = value(arg, inlineValue, rest);
                case "--schema-registry-url" -> registry = value(arg, inlineValue, rest);
                case "--state-dir" -> stateDir = Path.of(value(arg, inlineValue, rest));
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (rate != null) {
            demo = true;
        }
        if (demo && onlyGiven) {
            List<String> missing = new ArrayList<>();
            for (Service needed : List.of(Service.INTAKE, Service.ROUTING, Service.NOTIFICATIONS)) {
                if (!only.contains(needed)) {
                    missing.add(needed.id());
                }
            }
            if (!missing.isEmpty()) {
                throw new UsageException("--demo needs " + String.join(", ", missing) + " in --only");
            }
        }
        return new LaunchOptions(
                help,
                demo,
                rate == null ? DEFAULT_RATE : rate,
                fresh,
                onlyGiven,
                onlyBroker,
                only,
                kafkaPort,
                brokers,
                instances,
                httpPortBase,
                Optional.ofNullable(bootstrap),
                Optional.ofNullable(registry),
                Optional.ofNullable(stateDir),
                insecure,
                printAcls,
                List.copyOf(printDesks));
    }

    /** Applies these options to the stack's. */
    StackOptions toStackOptions(Path home) {
        // --demo uses the published demo API keys: the services accept them only when told so.
        StackOptions options = StackOptions.forHome(home)
                .fresh(fresh)
                .kafkaPorts(kafkaPort, kafkaPort + 1)
                .brokers(brokers)
                .instances(instances)
                .insecure(insecure)
                .demoCredentials(demo);
        for (Service service : Service.values()) {
            options.port(service, httpPortBase + (service.defaultPort() - 8080));
        }
        stateDir.ifPresent(options::stateDir);
        if (onlyGiven) {
            options.only(onlyBroker, only);
        }
        bootstrapServers.ifPresent(options::externalKafka);
        schemaRegistryUrl.ifPresent(options::externalSchemaRegistry);
        return options;
    }

    private static String value(String option, String inlineValue, List<String> rest) {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static double parseRate(String text) {
        double rate;
        try {
            rate = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--rate: '" + text + "' is not a number");
        }
        if (!(rate > 0) || rate > MAX_RATE) {
            throw new UsageException("--rate must be more than 0 and at most " + (int) MAX_RATE + ", not " + text);
        }
        return rate;
    }

    /** A count from 1 to {@code max} for {@code option} ({@code --brokers}, {@code --instances}). */
    private static int parseCount(String option, String text, int max) {
        int count;
        try {
            count = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + text + "' is not a number");
        }
        if (count < 1 || count > max) {
            throw new UsageException(option + " takes 1 to " + max + ", not " + text);
        }
        return count;
    }

    private static int parsePort(String option, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65534) {
                throw new UsageException(option + ": " + text + " is not a usable port (1–65534)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + text + "' is not a port number");
        }
    }

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
