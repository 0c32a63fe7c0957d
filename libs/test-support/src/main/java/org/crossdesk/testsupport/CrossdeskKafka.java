package org.crossdesk.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the shared broker (and, unless {@code registry = false}, the shared schema registry) before
 * the annotated test class and publishes their addresses as system properties:
 *
 * <ul>
 *   <li>{@value CrossdeskKafkaExtension#BOOTSTRAP_SERVERS_PROPERTY} and
 *       {@value CrossdeskKafkaExtension#SPRING_BOOTSTRAP_SERVERS_PROPERTY}</li>
 *   <li>{@value CrossdeskKafkaExtension#REGISTRY_URL_PROPERTY}</li>
 * </ul>
 *
 * <p>Spring Boot reads system properties, so a {@code @SpringBootTest} annotated with
 * {@code @CrossdeskKafka} finds Kafka and the registry without further configuration.
 *
 * <pre>{@code
 * @CrossdeskKafka
 * @SpringBootTest
 * class IntakeFlowTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CrossdeskKafkaExtension.class)
public @interface CrossdeskKafka {

    /** Also start the embedded schema registry. */
    boolean registry() default true;
}
