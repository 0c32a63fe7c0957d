package org.crossdesk.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TelemetryDefaultsTest {

    @Test
    void everyReferralIsTracedAndNoMetricsArePushedUnlessTheOperatorSaysOtherwise() {
        StandardEnvironment environment = new StandardEnvironment();

        new TelemetryDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("1.0");
        assertThat(environment.getProperty("management.otlp.metrics.export.enabled"))
                .isEqualTo("false");
    }

    @Test
    void anySettingOfTheOperatorWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("operator", Map.of("management.tracing.sampling.probability", "0.25")));

        new TelemetryDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.25");
    }
}
