package org.crossdesk.launcher.watchdog;

import java.util.Optional;

/**
 * A Java agent loaded into every child JVM ({@code -javaagent:watchdog.jar=<launcher pid>}) that ends
 * the child when the launcher is gone, even if the launcher was killed without running its shutdown
 * hook (SIGKILL, a crashed terminal). {@code System.exit} runs the child's own shutdown hooks, so the
 * broker still shuts down cleanly; a hook that hangs is cut short by a halt.
 *
 * <p>It is packed alone into a jar at run time ({@link WatchdogJar}) and must use nothing but the JDK:
 * it shares the child's class path.
 */
public final class ParentWatchdog {

    static final long POLL_MILLIS = 500;
    static final long HALT_AFTER_MILLIS = 30_000;

    private ParentWatchdog() {}

    public static void premain(String agentArgs) {
        long parentPid = Long.parseLong(agentArgs.trim());
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            System.err.println("crossdesk watchdog: launcher " + parentPid + " is already gone; exiting");
            Runtime.getRuntime().halt(143);
        }
        Thread watcher = new Thread(() -> watch(parent.get()), "crossdesk-parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void watch(ProcessHandle parent) {
        // isAlive() compares the start time too, so a recycled pid does not keep the child alive.
        while (parent.isAlive()) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.err.println("crossdesk watchdog: launcher " + parent.pid() + " is gone; shutting down");
        Thread halter = new Thread(
                () -> {
                    try {
                        Thread.sleep(HALT_AFTER_MILLIS);
                    } catch (InterruptedException e) {
                        // halt anyway
                    }
                    Runtime.getRuntime().halt(137);
                },
                "crossdesk-watchdog-halt");
        halter.setDaemon(true);
        halter.start();
        System.exit(143);
    }
}
