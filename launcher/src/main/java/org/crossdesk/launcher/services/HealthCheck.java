package org.crossdesk.launcher.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Waits until a Spring Boot service's {@code /actuator/health} answers 200 with status UP, and fails
 * early with the process's own explanation when the process dies meanwhile.
 */
public final class HealthCheck {

    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private final HttpClient http;
    private final Duration pollInterval;

    public HealthCheck(Duration pollInterval) {
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.pollInterval = pollInterval;
    }

    /** What the waiter needs to know about the process behind the URL. */
    public interface Watched {
        /** Empty while the process runs; otherwise why it is gone (exit code, last log lines). */
        Optional<String> failure();
    }

    /** One probe: true if the endpoint says UP. */
    public boolean isUp(URI health) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(health)
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && STATUS_UP.matcher(response.body()).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Blocks until {@code health} is UP.
     *
     * @throws NotHealthyException when the process ends first or the timeout passes; the message says which
     */
    public void awaitUp(String name, URI health, Duration timeout, Watched process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (isUp(health)) {
                return;
            }
            Optional<String> failure = process.failure();
            if (failure.isPresent()) {
                throw new NotHealthyException(name + " stopped while starting: " + failure.get());
            }
            if (System.nanoTime() >= deadline) {
                throw new NotHealthyException(name + " was not healthy at " + health + " within " + timeout);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotHealthyException("interrupted while waiting for " + name);
            }
        }
    }
}
