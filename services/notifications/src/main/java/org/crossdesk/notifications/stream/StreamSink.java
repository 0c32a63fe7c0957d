package org.crossdesk.notifications.stream;

import java.io.IOException;

/** Where a live stream's events go: the HTTP response (Server-Sent Events). */
public interface StreamSink {

    /** Sends an event with {@code id} and JSON {@code data}; an event without data when {@code data} is null. */
    void send(String id, String data) throws IOException;

    /** Sends a comment that keeps idle connections open and finds clients that left. */
    void heartbeat() throws IOException;

    /** Whether the client is gone or the response has ended. */
    boolean isClosed();

    /** Ends the response normally. */
    void complete();
}
