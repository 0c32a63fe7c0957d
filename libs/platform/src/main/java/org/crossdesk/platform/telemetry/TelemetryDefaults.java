package org.crossdesk.platform.telemetry;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What every service observes unless its operator says otherwise, as the lowest-precedence property source (any
 * {@code application.yaml}, environment variable or argument overrides it). Spring Boot's own defaults suit a web
 * shop, not a case system:
 *
 * <ul>
 *   <li>every referral is traced ({@code management.tracing.sampling.probability=1.0}, Boot samples 10 %): an
 *   operator asked "where did this alert go?" needs that referral's trace, not one in ten. A caller's own
 *   {@code traceparent} decision is still honoured (parent-based sampling).</li>
 *   <li>spans leave the service only when {@code management.opentelemetry.tracing.export.otlp.endpoint} is set (the
 *   launcher's {@code --otlp} and docker-compose's collector set it); OTLP metrics push is off unless
 *   {@code management.otlp.metrics.export.enabled=true}, because without a collector it would log a connection error
 *   every minute.</li>
 *   <li>{@code /actuator/prometheus} is exposed beside {@code /actuator/health}, behind a supervisor's or an
 *   administrator's API key.</li>
 * </ul>
 */
public final class TelemetryDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "crossdeskTelemetryDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.tracing.sampling.probability", "1.0",
            "management.otlp.metrics.export.enabled", "false",
            // Health for the launcher and orchestrators; metrics for Prometheus (a supervisor's key,
            // MetricsAccessFilter).
            "management.endpoints.web.exposure.include", "health,prometheus");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
    }
}
