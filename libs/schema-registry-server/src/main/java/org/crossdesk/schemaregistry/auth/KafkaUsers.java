package org.crossdesk.schemaregistry.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users who prove themselves with their Kafka credentials (a SASL/SCRAM handshake), so a desk reads
 * schemas with the credential it already uses for Kafka and Confluent clients configured with
 * {@code basic.auth.credentials.source=SASL_INHERIT} work unchanged. The role follows from the name.
 *
 * <p>Successes are remembered for a short time, so a busy client does not cost a Kafka handshake per
 * request; refusals and failures are not, so a corrected password or a recovered broker counts at once.
 * The cache holds an HMAC of the password under a key that lives only in this process, never the
 * password or its plain hash.
 */
final class KafkaUsers {

    private static final Logger log = LoggerFactory.getLogger(KafkaUsers.class);

    private record CacheKey(String user, String passwordMac) {}

    private final ScramHandshake handshake;
    private final Set<String> admins;
    private final Set<String> registrars;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<CacheKey, Long> verifiedUntil;
    private final SecretKeySpec macKey;

    KafkaUsers(
            ScramHandshake handshake,
            Set<String> admins,
            Set<String> registrars,
            Duration ttl,
            int maxEntries,
            LongSupplier nanoTime) {
        this.handshake = handshake;
        this.admins = Set.copyOf(admins);
        this.registrars = Set.copyOf(registrars);
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        // Insertion order: the oldest verification goes first once the cache is full.
        this.verifiedUntil = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, Long> eldest) {
                return size() > maxEntries;
            }
        };
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
    }

    AuthResult authenticate(BasicCredentials credentials) {
        CacheKey key = new CacheKey(credentials.user(), mac(credentials.password()));
        long now = nanoTime.getAsLong();
        synchronized (verifiedUntil) {
            Long until = verifiedUntil.get(key);
            if (until != null && now - until < 0) {
                return authenticated(credentials.user());
            }
            if (until != null) {
                verifiedUntil.remove(key);
            }
        }
        boolean accepted;
        try {
            accepted = handshake.accepts(credentials.user(), credentials.password());
        } catch (ScramHandshake.UnavailableException e) {
            log.warn("Could not verify the Kafka credentials of a registry user: {}", e.getMessage());
            return new AuthResult.Unavailable(e.getMessage());
        }
        if (!accepted) {
            return AuthResult.REJECTED;
        }
        synchronized (verifiedUntil) {
            verifiedUntil.put(key, nanoTime.getAsLong() + ttlNanos);
        }
        return authenticated(credentials.user());
    }

    Role roleOf(String user) {
        if (admins.contains(user)) {
            return Role.ADMIN;
        }
        return registrars.contains(user) ? Role.REGISTER : Role.READ;
    }

    int cached() {
        synchronized (verifiedUntil) {
            return verifiedUntil.size();
        }
    }

    private AuthResult authenticated(String user) {
        return new AuthResult.Authenticated(new RegistryUser(user, roleOf(user)));
    }

    private String mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
