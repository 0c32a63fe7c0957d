package org.crossdesk.schemaregistry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Static users first, then Kafka for users not listed. */
class AuthenticatorTest {

    private final List<String> kafkaAttempts = new ArrayList<>();
    /** A Kafka that accepts everybody: whatever it is asked shows in {@link #kafkaAttempts}. */
    private final KafkaUsers acceptingKafka = new KafkaUsers(
            (user, password) -> kafkaAttempts.add(user),
            Set.of(),
            Set.of(),
            Duration.ofSeconds(30),
            100,
            System::nanoTime);

    private final StaticUsers staticUsers = StaticUsers.parse(UserLine.line("ci-pipeline", Role.REGISTER, "ci-pw"));

    @Test
    void aStaticUserIsAuthenticatedWithoutKafka() {
        Authenticator authenticator = new Authenticator(staticUsers, Optional.of(acceptingKafka));
        assertThat(authenticator.authenticate(Optional.of(new BasicCredentials("ci-pipeline", "ci-pw"))))
                .isEqualTo(new AuthResult.Authenticated(new RegistryUser("ci-pipeline", Role.REGISTER)));
        assertThat(kafkaAttempts).isEmpty();
    }

    @Test
    void aStaticUserWithAWrongPasswordIsRefusedEvenIfKafkaWouldAccept() {
        Authenticator authenticator = new Authenticator(staticUsers, Optional.of(acceptingKafka));
        assertThat(authenticator.authenticate(Optional.of(new BasicCredentials("ci-pipeline", "other"))))
                .isEqualTo(AuthResult.REJECTED);
        assertThat(kafkaAttempts).isEmpty();
    }

    @Test
    void anUnlistedUserIsAskedOfKafkaWhenVerificationIsOn() {
        Authenticator authenticator = new Authenticator(staticUsers, Optional.of(acceptingKafka));
        assertThat(authenticator.authenticate(Optional.of(new BasicCredentials("desk-ZZ-TESTDESK", "desk-pw"))))
                .isEqualTo(new AuthResult.Authenticated(new RegistryUser("desk-ZZ-TESTDESK", Role.READ)));
        assertThat(kafkaAttempts).containsExactly("desk-ZZ-TESTDESK");
    }

    @Test
    void anUnlistedUserIsRefusedWhenVerificationIsOff() {
        Authenticator authenticator = new Authenticator(staticUsers, Optional.empty());
        assertThat(authenticator.authenticate(Optional.of(new BasicCredentials("desk-ZZ-TESTDESK", "desk-pw"))))
                .isEqualTo(AuthResult.REJECTED);
    }

    @Test
    void noCredentialsAreRefused() {
        Authenticator authenticator = new Authenticator(staticUsers, Optional.of(acceptingKafka));
        assertThat(authenticator.authenticate(Optional.empty())).isEqualTo(AuthResult.REJECTED);
        assertThat(kafkaAttempts).isEmpty();
    }
}
