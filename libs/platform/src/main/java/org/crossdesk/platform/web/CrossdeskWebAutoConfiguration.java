package org.crossdesk.platform.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.catalina.core.StandardHost;
import org.crossdesk.platform.security.AcceptsAccessTokenParameter;
import org.crossdesk.platform.security.ApiKeyAuthenticationFilter;
import org.crossdesk.platform.security.ApiKeys;
import org.crossdesk.platform.security.CallerArgumentResolver;
import org.crossdesk.platform.security.CrossdeskDemoAutoConfiguration;
import org.crossdesk.platform.security.DemoMode;
import org.crossdesk.platform.security.MetricsAccessFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * HTTP conventions shared by every service: problem+json for every refusal (also the container's own and
 * the {@code /error} fallback), a body size limit, and bearer API-key authentication on the API paths,
 * with published demo keys refused outside demo mode.
 */
@AutoConfiguration(
        after = CrossdeskDemoAutoConfiguration.class,
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(CrossdeskHttpProperties.class)
public class CrossdeskWebAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CrossdeskWebAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Replaces Boot's BasicErrorController (which backs off when an ErrorController exists). */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeys apiKeys(CrossdeskHttpProperties properties, DemoMode demo) throws IOException {
        String file = properties.getApiKeysFile();
        ApiKeys keys = ApiKeys.load(file == null || file.isBlank() ? null : Path.of(file), properties.getApiKeys());
        List<String> demoPrincipals = keys.demoPrincipals();
        if (!demoPrincipals.isEmpty()) {
            demo.accept(
                    "crossdesk.http.api-keys(-file) holds " + demoPrincipals.size() + " published demo API key(s) ("
                            + ApiKeys.DEMO_KEY_PREFIX + "<principal or desk> of " + sample(demoPrincipals) + ")",
                    "Give every principal a long random key of its own and configure only its hash (docs/platform.md).");
        }
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
    FilterRegistrationBean<ApiKeyAuthenticationFilter> crossdeskApiKeyFilter(
            ApiKeys keys, CrossdeskHttpProperties properties) {
        FilterRegistrationBean<ApiKeyAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyAuthenticationFilter(keys, properties.getProtectedPaths()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MetricsAccessFilter> crossdeskMetricsAccessFilter() {
        FilterRegistrationBean<MetricsAccessFilter> registration =
                new FilterRegistrationBean<>(new MetricsAccessFilter());
        registration.addUrlPatterns(MetricsAccessFilter.METRICS_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /**
     * Gives the API-key filter the paths of the handler methods marked {@link AcceptsAccessTokenParameter},
     * once every controller is mapped (the filter exists earlier, with the web server, and until then
     * accepts no query-parameter key).
     */
    @Bean
    SmartInitializingSingleton crossdeskAccessTokenPaths(
            FilterRegistrationBean<ApiKeyAuthenticationFilter> crossdeskApiKeyFilter, ListableBeanFactory beans) {
        return () -> {
            Set<String> paths = new TreeSet<>();
            beans.getBeansOfType(RequestMappingHandlerMapping.class)
                    .values()
                    .forEach(mapping -> mapping.getHandlerMethods().forEach((info, method) -> {
                        if (AnnotatedElementUtils.hasAnnotation(method.getMethod(), AcceptsAccessTokenParameter.class)
                                || AnnotatedElementUtils.hasAnnotation(
                                        method.getBeanType(), AcceptsAccessTokenParameter.class)) {
                            paths.addAll(info.getPatternValues());
                        }
                    }));
            crossdeskApiKeyFilter.getFilter().setAccessTokenPaths(paths);
            log.info(
                    "API keys are accepted as ?{}= on {}",
                    ApiKeyAuthenticationFilter.ACCESS_TOKEN_PARAMETER,
                    paths.isEmpty() ? "no path" : "these paths only: " + paths);
        };
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

    private static String sample(List<String> principals) {
        List<String> shown = principals.stream().limit(4).toList();
        return String.join(", ", shown) + (principals.size() > shown.size() ? ", …" : "");
    }

    /** Tomcat's own error answers (before any filter runs) as problem+json rather than its HTML page. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrorReports {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> crossdeskProblemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    // The host adds a valve of this class when it starts, after any Boot added: so it
                    // reports first, and Boot's HTML report then finds the error already reported.
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
