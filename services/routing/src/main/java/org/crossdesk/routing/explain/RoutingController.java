package org.crossdesk.routing.explain;

import java.util.List;
import java.util.Optional;
import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditResourceType;
import org.crossdesk.platform.audit.AuditLog;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.security.Role;
import org.crossdesk.platform.web.ProblemException;
import org.crossdesk.routing.directory.DirectoryStore;
import org.crossdesk.routing.fanout.RecipientLedger;
import org.crossdesk.routing.fanout.RoutedReferral;
import org.crossdesk.routing.policy.RoutingPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Why a referral went where it went. {@code GET /api/v1/routing/{referralId}} answers the recorded
 * decision to its issuer and to admins (every read audited, refusals too); {@code POST
 * /api/v1/routing/preview} runs the policy on a submission against the current directory and publishes
 * nothing. A decision another instance holds is asked of it ({@link PeerDecisions}).
 */
@RestController
@RequestMapping("/api/v1/routing")
class RoutingController {

    private final RecipientLedger ledger;
    private final RoutingPolicy policy;
    private final DirectoryStore directory;
    private final AuditLog audit;
    private final PeerDecisions peers;

    RoutingController(
            RecipientLedger ledger,
            RoutingPolicy policy,
            DirectoryStore directory,
            AuditLog audit,
            PeerDecisions peers) {
        this.peers = peers;
        this.ledger = ledger;
        this.policy = policy;
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/{referralId}")
    ResponseEntity<?> explain(
            Caller caller,
            @PathVariable String referralId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = PeerDecisions.FORWARDED_HEADER, required = false) String forwardedBy) {
        RoutedReferral referral =
                ledger.get(referralId).filter(RoutedReferral::isRouted).orElse(null);
        if (referral == null && forwardedBy == null && peers.any()) {
            // Another instance routes this referral's partition: its answer (or refusal), audited there.
            Optional<PeerDecisions.Answer> answer;
            try {
                answer = peers.ask(referralId, authorization);
            } catch (PeerDecisions.PeerUnavailableException e) {
                throw new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "The routing instance that may hold this decision did not answer (" + e.getMessage()
                                + "); try again shortly.",
                        List.of());
            }
            if (answer.isPresent()) {
                return ResponseEntity.status(answer.get().status())
                        .contentType(MediaType.parseMediaType(answer.get().contentType()))
                        .body(answer.get().body());
            }
        }
        if (referral == null) {
            audit.denied(
                    caller, AuditAction.READ_REFERRAL, AuditResourceType.REFERRAL, referralId, "not routed or unknown");
            throw ProblemException.notFound("No routing decision for referral " + referralId);
        }
        if (!caller.has(Role.ADMIN) && !caller.isDesk(referral.issuingDesk())) {
            audit.denied(
                    caller,
                    AuditAction.READ_REFERRAL,
                    AuditResourceType.REFERRAL,
                    referralId,
                    "only the issuing desk and admins may read a routing decision");
            throw ProblemException.forbidden(
                    "Only the issuing desk and admins may read the routing decision of " + referralId);
        }
        audit.allowed(
                caller, AuditAction.READ_REFERRAL, AuditResourceType.REFERRAL, referralId, "explain routing decision");
        return ResponseEntity.ok(DecisionDocument.of(referral));
    }

    @PostMapping("/preview")
    DecisionDocument preview(Caller caller, @RequestBody PreviewRequest request) {
        String issuer;
        if (caller.has(Role.ADMIN)) {
            issuer = request.issuingDesk();
        } else {
            issuer = caller.requireDesk();
            if (request.issuingDesk() != null && !request.issuingDesk().equals(issuer)) {
                throw ProblemException.forbidden(
                        "A desk previews its own referrals only: issuingDesk must be " + issuer);
            }
        }
        return DecisionDocument.preview(policy.decide(request.toRoutingRequest(issuer), directory.snapshot()));
    }
}
