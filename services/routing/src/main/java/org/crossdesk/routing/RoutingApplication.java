package org.crossdesk.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The routing service: directory, cooperation agreements, routing policy, exactly-once fan-out. */
@SpringBootApplication
@EnableConfigurationProperties(RoutingProperties.class)
public class RoutingApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoutingApplication.class, args);
    }
}
