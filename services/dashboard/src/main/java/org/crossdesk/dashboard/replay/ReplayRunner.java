package org.crossdesk.dashboard.replay;

import org.springframework.context.SmartLifecycle;

/** Runs the replay on a thread of its own from start-up until shutdown. */
final class ReplayRunner implements SmartLifecycle {

    private final TopicReplay replay;
    private Thread thread;

    ReplayRunner(TopicReplay replay) {
        this.replay = replay;
    }

    @Override
    public synchronized void start() {
        thread = new Thread(replay, "dashboard-replay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        replay.stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
