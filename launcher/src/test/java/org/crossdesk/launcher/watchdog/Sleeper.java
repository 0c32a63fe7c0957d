package org.crossdesk.launcher.watchdog;

import java.util.concurrent.CountDownLatch;

/** A child that would run forever unless something ends it. */
public final class Sleeper {

    private Sleeper() {}

    public static void main(String[] args) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        System.out.println("sleeping");
        // Blocks until the process is ended from outside: that is what the watchdog test checks.
        new CountDownLatch(1).await();
    }
}
