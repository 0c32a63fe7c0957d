package org.crossdesk.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The demo flag ({@link DemoMode}), for every service whether it serves HTTP or not, and its one warning,
 * logged after every part that may accept a demo credential has been created.
 */
@AutoConfiguration
public class CrossdeskDemoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    @Bean
    @ConditionalOnMissingBean
    DemoMode demoMode(Environment environment) {
        return new DemoMode(environment.getProperty(DemoMode.PROPERTY, Boolean.class, false));
    }

    @Bean
    SmartInitializingSingleton crossdeskDemoWarning(DemoMode demo) {
        return () -> demo.warning().ifPresent(log::warn);
    }
}
