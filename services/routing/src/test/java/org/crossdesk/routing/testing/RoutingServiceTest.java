package org.crossdesk.routing.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.crossdesk.routing.RoutingApplication;
import org.crossdesk.testsupport.CrossdeskKafka;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The routing service on the shared real broker and real registry, with the demo directory and keys.
 * Every class so annotated shares one Spring context (and so one running service).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@CrossdeskKafka
@SpringBootTest(
        classes = RoutingApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // The demo keys are published, so only a demo (or a test) may accept them.
            "crossdesk.demo=true",
            "crossdesk.http.api-keys-file=../../config/demo/api-keys.txt",
            "crossdesk.routing.seed-file=file:../../config/demo/directory.yaml"
        })
public @interface RoutingServiceTest {}
