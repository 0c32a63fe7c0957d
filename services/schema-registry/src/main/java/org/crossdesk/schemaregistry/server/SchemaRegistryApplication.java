package org.crossdesk.schemaregistry.server;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.ComponentScan;

/**
 * The schema registry as a Spring Boot application.
 *
 * <p>Auto-configuration is an explicit list rather than {@code @EnableAutoConfiguration}: the registry
 * also runs embedded in other modules' test JVMs ({@link EmbeddedSchemaRegistry}), whose classpath
 * carries auto-configurations (Kafka, Crossdesk platform...) that must not leak into it.
 */
@SpringBootConfiguration
@ComponentScan(basePackages = "org.crossdesk.schemaregistry")
@ImportAutoConfiguration({
    org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
    org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration.class,
    org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration.class,
    org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class,
    org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
    org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
    org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
    org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
    org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration.class,
    org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
    org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
    org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration.class,
    org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration.class,
    org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration.class,
    org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration.class,
    org.springframework.boot.servlet.autoconfigure.actuate.web.ServletManagementContextAutoConfiguration.class,
    org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration.class,
    org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration.class,
    org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration.class,
    org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration.class,
    org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration.class,
    org.springframework.boot.webmvc.autoconfigure.actuate.endpoint.web.WebMvcHealthEndpointExtensionAutoConfiguration
            .class,
})
public class SchemaRegistryApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(SchemaRegistryApplication.class)
                .properties(RegistryProperties.DEFAULTS)
                .run(args);
    }
}
