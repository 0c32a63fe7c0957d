package org.crossdesk.routing.directory;

import java.util.List;
import java.util.function.Supplier;
import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditResourceType;
import org.crossdesk.platform.audit.AuditLog;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.security.Role;
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

  DirectoryController(DirectoryService directory, AuditLog audit) {
    this.directory = directory;
    this.audit = audit;
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
  ResponseEntity<DeskDocument> createDesk(Caller caller, @RequestBody DeskDocument document) {
    String id = document == null ? "?" : String.valueOf(document.deskId());
    DeskDocument created = admin(caller, AuditAction.UPDATE_DESK, AuditResourceType.DESK_PROFILE, id, "create desk",
        () -> DeskDocument.of(directory.createDesk(document)));
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @PutMapping("/desks/{deskId}")
  DeskDocument updateDesk(Caller caller, @PathVariable String deskId, @RequestBody DeskDocument document) {
    return admin(caller, AuditAction.UPDATE_DESK, AuditResourceType.DESK_PROFILE, deskId, "update desk",
        () -> DeskDocument.of(directory.updateDesk(deskId, document)));
  }

  @DeleteMapping("/desks/{deskId}")
  DeskDocument deactivateDesk(Caller caller, @PathVariable String deskId) {
    return admin(caller, AuditAction.UPDATE_DESK, AuditResourceType.DESK_PROFILE, deskId, "deactivate desk",
        () -> DeskDocument.of(directory.deactivateDesk(deskId)));
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
    AgreementDocument created = admin(caller, AuditAction.UPDATE_AGREEMENT, AuditResourceType.AGREEMENT, id,
        "create agreement", () -> AgreementDocument.of(directory.createAgreement(document)));
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @PutMapping("/agreements/{agreementId}")
  AgreementDocument updateAgreement(Caller caller, @PathVariable String agreementId,
                                    @RequestBody AgreementDocument document) {
    return admin(caller, AuditAction.UPDATE_AGREEMENT, AuditResourceType.AGREEMENT, agreementId, "update agreement",
        () -> AgreementDocument.of(directory.updateAgreement(agreementId, document)));
  }

  @DeleteMapping("/agreements/{agreementId}")
  AgreementDocument deactivateAgreement(Caller caller, @PathVariable String agreementId) {
    return admin(caller, AuditAction.UPDATE_AGREEMENT, AuditResourceType.AGREEMENT, agreementId,
        "deactivate agreement", () -> AgreementDocument.of(directory.deactivateAgreement(agreementId)));
  }

  private <T> T admin(Caller caller, AuditAction action, AuditResourceType type, String id, String purpose,
                      Supplier<T> change) {
    if (!caller.has(Role.ADMIN)) {
      audit.denied(caller, action, type, id, "Only an ADMIN may " + purpose);
    }
    caller.require(Role.ADMIN);
    T result = change.get();
    audit.allowed(caller, action, type, id, purpose);
    return result;
  }

}
