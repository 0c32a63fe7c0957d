package org.crossdesk.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code crossdesk.notifications.*}: see docs/notifications.md. */
@ConfigurationProperties("crossdesk.notifications")
public class NotificationsProperties {

    /**
     * Base64 of 32 random bytes: the AES-256 key sealing webhook secrets in the subscriptions topic
     * ({@code CROSSDESK_NOTIFICATIONS_SECRET_KEY}). Required, and not the published demo key, unless
     * {@code crossdesk.demo=true}; every instance needs the same key.
     */
    private String secretKey;

    /** How long start-up waits to have read the subscriptions, directory and delivery records. */
    private Duration startupTimeout = Duration.ofMinutes(2);

    private final Webhooks webhooks = new Webhooks();
    private final Subscriptions subscriptions = new Subscriptions();
    private final Deadlines deadlines = new Deadlines();
    private final Stream stream = new Stream();

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public Duration getStartupTimeout() {
        return startupTimeout;
    }

    public void setStartupTimeout(Duration startupTimeout) {
        this.startupTimeout = startupTimeout;
    }

    public Webhooks getWebhooks() {
        return webhooks;
    }

    public Subscriptions getSubscriptions() {
        return subscriptions;
    }

    public Deadlines getDeadlines() {
        return deadlines;
    }

    public Stream getStream() {
        return stream;
    }

    /** Webhook delivery. */
    public static class Webhooks {
        /** Attempts in all, including the first. */
        private int maxAttempts = 8;
        /** Backoff before the second attempt; doubles up to max-backoff, each within 20 % (Kafka's back-off). */
        private Duration initialBackoff = Duration.ofSeconds(2);

        private Duration maxBackoff = Duration.ofMinutes(2);
        /** Longest Retry-After honoured. */
        private Duration maxRetryAfter = Duration.ofMinutes(10);

        private Duration connectTimeout = Duration.ofSeconds(5);
        /** An attempt that gets no response within this is a timeout (retried). */
        private Duration requestTimeout = Duration.ofSeconds(10);
        /** Requests under way at once per subscription. */
        private int maxInFlightPerSubscription = 4;
        /** Unfinished messages per inbox partition before it is paused. */
        private int maxInProgressPerPartition = 500;
        /**
         * How often finished inbox messages are committed. Each routing transaction moves every inbox it wrote to,
         * so committing after every poll meant a commit request per transaction; a restart after a crash delivers
         * again at most what finished in this interval (receivers de-duplicate by delivery id). A rebalance and a
         * shutdown commit at once.
         */
        private Duration commitInterval = Duration.ofSeconds(1);
        /**
         * Whether webhook URLs may point at loopback and RFC 1918 addresses (tests, local demos whose receivers
         * run on the same machine). Link-local (cloud metadata) and the other internal ranges stay refused.
         */
        private boolean allowPrivateAddresses = false;
        /** Whether webhook URLs may be plain http rather than https (tests, local demos). */
        private boolean allowInsecureHttp = false;
        /** Threads of the HTTP client (it is asynchronous; these only run callbacks). */
        private int httpThreads = 4;

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public int getMaxInFlightPerSubscription() {
            return maxInFlightPerSubscription;
        }

        public void setMaxInFlightPerSubscription(int max) {
            this.maxInFlightPerSubscription = max;
        }

        public int getMaxInProgressPerPartition() {
            return maxInProgressPerPartition;
        }

        public void setMaxInProgressPerPartition(int max) {
            this.maxInProgressPerPartition = max;
        }

        public Duration getCommitInterval() {
            return commitInterval;
        }

        public void setCommitInterval(Duration commitInterval) {
            this.commitInterval = commitInterval;
        }

        public boolean isAllowPrivateAddresses() {
            return allowPrivateAddresses;
        }

        public void setAllowPrivateAddresses(boolean allow) {
            this.allowPrivateAddresses = allow;
        }

        public boolean isAllowInsecureHttp() {
            return allowInsecureHttp;
        }

        public void setAllowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
        }

        public int getHttpThreads() {
            return httpThreads;
        }

        public void setHttpThreads(int httpThreads) {
            this.httpThreads = httpThreads;
        }
    }

    /** The subscriptions API. */
    public static class Subscriptions {
        /** Subscriptions one desk may have. */
        private int maxPerDesk = 10;

        public int getMaxPerDesk() {
            return maxPerDesk;
        }

        public void setMaxPerDesk(int maxPerDesk) {
            this.maxPerDesk = maxPerDesk;
        }
    }

    /** Deadline tracking. */
    public static class Deadlines {
        /** How often passed deadlines are looked for. */
        private Duration checkInterval = Duration.ofSeconds(5);
        /** How long settled referrals stay in memory after their last deadline. */
        private Duration keepSettled = Duration.ofDays(30);

        public Duration getCheckInterval() {
            return checkInterval;
        }

        public void setCheckInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
        }

        public Duration getKeepSettled() {
            return keepSettled;
        }

        public void setKeepSettled(Duration keepSettled) {
            this.keepSettled = keepSettled;
        }
    }

    /** The live stream. */
    public static class Stream {
        /** Comment sent on an idle stream this often. */
        private Duration heartbeat = Duration.ofSeconds(15);
        /** A stream is ended after this; the client reconnects with Last-Event-ID. */
        private Duration maxDuration = Duration.ofMinutes(30);
        /** Streams one instance serves at once. */
        private int maxStreams = 200;

        public Duration getHeartbeat() {
            return heartbeat;
        }

        public void setHeartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
        }

        public Duration getMaxDuration() {
            return maxDuration;
        }

        public void setMaxDuration(Duration maxDuration) {
            this.maxDuration = maxDuration;
        }

        public int getMaxStreams() {
            return maxStreams;
        }

        public void setMaxStreams(int maxStreams) {
            this.maxStreams = maxStreams;
        }
    }
}
