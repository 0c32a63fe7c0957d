package org.crossdesk.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A SCRAM-SHA-512 user name and secret, and the client settings that authenticate with them: to Kafka
 * (SASL) and to the schema registry (HTTP basic auth with Confluent's keys), so each principal has one
 * credential for both.
 *
 * @param username the Kafka user ({@link Principals})
 * @param password the secret; never logged ({@link #toString()} hides it)
 */
public record KafkaCredentials(String username, String password) {

    /** The only mechanism Crossdesk's brokers enable for clients. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** Without TLS: loopback and private networks only; see docs/security.md for SASL_SSL. */
    public static final String SASL_PLAINTEXT = "SASL_PLAINTEXT";
    // 32 random bytes: a secret nobody chooses, so nobody reuses it.
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public KafkaCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank() || password.isBlank()) {
            throw new IllegalArgumentException("a Kafka credential needs a user name and a secret");
        }
    }

    /** A new credential for {@code username} with a random secret. */
    public static KafkaCredentials random(String username) {
        return new KafkaCredentials(username, randomSecret());
    }

    /** 32 random bytes, URL-safe base64: fits a JAAS string, a URL's user info and an environment variable as is. */
    public static String randomSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Kafka client settings: SASL/SCRAM-SHA-512 over {@code securityProtocol} (SASL_PLAINTEXT or SASL_SSL). */
    public Map<String, String> kafkaProperties(String securityProtocol) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("security.protocol", securityProtocol);
        settings.put("sasl.mechanism", MECHANISM);
        settings.put("sasl.jaas.config", jaasConfig());
        return settings;
    }

    /**
     * {@code clientSettings} authenticated as this user instead: the same cluster and TLS settings, its security
     * protocol kept (SASL_PLAINTEXT when none is set), this user's SASL login.
     */
    public Map<String, Object> over(Map<String, Object> clientSettings) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        String protocol = String.valueOf(settings.getOrDefault("security.protocol", SASL_PLAINTEXT));
        settings.putAll(kafkaProperties(protocol));
        return settings;
    }

    /** Schema registry client settings, Confluent's keys: HTTP basic auth with the same user and secret. */
    public Map<String, String> registryProperties() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("basic.auth.credentials.source", "USER_INFO");
        settings.put("basic.auth.user.info", username + ":" + password);
        return settings;
    }

    /** Both: what a Crossdesk service or a Kafka-native desk adds to its client configuration. */
    public Map<String, String> clientProperties(String securityProtocol) {
        Map<String, String> settings = kafkaProperties(securityProtocol);
        settings.putAll(registryProperties());
        return settings;
    }

    /** The {@code sasl.jaas.config} line; quotes and backslashes escaped as JAAS reads them. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + escape(username)
                + "\" password=\"" + escape(password) + "\";";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "KafkaCredentials[username=" + username + ", password=***]";
    }
}
