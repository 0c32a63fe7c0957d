package org.crossdesk.notifications.webhook;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sends one HTTP POST without blocking the caller. */
public interface WebhookTransport {

    /**
     * POSTs {@code body} with {@code headers} to {@code url}. The future completes with the response's result,
     * or exceptionally for a timeout or connection error; it always completes, within the transport's timeout.
     */
    CompletableFuture<AttemptResult> post(URI url, Map<String, String> headers, byte[] body);
}
