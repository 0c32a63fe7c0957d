package org.crossdesk.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossdesk.intake.*} (environment: {@code CROSSDESK_INTAKE_SEND_TIMEOUT} and so on).
 *
 * @param sendTimeout     how long a write may wait for Kafka's acknowledgement before the HTTP request
 *                        fails with 503, or the outbox record is retried
 * @param catchUpTimeout  how long the outbox consumer waits for the case view to catch up after being
 *                        assigned partitions (replaying a long lifecycle takes a while)
 * @param rememberWrites  how long the gateway remembers its own writes the case view has not seen yet
 */
@ConfigurationProperties("crossdesk.intake")
public record IntakeProperties(Duration sendTimeout, Duration catchUpTimeout, Duration rememberWrites) {

    public IntakeProperties {
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        catchUpTimeout = catchUpTimeout == null ? Duration.ofMinutes(4) : catchUpTimeout;
        rememberWrites = rememberWrites == null ? Duration.ofMinutes(2) : rememberWrites;
    }
}
