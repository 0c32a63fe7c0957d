package org.crossdesk.routing.explain;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The routing decisions other instances hold. Each instance keeps the decisions of the lifecycle partitions it routes
 * (its ledger); when asked for one it does not hold, it asks its peers, with the caller's own credential, so that any
 * instance answers any referral (issue #16). The peer that holds it authorizes and audits the read as if asked
 * directly; a forwarded request is marked and never forwarded again.
 *
 * <p>The peers are a short list (the launcher's {@code --instances}, a StatefulSet's pods), so they are asked in turn
 * rather than looked up through the consumer group's assignment: a partition may move between instances at any
 * moment, and a peer that holds the decision is the owner by definition.
 */
public final class PeerDecisions {

    /** Marks a forwarded request (with the forwarding instance's id), so that it is answered from the ledger only. */
    public static final String FORWARDED_HEADER = "Crossdesk-Forwarded-By";

    /** What a peer answered: its status, content type and body, passed on as they are. */
    public record Answer(int status, String contentType, String body) {}

    private final List<URI> peers;
    private final String self;
    private final HttpClient http;
    private final Duration timeout;

    public PeerDecisions(List<URI> peers, String self, Duration timeout) {
        this.peers = List.copyOf(peers);
        this.self = self;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public boolean any() {
        return !peers.isEmpty();
    }

    /**
     * The first peer's answer that settles the question: the decision (200) or a refusal (403). Empty if no peer holds
     * it; {@link PeerUnavailableException} if none holds it and one of them could not be asked (it may be the owner,
     * restarting): "not found" would then be a guess.
     */
    public Optional<Answer> ask(String referralId, String authorization) {
        String unavailable = null;
        for (URI peer : peers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(peer.resolve("/api/v1/routing/" + referralId))
                    .timeout(timeout)
                    .header(FORWARDED_HEADER, self)
                    .GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200 || status == 403) {
                    return Optional.of(new Answer(
                            status,
                            response.headers().firstValue("Content-Type").orElse("application/json"),
                            response.body()));
                }
                if (status != 404) {
                    unavailable = peer + " answered " + status;
                }
            } catch (IOException e) {
                unavailable = peer + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PeerUnavailableException("interrupted while asking " + peer);
            }
        }
        if (unavailable != null) {
            throw new PeerUnavailableException(unavailable);
        }
        return Optional.empty();
    }

    /** A peer that may hold the decision could not be asked. */
    public static final class PeerUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PeerUnavailableException(String message) {
            super(message);
        }
    }
}
