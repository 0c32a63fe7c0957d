package org.crossdesk.platform.kafka;

import java.time.Duration;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * How a listener waits out an outage ({@link Outages}): for ever, doubling from {@link #FIRST} to {@link #MAX}, each
 * delay within 20 % (Kafka's own back-off, docs/decisions/0010). Never "give up and dead-letter": the record is fine,
 * and an outage ends. The cap stays well below the consumer's {@code max.poll.interval.ms} (5 min), since the
 * listener's thread waits between attempts and must poll again in time to keep its partitions.
 */
public final class OutageBackOff implements BackOff {

    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofSeconds(30);

    private final ExponentialBackoff backoff = new ExponentialBackoff(
            FIRST.toMillis(),
            CommonClientConfigs.RETRY_BACKOFF_EXP_BASE,
            MAX.toMillis(),
            CommonClientConfigs.RETRY_BACKOFF_JITTER);

    @Override
    public BackOffExecution start() {
        return new BackOffExecution() {
            private long attempts;

            @Override
            public long nextBackOff() {
                return backoff.backoff(attempts++);
            }
        };
    }
}
