package org.crossdesk.schemaregistry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsUserAndPasswordSplittingAtTheFirstColon() {
        assertThat(BasicCredentials.parse(basic("desk-ZZ-TESTDESK:pa:ss wörd")))
                .contains(new BasicCredentials("desk-ZZ-TESTDESK", "pa:ss wörd"));
    }

    @Test
    void theSchemeIsCaseInsensitiveAndAnEmptyPasswordIsAPassword() {
        assertThat(BasicCredentials.parse("basic " + basic("ops:").substring(6)))
                .contains(new BasicCredentials("ops", ""));
    }

    @Test
    void anythingElseIsNoCredentials() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse("")).isEmpty();
        assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.parse("Basic !!!")).isEmpty();
        assertThat(BasicCredentials.parse(basic("no-colon"))).isEmpty();
        assertThat(BasicCredentials.parse(basic(":only-a-password"))).isEmpty();
        byte[] latin1 = "ops:p\u00e4ss".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(latin1)))
                .isEmpty();
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(new BasicCredentials("ops", "s3cret-value").toString())
                .contains("ops")
                .doesNotContain("s3cret");
    }
}
