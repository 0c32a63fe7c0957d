package org.crossdesk.platform.audit;

import java.time.Clock;
import java.util.UUID;
import org.crossdesk.events.Topics;
import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditDecision;
import org.crossdesk.events.audit.AuditEvent;
import org.crossdesk.events.audit.AuditResourceType;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.platform.security.Caller;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Records who read or did what, why, and whether it was allowed, on the audit topic (keyed by
 * actor). Data-protection rules make every read of a referral an audit fact, denied ones included.
 */
public class AuditLog {

    private final KafkaOperations<String, Object> kafka;
    private final String producer;
    private final Clock clock;

    public AuditLog(KafkaOperations<String, Object> kafka, String producer, Clock clock) {
        this.kafka = kafka;
        this.producer = producer;
        this.clock = clock;
    }

    public void allowed(Caller caller, AuditAction action, AuditResourceType type, String resourceId, String purpose) {
        record(caller, action, type, resourceId, purpose, AuditDecision.ALLOWED, null);
    }

    public void denied(Caller caller, AuditAction action, AuditResourceType type, String resourceId, String reason) {
        record(caller, action, type, resourceId, null, AuditDecision.DENIED, reason);
    }

    public void record(
            Caller caller,
            AuditAction action,
            AuditResourceType type,
            String resourceId,
            String purpose,
            AuditDecision decision,
            String reason) {
        AuditEvent event = AuditEvent.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(clock.instant())
                        .setProducer(producer)
                        .setCorrelationId(resourceId)
                        .setCausationId(null)
                        .build())
                .setActor(caller.name())
                .setActorDesk(caller.deskId())
                .setAction(action)
                .setResourceType(type)
                .setResourceId(resourceId)
                .setPurpose(purpose)
                .setDecision(decision)
                .setReason(reason)
                .setAt(clock.instant())
                .build();
        // Fire-and-forget on the idempotent producer: an audit write must not make a read fail,
        // and acks=all keeps it durable once sent.
        kafka.send(Topics.AUDIT, caller.name(), event);
    }
}
