package org.crossdesk.notifications.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.crossdesk.notifications.egress.EgressPolicy;

/**
 * POSTs deliveries asynchronously (a hung receiver costs a pending future, not a thread) with an HTTP
 * client whose only resolver is the {@link EgressPolicy}: every connection goes to an address that was
 * checked for it, while the request keeps the URL's host in its Host header, TLS server name and
 * certificate check. Redirects are never followed (a 3xx is a permanent failure), so a registered public
 * URL cannot bounce a signed delivery elsewhere. Every attempt ends within the request timeout, also when
 * a receiver accepts the connection and then never answers; response bodies are discarded.
 */
public final class HttpWebhookTransport implements WebhookTransport, AutoCloseable {

    private static final String USER_AGENT = "Crossdesk-Webhooks/1";
    /** Connections kept per receiver (host and port) and in all; the lanes bound the requests under way. */
    private static final int MAX_CONNECTIONS_PER_RECEIVER = 64;

    private static final int MAX_CONNECTIONS = 1024;
    /** A pooled connection is closed after this, so a host's addresses are resolved and checked again. */
    private static final TimeValue CONNECTION_TIME_TO_LIVE = TimeValue.ofMinutes(5);

    private final EgressPolicy egress;
    private final CloseableHttpAsyncClient client;
    private final Duration requestTimeout;
    private final Executor executor;
    private final Clock clock;

    public HttpWebhookTransport(
            EgressPolicy egress, Duration connectTimeout, Duration requestTimeout, Executor executor, Clock clock) {
        this(egress, connectTimeout, requestTimeout, executor, clock, null);
    }

    /** With {@code sslContext} (trust material) instead of the JVM's default; for tests. */
    HttpWebhookTransport(
            EgressPolicy egress,
            Duration connectTimeout,
            Duration requestTimeout,
            Executor executor,
            Clock clock,
            SSLContext sslContext) {
        this.egress = egress;
        this.requestTimeout = requestTimeout;
        this.executor = executor;
        this.clock = clock;
        PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDnsResolver(new PolicyResolver(egress))
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_RECEIVER)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(requestTimeout))
                        .setTimeToLive(CONNECTION_TIME_TO_LIVE)
                        .build())
                // HTTP/1.1, which every receiver speaks.
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .build());
        connections.setTlsStrategy(ClientTlsStrategyBuilder.create()
                .setSslContext(sslContext != null ? sslContext : SSLContexts.createDefault())
                // Checked by the client after the handshake too: with the builder's default (JSSE only), 5.5's
                // asynchronous connections skipped the certificate's host name check altogether (see the test).
                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                .setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier())
                .buildAsync());
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .build())
                .setUserAgent(USER_AGENT)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        client.start();
    }

    @Override
    public CompletableFuture<AttemptResult> post(URI url, Map<String, String> headers, byte[] body) {
        // Checked on every attempt, not only at registration: the deployment's policy may have changed since.
        Optional<String> scheme = egress.schemeProblem(url.getScheme());
        if (scheme.isPresent()) {
            return CompletableFuture.completedFuture(AttemptResult.refused("url " + scheme.get()));
        }
        String contentType = headers.getOrDefault("Content-Type", "application/json");
        AsyncRequestBuilder request = AsyncRequestBuilder.post(url).setEntity(body, ContentType.parse(contentType));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                request.addHeader(name, value);
            }
        });
        CompletableFuture<AttemptResult> result = new CompletableFuture<>();
        AtomicReference<Future<Message<HttpResponse, Void>>> exchange = new AtomicReference<>();
        FutureCallback<Message<HttpResponse, Void>> callback = new FutureCallback<>() {
            @Override
            public void completed(Message<HttpResponse, Void> response) {
                HttpResponse head = response.getHead();
                Header retryAfter = head.getFirstHeader("Retry-After");
                complete(
                        result,
                        AttemptResult.ofResponse(
                                head.getCode(), retryAfter == null ? null : retryAfter.getValue(), clock.instant()));
            }

            @Override
            public void failed(Exception error) {
                complete(result, AttemptResult.ofException(error));
            }

            @Override
            public void cancelled() {
                complete(result, AttemptResult.ofException(new TimeoutException("cancelled")));
            }
        };
        try {
            // Started on the executor: opening a connection resolves the host (and checks it) in the calling
            // thread, and the caller is the Kafka consumer, which must never wait for a slow name server.
            executor.execute(() -> {
                if (result.isDone()) {
                    return; // timed out while queued
                }
                try {
                    exchange.set(client.execute(
                            request.build(), new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()), callback));
                } catch (RuntimeException notStarted) { // the client is shutting down
                    result.complete(AttemptResult.ofException(notStarted));
                }
            });
        } catch (RejectedExecutionException stopping) {
            return CompletableFuture.completedFuture(AttemptResult.ofException(stopping));
        }
        // The response timeout covers silence; this also bounds a body that trickles in forever.
        return result.orTimeout(requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)
                .handle((answer, error) -> {
                    if (error != null) {
                        Future<?> started = exchange.get();
                        if (started != null) {
                            started.cancel(true);
                        }
                        return AttemptResult.ofException(error);
                    }
                    return answer;
                });
    }

    /** Off the client's I/O threads: what follows an attempt may block (recording it in Kafka). */
    private void complete(CompletableFuture<AttemptResult> result, AttemptResult attempt) {
        try {
            executor.execute(() -> result.complete(attempt));
        } catch (RejectedExecutionException stopping) {
            result.complete(attempt);
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }

    /** The client's resolver: the egress policy, so the addresses it connects to are the ones checked. */
    private record PolicyResolver(EgressPolicy egress) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return egress.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            // Only for SPNEGO-style authentication, which webhooks never use; no second lookup.
            return host;
        }
    }
}
