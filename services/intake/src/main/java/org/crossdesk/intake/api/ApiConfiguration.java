package org.crossdesk.intake.api;

import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the HTTP layer. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    Shapes shapes(Validator validator) {
        return new Shapes(validator);
    }
}
