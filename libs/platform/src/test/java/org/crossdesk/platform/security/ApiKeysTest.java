package org.crossdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = ApiKeys.parse(String.join(
                    "\n",
                    "# desks",
                    ApiKeys.hash("fr-secret") + " FR-OCRTIS DESK FR-OCRTIS",
                    ApiKeys.hash("admin-secret") + " ops ADMIN,AUDITOR  # two roles")
            + ";"
            + ApiKeys.hash("sup-secret") + " watch SUPERVISOR");

    @Test
    void aKnownKeyAuthenticatesAsItsDesk() {
        Caller caller = keys.authenticate("fr-secret").orElseThrow();
        assertThat(caller.name()).isEqualTo("FR-OCRTIS");
        assertThat(caller.deskId()).isEqualTo("FR-OCRTIS");
        assertThat(caller.roles()).containsExactly(Role.DESK);
        assertThat(caller.isDesk("FR-OCRTIS")).isTrue();
        assertThat(caller.isDesk("DE-BKA")).isFalse();
    }

    @Test
    void entriesMaySeparateBySemicolonAndCarrySeveralRoles() {
        assertThat(keys.size()).isEqualTo(3);
        assertThat(keys.authenticate("admin-secret").orElseThrow().roles()).isEqualTo(Set.of(Role.ADMIN, Role.AUDITOR));
        assertThat(keys.authenticate("sup-secret").orElseThrow().deskId()).isNull();
    }

    @Test
    void unknownBlankOrMissingKeysDoNotAuthenticate() {
        assertThat(keys.authenticate("fr-secret ")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate(ApiKeys.hash("fr-secret"))).isEmpty();
    }

    @Test
    void malformedEntriesAreRefusedWithTheirLineNumber() {
        assertThatThrownBy(() -> ApiKeys.parse("plain-key FR-OCRTIS DESK FR-OCRTIS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 1");
        assertThatThrownBy(() -> ApiKeys.parse("\nsha256:abcd FR DESK FR-X"))
                .hasMessageContaining("entry 2")
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> ApiKeys.parse(ApiKeys.hash("k") + " FR-OCRTIS DESK"))
                .hasMessageContaining("desk id");
    }

    @Test
    void aDeskCallerActsOnlyAsItself() {
        Caller desk = keys.authenticate("fr-secret").orElseThrow();
        assertThat(desk.requireDesk()).isEqualTo("FR-OCRTIS");
        Caller admin = keys.authenticate("admin-secret").orElseThrow();
        assertThatThrownBy(admin::requireDesk).hasMessageContaining("lacks the role");
    }
}
