package org.crossdesk.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link CrossdeskKafka}. */
public final class CrossdeskKafkaExtension implements BeforeAllCallback {

    public static final String BOOTSTRAP_SERVERS_PROPERTY = "crossdesk.kafka.bootstrap-servers";
    public static final String SPRING_BOOTSTRAP_SERVERS_PROPERTY = "spring.kafka.bootstrap-servers";
    public static final String REGISTRY_URL_PROPERTY = "crossdesk.schema-registry.url";
    /** The property libs/platform binds the serdes' registry URL from ({@code CrossdeskKafkaProperties}). */
    public static final String PLATFORM_REGISTRY_URL_PROPERTY = "crossdesk.kafka.schema-registry-url";

    @Override
    public void beforeAll(ExtensionContext context) {
        String bootstrapServers = KafkaFixture.bootstrapServers();
        System.setProperty(BOOTSTRAP_SERVERS_PROPERTY, bootstrapServers);
        System.setProperty(SPRING_BOOTSTRAP_SERVERS_PROPERTY, bootstrapServers);
        boolean registry = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CrossdeskKafka.class)
                .map(CrossdeskKafka::registry)
                .orElse(true);
        if (registry) {
            System.setProperty(REGISTRY_URL_PROPERTY, RegistryFixture.url());
            System.setProperty(PLATFORM_REGISTRY_URL_PROPERTY, RegistryFixture.url());
        }
    }
}
