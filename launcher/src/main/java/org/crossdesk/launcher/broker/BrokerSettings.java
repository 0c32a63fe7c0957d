package org.crossdesk.launcher.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One KRaft node, broker and controller in one process: client and controller ports on one host, its log directory,
 * its place in the cluster (node id, the controller quorum's voters, how many brokers the cluster has), extra
 * {@code server.properties} entries that override the defaults, and its secrets (null: an insecure broker that
 * anyone may use, only for measuring what security costs).
 */
public record BrokerSettings(
        String host,
        int port,
        int controllerPort,
        Path logDir,
        Map<String, String> overrides,
        Secrets secrets,
        int nodeId,
        String quorumVoters,
        int brokers) {

    /** The most nodes {@link #cluster} makes: every node is a voter, and a quorum of more than five buys nothing here. */
    public static final int MAX_BROKERS = 5;

    /** The ports of one node. */
    public record Ports(int port, int controllerPort) {}

    /**
     * The broker's own secrets: the super user {@code admin}'s SCRAM secret (bootstrapped into the metadata when the
     * storage is formatted) and the secret of the controller listener's only user.
     */
    public record Secrets(String admin, String controller) {
        @Override
        public String toString() {
            return "Secrets[***]";
        }
    }

    public BrokerSettings {
        if (port == controllerPort) {
            throw new IllegalArgumentException("the broker and controller ports must differ, both are " + port);
        }
        if (brokers < 1 || brokers > MAX_BROKERS || nodeId < 1 || nodeId > brokers) {
            throw new IllegalArgumentException(
                    "node " + nodeId + " of " + brokers + " brokers (1 to " + MAX_BROKERS + ")");
        }
        overrides = Map.copyOf(overrides);
    }

    /** A cluster of one node (the development exception: one replica of everything). */
    public static BrokerSettings local(int port, int controllerPort, Path logDir) {
        return new BrokerSettings(
                "127.0.0.1", port, controllerPort, logDir, Map.of(), null, 1, "1@127.0.0.1:" + controllerPort, 1);
    }

    /**
     * A cluster of {@code ports.size()} nodes on the loopback, node {@code i} (from 1) on {@code ports.get(i - 1)} with
     * its log directory {@code logDir(i)}; every node is a controller voter, so a majority of them must be up.
     */
    public static List<BrokerSettings> cluster(List<Ports> ports, IntFunction<Path> logDir) {
        String host = "127.0.0.1";
        String voters = IntStream.rangeClosed(1, ports.size())
                .mapToObj(node -> node + "@" + host + ":" + ports.get(node - 1).controllerPort())
                .collect(Collectors.joining(","));
        List<BrokerSettings> nodes = new ArrayList<>();
        for (int node = 1; node <= ports.size(); node++) {
            Ports own = ports.get(node - 1);
            nodes.add(new BrokerSettings(
                    host,
                    own.port(),
                    own.controllerPort(),
                    logDir.apply(node),
                    Map.of(),
                    null,
                    node,
                    voters,
                    ports.size()));
        }
        return nodes;
    }

    public BrokerSettings withOverrides(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(overrides);
        merged.putAll(more);
        return new BrokerSettings(host, port, controllerPort, logDir, merged, secrets, nodeId, quorumVoters, brokers);
    }

    /** The same broker, authenticating every client with SASL/SCRAM and authorising with ACLs. */
    public BrokerSettings secured(Secrets secrets) {
        return new BrokerSettings(
                host, port, controllerPort, logDir, overrides, secrets, nodeId, quorumVoters, brokers);
    }

    public boolean isSecured() {
        return secrets != null;
    }

    /** This node's client address. */
    public String bootstrapServers() {
        return host + ":" + port;
    }

    /**
     * The name of its process, pid file and log: {@code kafka} when it is the whole cluster (as ever), {@code kafka-N}
     * in a cluster.
     */
    public String processName() {
        return brokers == 1 ? "kafka" : "kafka-" + nodeId;
    }
}
