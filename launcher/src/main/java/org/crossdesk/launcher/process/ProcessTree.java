package org.crossdesk.launcher.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process and everything it started: SIGTERM first, SIGKILL for whatever outlives the grace. */
final class ProcessTree {

    private ProcessTree() {}

    /** Returns true if the process ended within the grace period (false: it had to be killed). */
    static boolean stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroy();
        descendants.forEach(ProcessHandle::destroy);
        boolean graceful = awaitExit(root, grace);
        if (!graceful) {
            root.destroyForcibly();
            awaitExit(root, Duration.ofSeconds(5));
        }
        for (ProcessHandle descendant : descendants) {
            if (!awaitExit(descendant, Duration.ofSeconds(2))) {
                descendant.destroyForcibly();
            }
        }
        return graceful;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
