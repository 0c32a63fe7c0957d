package org.crossdesk.launcher.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crossdesk.broker.BrokerDefaults;

/** Renders the {@code server.properties} of one combined broker+controller node of a cluster of one or more. */
public final class ServerProperties {

    private ServerProperties() {}

    public static Map<String, String> of(BrokerSettings settings) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(settings.nodeId()));
        // A static quorum: every node is a voter, listed in every node's configuration.
        p.put("controller.quorum.voters", settings.quorumVoters());
        p.put("controller.listener.names", "CONTROLLER");
        if (settings.isSecured()) {
            secure(p, settings);
        } else {
            p.put(
                    "listeners",
                    "PLAINTEXT://" + settings.host() + ":" + settings.port() + ",CONTROLLER://" + settings.host() + ":"
                            + settings.controllerPort());
            p.put("advertised.listeners", "PLAINTEXT://" + settings.host() + ":" + settings.port());
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        }
        p.put("log.dirs", settings.logDir().toAbsolutePath().toString());
        // The settings every Crossdesk broker shares, and the durability of a cluster of this size (one node: the
        // development exception), each with its reason, are in libs/broker.
        p.putAll(BrokerDefaults.cluster(settings.brokers()));
        p.putAll(settings.overrides());
        return p;
    }

    /**
     * Every client authenticates with SASL/SCRAM-SHA-512 and may do only what an ACL allows (docs/security.md):
     * an unauthenticated connection is closed during the handshake, an authenticated principal without ACLs is
     * denied everything. The controller listener takes one user only, with PLAIN (SCRAM credentials live in the
     * metadata log the controller serves, so it cannot use them itself), and that user's secret is the launcher's.
     */
    static void secure(Map<String, String> p, BrokerSettings settings) {
        BrokerSettings.Secrets secrets = settings.secrets();
        p.put(
                "listeners",
                "SASL_PLAINTEXT://" + settings.host() + ":" + settings.port() + ",CONTROLLER://" + settings.host() + ":"
                        + settings.controllerPort());
        p.put("advertised.listeners", "SASL_PLAINTEXT://" + settings.host() + ":" + settings.port());
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put(
                "listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER_USER
                        + "\" password=\"" + secrets.controller() + "\" user_" + CONTROLLER_USER + "=\""
                        + secrets.controller()
                        + "\";");
        p.put(
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + ADMIN_USER
                        + "\" password=\"" + secrets.admin() + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // Deny by default: a resource no ACL names is closed to everyone but the super users.
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + ADMIN_USER + ";User:" + CONTROLLER_USER);
        // Connections re-authenticate at least this often, so a rotated or revoked credential stops working on
        // connections opened before the change too (ACL changes apply at once anyway).
        p.put("connections.max.reauth.ms", Long.toString(REAUTHENTICATE_AFTER_MS));
    }

    /** The super user the launcher bootstraps the other principals with. */
    public static final String ADMIN_USER = "admin";
    /** The controller listener's only user. */
    public static final String CONTROLLER_USER = "controller";
    /** Five minutes: how long a revoked credential's open connection may live at most. */
    static final long REAUTHENTICATE_AFTER_MS = 300_000;

    /** The file's text: one {@code key=value} per line, in a stable order. */
    public static String render(BrokerSettings settings) {
        StringBuilder text = new StringBuilder("# Written by the Crossdesk launcher at every start; edits are lost.\n");
        of(settings)
                .forEach((key, value) ->
                        text.append(key).append('=').append(escape(value)).append('\n'));
        return text.toString();
    }

    /** java.util.Properties escaping for values: backslashes (Windows paths) and leading blanks. */
    static String escape(String value) {
        String escaped = value.replace("\\", "\\\\");
        return escaped.startsWith(" ") ? "\\" + escaped : escaped;
    }
}
