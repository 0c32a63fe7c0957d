package org.crossdesk.schemaregistry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Kafka-verified users' role mapping and cache, with a scripted handshake and clock. */
class KafkaUsersTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    /** Accepts the passwords it knows; records every attempt; unavailable while {@link #down} is set. */
    private static final class ScriptedHandshake implements ScramHandshake {

        final Map<String, String> passwords;
        final List<String> attempts = new ArrayList<>();
        boolean down;

        ScriptedHandshake(Map<String, String> passwords) {
            this.passwords = passwords;
        }

        @Override
        public boolean accepts(String user, String password) throws UnavailableException {
            attempts.add(user);
            if (down) {
                throw new UnavailableException("Kafka did not answer within PT5S", null);
            }
            return password.equals(passwords.get(user));
        }
    }

    private final AtomicLong now = new AtomicLong(1_000);
    private final ScriptedHandshake kafka = new ScriptedHandshake(
            Map.of("desk-ZZ-TESTDESK", "desk-pw", "ci-pipeline", "ci-pw", "registry-ops", "ops-pw", "both", "both-pw"));

    private KafkaUsers users(int maxEntries) {
        return new KafkaUsers(
                kafka, Set.of("registry-ops", "both"), Set.of("ci-pipeline", "both"), TTL, maxEntries, now::get);
    }

    private static AuthResult authenticated(String user, Role role) {
        return new AuthResult.Authenticated(new RegistryUser(user, role));
    }

    @Test
    void theRoleFollowsTheName() {
        KafkaUsers users = users(100);
        assertThat(users.authenticate(new BasicCredentials("registry-ops", "ops-pw")))
                .isEqualTo(authenticated("registry-ops", Role.ADMIN));
        assertThat(users.authenticate(new BasicCredentials("ci-pipeline", "ci-pw")))
                .isEqualTo(authenticated("ci-pipeline", Role.REGISTER));
        assertThat(users.authenticate(new BasicCredentials("desk-ZZ-TESTDESK", "desk-pw")))
                .isEqualTo(authenticated("desk-ZZ-TESTDESK", Role.READ));
        assertThat(users.authenticate(new BasicCredentials("both", "both-pw")))
                .isEqualTo(authenticated("both", Role.ADMIN));
    }

    @Test
    void aSuccessIsRememberedUntilTheTtlEnds() {
        KafkaUsers users = users(100);
        BasicCredentials desk = new BasicCredentials("desk-ZZ-TESTDESK", "desk-pw");
        users.authenticate(desk);
        now.addAndGet(TTL.toNanos() - 1);
        assertThat(users.authenticate(desk)).isEqualTo(authenticated("desk-ZZ-TESTDESK", Role.READ));
        assertThat(kafka.attempts).hasSize(1);
        now.addAndGet(1);
        assertThat(users.authenticate(desk)).isEqualTo(authenticated("desk-ZZ-TESTDESK", Role.READ));
        assertThat(kafka.attempts).hasSize(2);
    }

    @Test
    void aCachedUserWithAnotherPasswordIsAskedAgainAndRefused() {
        KafkaUsers users = users(100);
        users.authenticate(new BasicCredentials("desk-ZZ-TESTDESK", "desk-pw"));
        assertThat(users.authenticate(new BasicCredentials("desk-ZZ-TESTDESK", "guess")))
                .isEqualTo(AuthResult.REJECTED);
        assertThat(kafka.attempts).hasSize(2);
    }

    @Test
    void refusalsAreNotRemembered() {
        KafkaUsers users = users(100);
        BasicCredentials wrong = new BasicCredentials("desk-ZZ-TESTDESK", "guess");
        assertThat(users.authenticate(wrong)).isEqualTo(AuthResult.REJECTED);
        assertThat(users.authenticate(wrong)).isEqualTo(AuthResult.REJECTED);
        assertThat(kafka.attempts).hasSize(2);
        assertThat(users.cached()).isZero();
    }

    @Test
    void anUnreachableKafkaIsUnavailableNotRejectedAndIsNotRemembered() {
        KafkaUsers users = users(100);
        BasicCredentials desk = new BasicCredentials("desk-ZZ-TESTDESK", "desk-pw");
        kafka.down = true;
        assertThat(users.authenticate(desk))
                .isInstanceOfSatisfying(
                        AuthResult.Unavailable.class,
                        unavailable -> assertThat(unavailable.reason()).contains("did not answer"));
        kafka.down = false;
        assertThat(users.authenticate(desk)).isEqualTo(authenticated("desk-ZZ-TESTDESK", Role.READ));
        assertThat(kafka.attempts).hasSize(2);
    }

    @Test
    void theCacheIsBoundedAndDropsTheOldestFirst() {
        KafkaUsers users = users(2);
        users.authenticate(new BasicCredentials("desk-ZZ-TESTDESK", "desk-pw"));
        users.authenticate(new BasicCredentials("ci-pipeline", "ci-pw"));
        users.authenticate(new BasicCredentials("registry-ops", "ops-pw"));
        assertThat(users.cached()).isEqualTo(2);
        users.authenticate(new BasicCredentials("registry-ops", "ops-pw"));
        users.authenticate(new BasicCredentials("ci-pipeline", "ci-pw"));
        assertThat(kafka.attempts).hasSize(3);
        users.authenticate(new BasicCredentials("desk-ZZ-TESTDESK", "desk-pw"));
        assertThat(kafka.attempts).hasSize(4);
    }
}
