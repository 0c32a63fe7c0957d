package org.crossdesk.dashboard.web;

import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditResourceType;
import org.crossdesk.platform.audit.AuditLog;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may watch: supervisors and auditors. Desks see only what they issued or received, never the
 * picture across desks, so they get 403; each refusal is an audit fact.
 */
@Component
class Watchers {

    static final String RESOURCE = "dashboard";

    private final AuditLog audit;

    Watchers(AuditLog audit) {
        this.audit = audit;
    }

    void require(Caller caller) {
        if (!caller.has(Role.SUPERVISOR) && !caller.has(Role.AUDITOR)) {
            audit.denied(
                    caller,
                    AuditAction.OTHER,
                    AuditResourceType.OTHER,
                    RESOURCE,
                    "the operational picture is for supervisors and auditors");
        }
        caller.require(Role.SUPERVISOR, Role.AUDITOR);
    }

    /** Opening the live stream is recorded: it is how a person starts watching. */
    void watching(Caller caller) {
        require(caller);
        audit.allowed(caller, AuditAction.OTHER, AuditResourceType.OTHER, RESOURCE, "watch the operational picture");
    }
}
