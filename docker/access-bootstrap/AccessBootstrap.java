package org.crossdesk.compose;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.crossdesk.access.AccessAdmin;
import org.crossdesk.access.AccessPlan;
import org.crossdesk.access.AclReport;
import org.crossdesk.access.CatalogueTopics;
import org.crossdesk.access.KafkaCredentials;
import org.crossdesk.access.Principals;
import org.crossdesk.events.Party;

/**
 * docker-compose.yml's one-shot {@code access-bootstrap}: what the launcher's {@code StackAccess.bootstrap} does
 * on the broker it starts, with the secrets compose hands over instead of the launcher's secret files. As the
 * cluster's admin it gives every service, the auditor and routing's desk issuer their SCRAM credential, grants
 * the ACLs computed from the catalogue ({@link AccessPlan#fixed()}, printed for the log) and creates the
 * catalogue's topics. Idempotent: run again at every {@code up}, it changes nothing that is right.
 *
 * <p>Environment: {@code CROSSDESK_KAFKA_BOOTSTRAP_SERVERS}, {@code CROSSDESK_KAFKA_REPLICATION_FACTOR}
 * (default: the cluster's default.replication.factor), {@code CROSSDESK_KAFKA_PROPERTIES_SECURITY_PROTOCOL} (default SASL_PLAINTEXT) and one secret per
 * principal, {@code CROSSDESK_SECRET_<PRINCIPAL>} ({@code CROSSDESK_SECRET_ADMIN},
 * {@code CROSSDESK_SECRET_SVC_INTAKE}, ...; see {@link #secretVariable}).
 */
public final class AccessBootstrap {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private AccessBootstrap() {
  }

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    List<String> principals = new ArrayList<>();
    for (Party party : Party.values()) {
      if (party != Party.OWNING_DESK) {
        principals.add(Principals.of(party));
      }
    }
    principals.add(Principals.DESK_ISSUER);

    // Every secret first: a missing one must stop the bootstrap before it changes anything.
    List<String> missing = new ArrayList<>();
    KafkaCredentials admin = credentials(Principals.ADMIN, env, missing);
    Map<String, KafkaCredentials> credentials = new LinkedHashMap<>();
    for (String principal : principals) {
      credentials.put(principal, credentials(principal, env, missing));
    }
    String bootstrapServers = env.get("CROSSDESK_KAFKA_BOOTSTRAP_SERVERS");
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      missing.add("CROSSDESK_KAFKA_BOOTSTRAP_SERVERS");
    }
    if (!missing.isEmpty()) {
      System.err.println("access-bootstrap: not set: " + String.join(", ", missing)
          + " (docker/make-secrets.sh writes the secrets; docs/running.md)");
      System.exit(2);
      return;
    }
    String protocol = env.getOrDefault("CROSSDESK_KAFKA_PROPERTIES_SECURITY_PROTOCOL", KafkaCredentials.SASL_PLAINTEXT);
    // Unset: the cluster's default.replication.factor, as for the services (docs/decisions/0013).
    short replicationFactor = Short.parseShort(env.getOrDefault("CROSSDESK_KAFKA_REPLICATION_FACTOR",
        Short.toString(CatalogueTopics.CLUSTER_DEFAULT_REPLICATION)));

    Map<String, Object> settings = new LinkedHashMap<>(admin.kafkaProperties(protocol));
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    env.forEach((name, value) -> {
      // TLS settings for SASL_SSL (docs/security.md), as the services take them.
      if (name.startsWith("CROSSDESK_KAFKA_PROPERTIES_SSL_")) {
        settings.put(name.substring("CROSSDESK_KAFKA_PROPERTIES_".length()).toLowerCase(Locale.ROOT).replace('_', '.'),
            value);
      }
    });
    try (Admin client = Admin.create(settings)) {
      AccessAdmin access = new AccessAdmin(client, TIMEOUT);
      for (KafkaCredentials principal : credentials.values()) {
        access.upsertCredential(principal);
      }
      access.grant(AccessPlan.fixed());
      access.createTopics(CatalogueTopics.fixed(replicationFactor));
    }
    System.out.println("access-bootstrap: SCRAM-SHA-512 credentials set for " + String.join(", ", principals)
        + "; ACLs granted and catalogue topics created on " + bootstrapServers + ":");
    AclReport.print(AccessPlan.fixed(), System.out);
  }

  /** {@code CROSSDESK_SECRET_SVC_INTAKE} for {@code svc-intake}: upper case, '-' as '_'. */
  static String secretVariable(String principal) {
    return "CROSSDESK_SECRET_" + principal.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static KafkaCredentials credentials(String principal, Map<String, String> env, List<String> missing) {
    String secret = env.get(secretVariable(principal));
    if (secret == null || secret.isBlank()) {
      missing.add(secretVariable(principal));
      return null;
    }
    return new KafkaCredentials(principal, secret);
  }
}
