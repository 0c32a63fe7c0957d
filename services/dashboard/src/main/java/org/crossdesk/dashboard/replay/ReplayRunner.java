package org.crossdesk.dashboard.replay;

import org.springframework.context.SmartLifecycle;

/** Runs the replay (on the follower's own thread) from start-up until shutdown. */
final class ReplayRunner implements SmartLifecycle {

    private final TopicReplay replay;
    private boolean running;

    ReplayRunner(TopicReplay replay) {
        this.replay = replay;
    }

    @Override
    public synchronized void start() {
        replay.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        replay.stop();
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
