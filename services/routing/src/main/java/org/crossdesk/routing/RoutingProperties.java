package org.crossdesk.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crossdesk.events.common.Priority;
import org.crossdesk.routing.policy.RoutingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/** {@code crossdesk.routing.*}: the service's own settings. */
@ConfigurationProperties("crossdesk.routing")
public class RoutingProperties {

    /**
     * The directory a fresh installation starts with (written only when both directory topics are empty):
     * {@code classpath:seed/directory.yaml} (a copy of config/demo/directory.yaml) or {@code file:/path}.
     */
    private Resource seedFile = new DefaultResourceLoader().getResource("classpath:seed/directory.yaml");

    /** Whether to seed an empty directory at all. */
    private boolean seed = true;

    /** Deadlines per priority, overriding the defaults (IMMEDIATE 1h/8h, URGENT 4h/12h, ROUTINE 24h/7d). */
    private Map<Priority, DeadlineSetting> deadlines = new EnumMap<>(Priority.class);

    /** Fan-out consumer threads (each owns some of the six referral partitions). */
    private int concurrency = 1;

    /** How long start-up may wait for the directory topics to be read. */
    private Duration startupTimeout = Duration.ofSeconds(60);

    /**
     * Base URLs of the other instances of routing ({@code CROSSDESK_ROUTING_PEERS}, comma-separated): asked for a
     * routing decision this instance does not hold. Empty with one instance.
     */
    private List<URI> peers = new ArrayList<>();

    /** One priority's deadlines. */
    public static class DeadlineSetting {
        private Duration acknowledgement;
        private Duration response;

        public Duration getAcknowledgement() {
            return acknowledgement;
        }

        public void setAcknowledgement(Duration acknowledgement) {
            this.acknowledgement = acknowledgement;
        }

        public Duration getResponse() {
            return response;
        }

        public void setResponse(Duration response) {
            this.response = response;
        }
    }

    /** The default rules with the configured deadlines. */
    public RoutingRules rules() {
        RoutingRules defaults = RoutingRules.defaults();
        Map<Priority, RoutingRules.Deadlines> overrides = new EnumMap<>(Priority.class);
        deadlines.forEach((priority, setting) -> {
            RoutingRules.Deadlines base = defaults.deadlinesFor(priority);
            overrides.put(
                    priority,
                    new RoutingRules.Deadlines(
                            setting.getAcknowledgement() == null
                                    ? base.acknowledgement()
                                    : setting.getAcknowledgement(),
                            setting.getResponse() == null ? base.response() : setting.getResponse()));
        });
        return defaults.withDeadlines(overrides);
    }

    public Resource getSeedFile() {
        return seedFile;
    }

    public void setSeedFile(Resource seedFile) {
        this.seedFile = seedFile;
    }

    public boolean isSeed() {
        return seed;
    }

    public void setSeed(boolean seed) {
        this.seed = seed;
    }

    public Map<Priority, DeadlineSetting> getDeadlines() {
        return deadlines;
    }

    public void setDeadlines(Map<Priority, DeadlineSetting> deadlines) {
        this.deadlines = deadlines;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public List<URI> getPeers() {
        return peers;
    }

    public void setPeers(List<URI> peers) {
        this.peers = peers;
    }

    public Duration getStartupTimeout() {
        return startupTimeout;
    }

    public void setStartupTimeout(Duration startupTimeout) {
        this.startupTimeout = startupTimeout;
    }
}
