package org.crossdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.crossdesk.platform.web.CrossdeskWebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Published demo API keys start a service only with the demo flag, and then say so once, loudly. */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeTest {

    private static final String DEMO_KEYS = ApiKeys.hash("demo-admin") + " admin ADMIN;"
            + ApiKeys.hash("demo-FR-OCRTIS") + " FR-OCRTIS DESK FR-OCRTIS;"
            + ApiKeys.hash("demo-DE-BKA") + " de-bka.system DESK DE-BKA"; // named by its desk
    private static final String OWN_KEYS = ApiKeys.hash("k7Vq2-long-random-0123456789") + " FR-OCRTIS DESK FR-OCRTIS;"
            + ApiKeys.hash("demo-someone-else") + " admin ADMIN"; // demo-like, but not demo-<its principal>

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(CrossdeskDemoAutoConfiguration.class, CrossdeskWebAutoConfiguration.class));

    @Test
    void demoKeysAreFoundByComputationWhateverTheirPrincipal() {
        assertThat(ApiKeys.parse(DEMO_KEYS).demoPrincipals()).containsExactly("admin", "FR-OCRTIS", "de-bka.system");
        assertThat(ApiKeys.parse(OWN_KEYS).demoPrincipals()).isEmpty();
    }

    @Test
    void aServiceWithDemoKeysRefusesToStartWithoutTheFlag() {
        service.withPropertyValues("crossdesk.http.api-keys=" + DEMO_KEYS).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            DemoCredentialsRefusedException refused = causeOf(failure);
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage())
                    .contains(
                            "Refusing to start",
                            "3 published demo API key(s)",
                            "admin, FR-OCRTIS, de-bka.system",
                            "CROSSDESK_DEMO=true")
                    .doesNotContain(ApiKeys.hash("demo-admin"));
            FailureAnalysis analysis = new DemoCredentialsFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo(refused.getMessage());
            assertThat(analysis.getAction()).contains("CROSSDESK_DEMO=true");
        });
        service.withPropertyValues("crossdesk.http.api-keys=" + DEMO_KEYS, "crossdesk.demo=false")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void withTheFlagTheyAreAcceptedWithOneLoudWarning(CapturedOutput output) {
        service.withPropertyValues("crossdesk.http.api-keys=" + DEMO_KEYS, "crossdesk.demo=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ApiKeys.class).authenticate("demo-admin"))
                            .isPresent();
                    assertThat(context.getBean(DemoMode.class).accepted()).hasSize(1);
                });
        assertThat(output.getOut().lines().filter(line -> line.contains("WARN") && line.contains("DEMO MODE")))
                .singleElement()
                .asString()
                .contains("ACCEPTS THE PUBLISHED DEMO CREDENTIALS", "3 published demo API key(s)");
    }

    @Test
    void ownKeysStartWithoutTheFlagAndWithoutAWarning(CapturedOutput output) {
        service.withPropertyValues("crossdesk.http.api-keys=" + OWN_KEYS).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DemoMode.class).isEnabled()).isFalse();
        });
        assertThat(output.getOut()).doesNotContain("DEMO MODE");
    }

    private static DemoCredentialsRefusedException causeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DemoCredentialsRefusedException refused) {
                return refused;
            }
        }
        return null;
    }
}
