package org.crossdesk.testsupport;

import org.crossdesk.schemaregistry.server.EmbeddedSchemaRegistry;

/**
 * One embedded Crossdesk schema registry for the whole test JVM, on {@link KafkaFixture}'s broker and
 * its default {@code _schemas} topic.
 *
 * <pre>{@code
 * String url = RegistryFixture.url(); // e.g. http://127.0.0.1:53411, started on first call
 * }</pre>
 *
 * <p>All tests of a JVM share it: use subject names of your own (they follow from topic names with
 * TopicNameStrategy). Changing the global compatibility level or mode affects everybody; set them
 * per subject instead.
 */
public final class RegistryFixture {

    private static EmbeddedSchemaRegistry registry;

    private RegistryFixture() {}

    /** Base URL of the shared registry, starting it (and the broker) if needed. */
    public static synchronized String url() {
        if (registry == null) {
            registry = EmbeddedSchemaRegistry.start(KafkaFixture.bootstrapServers());
            Fixtures.stopAtExit();
        }
        return registry.url();
    }

    static synchronized void stop() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }
}
