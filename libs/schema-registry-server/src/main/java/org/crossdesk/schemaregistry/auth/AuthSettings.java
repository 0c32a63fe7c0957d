package org.crossdesk.schemaregistry.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.crossdesk.schemaregistry.server.KafkaClientConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crossdesk.registry.auth.*} (environment {@code CROSSDESK_REGISTRY_AUTH_*}); see
 * docs/schema-registry.md. {@code enabled} (default true) is read by {@link AuthConfiguration}'s condition.
 *
 * @param usersFile file of static user lines ({@link StaticUsers#FORMAT})
 * @param users the same lines inline, separated by {@code ;}
 * @param kafkaVerify authenticate users not listed statically with a SCRAM-SHA-512 handshake against Kafka
 * @param admins Kafka-verified users who get ADMIN
 * @param registrars Kafka-verified users who get REGISTER (everyone else verified gets READ)
 * @param kafkaTimeout how long one Kafka handshake may take before the request gets 503
 * @param kafkaCacheTtl how long a successful Kafka verification is remembered
 * @param kafkaCacheSize how many successful verifications are remembered at most
 * @param kafkaConcurrency how many Kafka handshakes may run at once
 */
@ConfigurationProperties(AuthSettings.PREFIX)
record AuthSettings(
        String usersFile,
        String users,
        boolean kafkaVerify,
        @DefaultValue List<String> admins,
        @DefaultValue List<String> registrars,
        @DefaultValue("5s") Duration kafkaTimeout,
        @DefaultValue("30s") Duration kafkaCacheTtl,
        @DefaultValue("10000") int kafkaCacheSize,
        @DefaultValue("4") int kafkaConcurrency) {

    static final String PREFIX = "crossdesk.registry.auth";
    static final String ENABLED = PREFIX + ".enabled";

    boolean hasStaticSource() {
        return usersFile != null && !usersFile.isBlank() || users != null && !users.isBlank();
    }

    Path usersPath() {
        return usersFile == null || usersFile.isBlank() ? null : Path.of(usersFile);
    }

    /**
     * Refuses settings that would leave the registry open or shut to everyone. Called before anything
     * else starts, so a misconfigured registry stops at once with a message naming what to set.
     */
    void validate(KafkaClientConfig kafka) {
        if (!hasStaticSource() && !kafkaVerify) {
            throw new IllegalStateException("The schema registry requires authentication (" + ENABLED
                    + " defaults to true) but no users are configured. Set " + PREFIX + ".users-file"
                    + " (CROSSDESK_REGISTRY_AUTH_USERS_FILE) or " + PREFIX + ".users (CROSSDESK_REGISTRY_AUTH_USERS),"
                    + " and/or " + PREFIX + ".kafka-verify=true (CROSSDESK_REGISTRY_AUTH_KAFKA_VERIFY);"
                    + " or set " + ENABLED + "=false (CROSSDESK_REGISTRY_AUTH_ENABLED) to run without authentication.");
        }
        if (kafkaVerify && !kafka.securityProtocol().toUpperCase(Locale.ROOT).startsWith("SASL_")) {
            throw new IllegalStateException(PREFIX + ".kafka-verify=true checks credentials with a SASL handshake,"
                    + " but the registry's Kafka clients use security.protocol " + kafka.securityProtocol()
                    + ". Set crossdesk.kafka.properties.security.protocol (CROSSDESK_KAFKA_PROPERTIES_SECURITY_PROTOCOL)"
                    + " to SASL_SSL or SASL_PLAINTEXT.");
        }
        if (kafkaTimeout.isNegative()
                || kafkaTimeout.isZero()
                || kafkaCacheTtl.isNegative()
                || kafkaCacheSize < 1
                || kafkaConcurrency < 1) {
            throw new IllegalStateException(PREFIX + ".kafka-timeout, kafka-cache-size and kafka-concurrency must be"
                    + " positive, kafka-cache-ttl not negative");
        }
    }
}
