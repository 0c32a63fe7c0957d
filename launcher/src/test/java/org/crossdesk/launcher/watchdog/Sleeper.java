package org.crossdesk.launcher.watchdog;

/** A child that would run forever unless something ends it. */
public final class Sleeper {

    private Sleeper() {}

    public static void main(String[] args) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        System.out.println("sleeping");
        // Blocks until the process is ended from outside: that is what the watchdog test checks.
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
