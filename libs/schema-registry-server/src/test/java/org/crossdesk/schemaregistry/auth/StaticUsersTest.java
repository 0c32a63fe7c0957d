package org.crossdesk.schemaregistry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticUsersTest {

    private static final String OPS_PASSWORD = "c0rrect-h0rse-battery-staple-1";
    private static final String CI_PASSWORD = "9f2d6f1e-ci-token";

    @Test
    void aLineMadeByUserLineAuthenticatesItsUserWithItsRole() {
        String line = UserLine.line("registry-ops", Role.ADMIN, OPS_PASSWORD);
        assertThat(line).matches("registry-ops ADMIN sha256:[0-9a-f]{64}").doesNotContain(OPS_PASSWORD);
        StaticUsers users = StaticUsers.parse(line);
        assertThat(users.authenticate(new BasicCredentials("registry-ops", OPS_PASSWORD)))
                .contains(new AuthResult.Authenticated(new RegistryUser("registry-ops", Role.ADMIN)));
    }

    @Test
    void theHashIsSha256OfTheUtf8Password() {
        // echo -n password | sha256sum
        assertThat(StaticUsers.line("u", Role.READ, "password"))
                .isEqualTo("u READ sha256:5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");
    }

    @Test
    void aWrongPasswordIsRejectedAndAnUnknownUserIsNotListed() {
        StaticUsers users = StaticUsers.parse(UserLine.line("registry-ops", Role.ADMIN, OPS_PASSWORD));
        assertThat(users.authenticate(new BasicCredentials("registry-ops", OPS_PASSWORD + "x")))
                .contains(AuthResult.REJECTED);
        assertThat(users.authenticate(new BasicCredentials("someone-else", OPS_PASSWORD)))
                .isEmpty();
    }

    @Test
    void entriesComeFromAFileAndInlineWithCommentsAndSemicolons(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(
                file, "# operators\n" + UserLine.line("registry-ops", Role.ADMIN, OPS_PASSWORD) + "  # on call\n\n");
        StaticUsers users = StaticUsers.load(
                file,
                UserLine.line("ci", Role.REGISTER, CI_PASSWORD) + ";" + "desk-ZZ-TESTDESK read sha256:"
                        + "ab".repeat(32));
        assertThat(users.size()).isEqualTo(3);
        assertThat(users.authenticate(new BasicCredentials("ci", CI_PASSWORD)))
                .contains(new AuthResult.Authenticated(new RegistryUser("ci", Role.REGISTER)));
        assertThat(users.authenticate(new BasicCredentials("registry-ops", OPS_PASSWORD)))
                .contains(new AuthResult.Authenticated(new RegistryUser("registry-ops", Role.ADMIN)));
    }

    @Test
    void malformedEntriesAreNamedByNumberWithoutQuotingThem() {
        String hash = "sha256:" + "ab".repeat(32);
        assertThatThrownBy(() -> StaticUsers.parse("ok READ " + hash + ";" + OPS_PASSWORD))
                .hasMessage("Static user entry 2 must read '" + StaticUsers.FORMAT + "'");
        assertThatThrownBy(() -> StaticUsers.parse("ops ADMIN " + OPS_PASSWORD))
                .hasMessageStartingWith("Static user entry 1 must read")
                .hasMessageNotContaining(OPS_PASSWORD);
        assertThatThrownBy(() -> StaticUsers.parse("ops ROOT " + hash))
                .hasMessage("Static user entry 1: the role is READ, REGISTER or ADMIN");
        assertThatThrownBy(() -> StaticUsers.parse("ops ADMIN sha256:abcd"))
                .hasMessage("Static user entry 1: a SHA-256 hash has 64 hex digits");
        assertThatThrownBy(() -> StaticUsers.parse("ops ADMIN sha256:" + "zz".repeat(32)))
                .hasMessage("Static user entry 1: a SHA-256 hash has 64 hex digits");
        assertThatThrownBy(() -> StaticUsers.parse("ops ADMIN " + hash + "\nops READ " + hash))
                .hasMessage("Static user entry 2: user 'ops' is listed twice");
        assertThatThrownBy(() -> StaticUsers.parse("o:ps ADMIN " + hash))
                .hasMessageStartingWith("Static user entry 1: a user name cannot contain ':'");
    }
}
