package org.crossdesk.schemaregistry.auth;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import org.crossdesk.schemaregistry.server.KafkaClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP Basic authentication and roles on every endpoint but health, on unless
 * {@code crossdesk.registry.auth.enabled=false}. The filter's beans are created while the web server is
 * being set up, before the Kafka store starts, so a misconfiguration stops the registry at once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = AuthSettings.ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(AuthSettings.class)
class AuthConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    @Bean
    Authenticator registryAuthenticator(AuthSettings settings, KafkaClientConfig kafka) {
        settings.validate(kafka);
        StaticUsers staticUsers;
        try {
            staticUsers = StaticUsers.load(settings.usersPath(), settings.users());
        } catch (IOException e) {
            throw new IllegalStateException(AuthSettings.PREFIX + ".users-file cannot be read: " + e, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(AuthSettings.PREFIX + ".users-file / .users: " + e.getMessage(), e);
        }
        if (staticUsers.size() == 0 && !settings.kafkaVerify()) {
            throw new IllegalStateException(AuthSettings.PREFIX + ".users-file / .users list no user, and "
                    + AuthSettings.PREFIX + ".kafka-verify is off: nobody could use the registry");
        }
        Optional<KafkaUsers> kafkaUsers = Optional.empty();
        if (settings.kafkaVerify()) {
            KafkaScramHandshake handshake =
                    new KafkaScramHandshake(kafka, settings.kafkaTimeout(), settings.kafkaConcurrency());
            kafkaUsers = Optional.of(new KafkaUsers(
                    handshake,
                    new HashSet<>(settings.admins()),
                    new HashSet<>(settings.registrars()),
                    settings.kafkaCacheTtl(),
                    settings.kafkaCacheSize(),
                    System::nanoTime));
        }
        // Counts only: names and hashes stay out of the log.
        log.info(
                "Registry authentication on: {} static user(s), Kafka-verified users {}",
                staticUsers.size(),
                settings.kafkaVerify() ? "on (" + KafkaScramHandshake.MECHANISM + ")" : "off");
        return new Authenticator(staticUsers, kafkaUsers);
    }

    @Bean
    FilterRegistrationBean<BasicAuthFilter> registryBasicAuthFilter(Authenticator authenticator) {
        FilterRegistrationBean<BasicAuthFilter> registration =
                new FilterRegistrationBean<>(new BasicAuthFilter(authenticator));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    WebMvcConfigurer registryRoleInterceptor() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RoleInterceptor());
            }
        };
    }
}
