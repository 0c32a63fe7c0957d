package org.crossdesk.notifications.testing;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client that behaves like a browser's EventSource: it remembers the last event id
 * (also from events without data) and dispatches only events with data.
 */
public final class SseClient implements AutoCloseable {

    /** A dispatched event: the last event id at that point, and its data. */
    public record Event(String id, String data) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final Stream<String> lines;
    private final Thread reader;
    private final int status;
    private volatile String lastEventId;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        this.reader = new Thread(this::read, "sse-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects to {@code uri}, resuming after {@code lastEventId} if given. */
    public static SseClient connect(URI uri, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    /** The id to reconnect with. */
    public String lastEventId() {
        return lastEventId;
    }

    /** Waits until {@code count} events arrived, and returns all so far. */
    public List<Event> awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events.size() >= count);
        return events();
    }

    /** Waits until the stream has told its starting position. */
    public void awaitPosition() {
        await().atMost(Duration.ofSeconds(30)).until(() -> lastEventId != null);
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private void read() {
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(lastEventId, data.toString()));
                    }
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    lastEventId = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            });
        } catch (RuntimeException closed) {
            // the connection was closed
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
