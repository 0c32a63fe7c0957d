package org.crossdesk.schemaregistry.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.crossdesk.schemaregistry.server.KafkaClientConfig;

/**
 * The real {@link ScramHandshake}: an Admin client built from the registry's own Kafka client settings,
 * logging in as the user with SCRAM-SHA-512, asks for the cluster id. The broker answers only after the
 * SASL handshake succeeded; it refuses bad credentials with a {@link SaslAuthenticationException}.
 */
final class KafkaScramHandshake implements ScramHandshake {

    static final String MECHANISM = "SCRAM-SHA-512";
    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    private final Map<String, Object> base;
    private final Duration timeout;
    /** Each handshake is a client with its own threads and connection: bound them, whoever knocks. */
    private final Semaphore slots;

    KafkaScramHandshake(KafkaClientConfig kafka, Duration timeout, int concurrency) {
        Map<String, Object> config = kafka.clientConfig();
        // The registry's own SASL settings (its mechanism, login, callbacks) are not the user's.
        config.keySet().removeIf(key -> key.startsWith("sasl."));
        this.base = Map.copyOf(config);
        this.timeout = timeout;
        this.slots = new Semaphore(concurrency);
    }

    @Override
    public boolean accepts(String user, String password) throws UnavailableException {
        if (hasControlCharacter(user) || hasControlCharacter(password)) {
            // No SCRAM credential can be presented with them through a JAAS line; nothing to ask Kafka.
            return false;
        }
        long timeoutMs = timeout.toMillis();
        try {
            if (!slots.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new UnavailableException("too many Kafka credential checks at once", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted", e);
        }
        Admin admin = null;
        try {
            admin = Admin.create(config(user, password));
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                    .clusterId()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SaslAuthenticationException) {
                return false;
            }
            throw unavailable(e.getCause());
        } catch (TimeoutException e) {
            throw new UnavailableException("Kafka did not answer within " + timeout, e);
        } catch (KafkaException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted", e);
        } finally {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
            slots.release();
        }
    }

    Map<String, Object> config(String user, String password) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "schema-registry-auth-" + CLIENT_IDS.incrementAndGet());
        config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        config.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                LOGIN_MODULE + " required username=\"" + quote(user) + "\" password=\"" + quote(password) + "\";");
        int timeoutMs = (int) timeout.toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) timeoutMs);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) timeoutMs);
        return config;
    }

    /**
     * Escapes a value for a double-quoted JAAS option (Kafka reads it with a StreamTokenizer, which
     * honours backslash escapes), so a password cannot end the quote and add options of its own.
     */
    static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    /** Names the failure without the client configuration, which would carry the password. */
    private static UnavailableException unavailable(Throwable cause) {
        return new UnavailableException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
}
