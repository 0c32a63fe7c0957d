package org.crossdesk.routing.directory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditResourceType;
import org.crossdesk.platform.audit.AuditLog;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.security.Role;
import org.crossdesk.platform.web.ProblemException;
import org.crossdesk.routing.access.CredentialDocument;
import org.crossdesk.routing.access.DeskAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory over HTTP. Any authenticated caller may read it (desks choose requested desks from it);
 * only an ADMIN changes it, and every change or refused attempt is audited. DELETE deactivates: desks and
 * agreements stay listed so that earlier decisions still resolve.
 */
@RestController
@RequestMapping("/api/v1/directory")
class DirectoryController {

    private final DirectoryService directory;
    private final AuditLog audit;
    private final Optional<DeskAccess> issuer;
    private final Clock clock;

    DirectoryController(DirectoryService directory, AuditLog audit, ObjectProvider<DeskAccess> issuer, Clock clock) {
        this.directory = directory;
        this.audit = audit;
        this.issuer = Optional.ofNullable(issuer.getIfAvailable());
        this.clock = clock;
    }

    @GetMapping("/desks")
    List<DeskDocument> desks(Caller caller) {
        return directory.desks().stream().map(DeskDocument::of).toList();
    }

    @GetMapping("/desks/{deskId}")
    DeskDocument desk(Caller caller, @PathVariable String deskId) {
        return DeskDocument.of(directory.desk(deskId));
    }

