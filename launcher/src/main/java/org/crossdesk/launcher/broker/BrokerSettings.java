package org.crossdesk.launcher.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A single-node KRaft broker: client and controller ports on one host, its log directory, extra
 * {@code server.properties} entries that override the defaults, and its secrets (null: an insecure broker that
 * anyone may use, only for measuring what security costs).
 */
public record BrokerSettings(
        String host, int port, int controllerPort, Path logDir, Map<String, String> overrides, Secrets secrets) {

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
        overrides = Map.copyOf(overrides);
    }

    public static BrokerSettings local(int port, int controllerPort, Path logDir) {
        return new BrokerSettings("127.0.0.1", port, controllerPort, logDir, Map.of(), null);
    }

    public BrokerSettings withOverrides(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(overrides);
        merged.putAll(more);
        return new BrokerSettings(host, port, controllerPort, logDir, merged, secrets);
    }

    /** The same broker, authenticating every client with SASL/SCRAM and authorising with ACLs. */
    public BrokerSettings secured(Secrets secrets) {
        return new BrokerSettings(host, port, controllerPort, logDir, overrides, secrets);
    }

    public boolean isSecured() {
        return secrets != null;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }
}
