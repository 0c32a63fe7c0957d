package org.crossdesk.notifications;

import org.crossdesk.notifications.stream.InboxStreams;
import org.springframework.context.SmartLifecycle;

/**
 * Ends the live streams first when the service stops. Streams never end by themselves, so the web
 * server's graceful shutdown (which waits for open requests) would otherwise wait its full timeout;
 * ended streams make clients reconnect, with Last-Event-ID, to another instance or to the restarted one.
 */
final class StreamShutdown implements SmartLifecycle {

    private final InboxStreams streams;
    private volatile boolean running;

    StreamShutdown(InboxStreams streams) {
        this.streams = streams;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before every other phase, the web server's graceful shutdown included. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