    @PostMapping("/desks")
    ResponseEntity<CreatedDesk> createDesk(Caller caller, @RequestBody DeskDocument document) {
        String id = document == null ? "?" : String.valueOf(document.deskId());
        DeskDocument created = admin(
                caller,
                AuditAction.UPDATE_DESK,
                AuditResourceType.DESK_PROFILE,
                id,
                "create desk",
                () -> DeskDocument.of(directory.createDesk(document)));
        // On a cluster with ACLs a new desk gets its Kafka credential at once, shown in this answer only.
        CredentialDocument credential = issuer.isPresent()
                ? issueAudited(caller, created.deskId(), "issue the Kafka credential of a new desk")
                : null;
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedDesk(created, credential));
    }

    /**
     * Issues the desk's Kafka credential, or rotates it: the new secret works at once, the old one stops at its next
     * authentication (brokers re-authenticate connections at least every 5 minutes). Shown in this answer only.
     */
    @PostMapping("/desks/{deskId}/credential")
    ResponseEntity<CredentialDocument> issueCredential(Caller caller, @PathVariable String deskId) {
        requireAdmin(caller, deskId, "issue or rotate a desk's Kafka credential");
        directory.desk(deskId);
        if (!directory.desk(deskId).getActive()) {
            throw ProblemException.conflict("Desk " + deskId + " is deactivated: reactivate it (PUT) before issuing");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(issueAudited(caller, deskId, "issue or rotate the desk's Kafka credential"));
    }

    /** Revokes the desk's Kafka credential and its ACLs: refused at its next authentication, denied at once. */
    @DeleteMapping("/desks/{deskId}/credential")
    ResponseEntity<Void> revokeCredential(Caller caller, @PathVariable String deskId) {
        requireAdmin(caller, deskId, "revoke a desk's Kafka credential");
        directory.desk(deskId);
        requireIssuer().revoke(deskId);
        audit.allowed(
                caller,
                AuditAction.UPDATE_DESK,
                AuditResourceType.DESK_PROFILE,
                deskId,
                "revoke the desk's Kafka credential and ACLs");
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/desks/{deskId}")
    DeskDocument updateDesk(Caller caller, @PathVariable String deskId, @RequestBody DeskDocument document) {
        return admin(
                caller,
                AuditAction.UPDATE_DESK,
                AuditResourceType.DESK_PROFILE,
                deskId,
                "update desk",
                () -> DeskDocument.of(directory.updateDesk(deskId, document)));
    }

    @DeleteMapping("/desks/{deskId}")
    DeskDocument deactivateDesk(Caller caller, @PathVariable String deskId) {
        DeskDocument deactivated = admin(
                caller,
                AuditAction.UPDATE_DESK,
                AuditResourceType.DESK_PROFILE,
                deskId,
                "deactivate desk",
                () -> DeskDocument.of(directory.deactivateDesk(deskId)));
        // A deactivated desk receives nothing, and can no longer reach Kafka either.
        issuer.ifPresent(access -> {
            if (access.revoke(deskId)) {
                audit.allowed(
                        caller,
                        AuditAction.UPDATE_DESK,
                        AuditResourceType.DESK_PROFILE,
                        deskId,
                        "revoke the Kafka credential of a deactivated desk");
            }
        });
        return deactivated;
    }

    @GetMapping("/agreements")
    List<AgreementDocument> agreements(Caller caller) {
        return directory.agreements().stream().map(AgreementDocument::of).toList();
    }

    @GetMapping("/agreements/{agreementId}")
    AgreementDocument agreement(Caller caller, @PathVariable String agreementId) {
        return AgreementDocument.of(directory.agreement(agreementId));
    }

    @PostMapping("/agreements")
    ResponseEntity<AgreementDocument> createAgreement(Caller caller, @RequestBody AgreementDocument document) {
        String id = document == null ? "?" : String.valueOf(document.agreementId());
        AgreementDocument created = admin(
                caller,
                AuditAction.UPDATE_AGREEMENT,
                AuditResourceType.AGREEMENT,
                id,
                "create agreement",
                () -> AgreementDocument.of(directory.createAgreement(document)));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @PutMapping("/agreements/{agreementId}")
    AgreementDocument updateAgreement(
            Caller caller, @PathVariable String agreementId, @RequestBody AgreementDocument document) {
        return admin(
                caller,
                AuditAction.UPDATE_AGREEMENT,
                AuditResourceType.AGREEMENT,
                agreementId,
                "update agreement",
                () -> AgreementDocument.of(directory.updateAgreement(agreementId, document)));
    }

    @DeleteMapping("/agreements/{agreementId}")
    AgreementDocument deactivateAgreement(Caller caller, @PathVariable String agreementId) {
        return admin(
                caller,
                AuditAction.UPDATE_AGREEMENT,
                AuditResourceType.AGREEMENT,
                agreementId,
                "deactivate agreement",
                () -> AgreementDocument.of(directory.deactivateAgreement(agreementId)));
    }

    private CredentialDocument issueAudited(Caller caller, String deskId, String purpose) {
        DeskAccess.Issued issued = requireIssuer().issue(deskId);
        audit.allowed(
                caller,
                AuditAction.UPDATE_DESK,
                AuditResourceType.DESK_PROFILE,
                deskId,
                issued.rotated() ? "rotate the desk's Kafka credential" : purpose);
        return CredentialDocument.of(deskId, issued, clock.instant());
    }

    private DeskAccess requireIssuer() {
        return issuer.orElseThrow(() -> ProblemException.conflict("This installation's Kafka has no ACLs, so desks"
                + " have no Kafka credentials: routing issues them when CROSSDESK_ROUTING_ISSUER_USERNAME and _PASSWORD"
                + " are set (docs/security.md)"));
    }

    private void requireAdmin(Caller caller, String deskId, String purpose) {
        if (!caller.has(Role.ADMIN)) {
            audit.denied(
                    caller,
                    AuditAction.UPDATE_DESK,
                    AuditResourceType.DESK_PROFILE,
                    deskId,
                    "Only an ADMIN may " + purpose);
        }
        caller.require(Role.ADMIN);
    }

    private <T> T admin(
            Caller caller, AuditAction action, AuditResourceType type, String id, String purpose, Supplier<T> change) {
        if (!caller.has(Role.ADMIN)) {
            audit.denied(caller, action, type, id, "Only an ADMIN may " + purpose);
        }
        caller.require(Role.ADMIN);
        T result = change.get();
        audit.allowed(caller, action, type, id, purpose);
        return result;
    }
}
