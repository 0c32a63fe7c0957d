package org.crossdesk.platform.kafka.follow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while any of the service's consumers is restarting after a failure, or has died: then webhooks, deadlines or
 * the tables behind them are not moving, and an operator (or an orchestrator) must hear of it.
 */
public final class ConsumersHealth implements HealthIndicator {

    private final List<ConsumerSessions> consumers;

    public ConsumersHealth(List<ConsumerSessions> consumers) {
        this.consumers = List.copyOf(consumers);
    }

    @Override
    public Health health() {
        boolean restarting = consumers.stream()
                .anyMatch(c ->
                        c.state() == ConsumerSessions.State.RESTARTING || c.state() == ConsumerSessions.State.DEAD);
        Health.Builder health = restarting ? Health.down() : Health.up();
        for (ConsumerSessions consumer : consumers) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", consumer.state().name());
            detail.put("failures", consumer.failures());
            if (consumer.lastFailure() != null) {
                detail.put("lastFailure", consumer.lastFailure());
            }
            health.withDetail(consumer.name(), detail);
        }
        return health.build();
    }
}
