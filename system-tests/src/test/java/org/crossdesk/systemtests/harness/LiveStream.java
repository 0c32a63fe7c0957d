package org.crossdesk.systemtests.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A desk's live stream read like a browser's EventSource does: each event's {@code data:} lines joined,
 * an empty line ends the event. Events are collected as they arrive.
 */
public final class LiveStream implements AutoCloseable {

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    private LiveStream(CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.response = response;
    }

    static LiveStream open(HttpClient http, URI url) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        LiveStream stream = new LiveStream(response);
        response.thenAcceptAsync(answer -> {
            stream.status = answer.statusCode();
            StringBuilder data = new StringBuilder();
            answer.body().forEach(line -> {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                } else if (line.isEmpty() && data.length() > 0) {
                    stream.add(data.toString());
                    data.setLength(0);
                }
            });
        });
        return stream;
    }

    private void add(String data) {
        try {
            events.add(HttpDesk.JSON.readTree(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the live stream sent an event that is not JSON: " + data, e);
        }
    }

    /** The HTTP status once the stream has answered, 0 before. */
    public int status() {
        return status;
    }

    /** The inbox messages received so far (the JSON of docs/webhooks.md). */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Messages of one referral. */
    public List<JsonNode> eventsOf(String referralId) {
        return events.stream()
                .filter(event -> referralId.equals(event.path("referralId").asText()))
                .toList();
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(answer -> answer.body().close());
    }
}
