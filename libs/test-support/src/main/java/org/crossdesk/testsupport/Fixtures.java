package org.crossdesk.testsupport;

import java.util.Set;

/**
 * Stops the shared fixtures when the JVM exits, in an order that avoids the shutdown race noted in
 * docs/running.md ("Tests and benchmarks"): Spring test contexts close in their own shutdown hooks
 * and still talk to the broker while they do, so the broker goes last — after those hooks finished
 * (bounded wait) and after the registry.
 */
final class Fixtures {

    /** Names of the shutdown-hook threads Spring registers for its contexts. */
    private static final Set<String> SPRING_SHUTDOWN_HOOKS =
            Set.of("SpringApplicationShutdownHook", "SpringContextShutdownHook");

    private static final long SPRING_HOOK_WAIT_MILLIS = 20_000;

    private static boolean registered;

    private Fixtures() {}

    static synchronized void stopAtExit() {
        if (!registered) {
            Runtime.getRuntime().addShutdownHook(new Thread(Fixtures::stopAll, "crossdesk-test-fixtures-shutdown"));
            registered = true;
        }
    }

    private static void stopAll() {
        long deadline = System.currentTimeMillis() + SPRING_HOOK_WAIT_MILLIS;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (SPRING_SHUTDOWN_HOOKS.contains(thread.getName()) && thread != Thread.currentThread()) {
                try {
                    thread.join(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        RegistryFixture.stop();
        KafkaFixture.stop();
    }
}
