package org.crossdesk.platform.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.crossdesk.platform.security.ApiKeyAuthenticationFilter;
import org.crossdesk.platform.security.ApiKeys;
import org.crossdesk.platform.security.CallerArgumentResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP conventions shared by every service: problem+json for every refusal, a body size limit,
 * and bearer API-key authentication on the API paths.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(CrossdeskHttpProperties.class)
public class CrossdeskWebAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CrossdeskWebAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeys apiKeys(CrossdeskHttpProperties properties) throws IOException {
        String file = properties.getApiKeysFile();
        ApiKeys keys = ApiKeys.load(file == null || file.isBlank() ? null : Path.of(file), properties.getApiKeys());
        // Count only: the keys are secrets even as hashes.
        log.info("Loaded {} API key(s)", keys.size());
        return keys;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> crossdeskBodySizeLimitFilter(CrossdeskHttpProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.getMaxBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiKeyAuthenticationFilter> crossdeskApiKeyFilter(ApiKeys keys,
            CrossdeskHttpProperties properties) {
        FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyAuthenticationFilter(keys, properties.getProtectedPaths()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    WebMvcConfigurer crossdeskCallerResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
