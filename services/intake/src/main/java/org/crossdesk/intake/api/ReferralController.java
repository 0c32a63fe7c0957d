package org.crossdesk.intake.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditResourceType;
import org.crossdesk.events.outbox.ReferralAmendment;
import org.crossdesk.events.outbox.ReferralWithdrawal;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.intake.cases.CaseStatus;
import org.crossdesk.intake.gateway.Answer;
import org.crossdesk.intake.gateway.ReferralGateway;
import org.crossdesk.intake.gateway.Refusals;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.intake.validation.Violation;
import org.crossdesk.platform.audit.AuditLog;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.security.Role;
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
 * {@code /api/v1/referrals}: a desk submits, amends, withdraws and reads its referrals. Maps JSON to Avro
 * and back; every decision is {@link ReferralGateway}'s.
 */
@RestController
@RequestMapping(path = "/api/v1/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
class ReferralController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PURPOSE = "X-Purpose";
    private static final String BASE = "/api/v1/referrals/";

    private final ReferralGateway gateway;
    private final Shapes shapes;
    private final AuditLog audit;

    ReferralController(ReferralGateway gateway, Shapes shapes, AuditLog audit) {
        this.gateway = gateway;
        this.shapes = shapes;
        this.audit = audit;
    }

    /**
     * Submits a referral. 202 with the new referral id once Kafka has the outbox record; 200 with the same id
     * when this exact content was already submitted under this desk reference.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReferralAnswerJson> submit(
            Caller caller,
            @RequestBody ReferralJson.Submission body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        String desk = caller.requireDesk();
        List<Violation> shape = new ArrayList<>(shapes.of(body));
        String reference = body.deskReference() != null ? body.deskReference() : key;
        if (key != null && body.deskReference() != null && !key.equals(body.deskReference())) {
            shape.add(new Violation(
                    ReasonCode.IDEMPOTENCY_KEY_MISMATCH,
                    "deskReference",
                    "the Idempotency-Key header and deskReference differ; send one, or the same value in both"));
        }
        String issuingDesk = issuingDesk(desk, body.issuingDesk(), "issuingDesk");
        ReferralJsonMapper.Mapped<ReferralSubmission> mapped =
                ReferralJsonMapper.submission(body, reference, issuingDesk, "");
        shape.addAll(mapped.violations());
        return answer(gateway.submit(desk, caller.name(), mapped.value(), shape), true);
    }

    /** The referral's status and each recipient's progress, for its issuer and its recipients. Audited. */
    @GetMapping("/{referralId}")
    CaseStatusJson status(
            Caller caller,
            @PathVariable String referralId,
            @RequestHeader(name = PURPOSE, required = false) String purpose) {
        boolean oversight = caller.has(Role.SUPERVISOR) || caller.has(Role.AUDITOR) || caller.has(Role.ADMIN);
        Predicate<CaseStatus> mayRead =
                s -> oversight || caller.has(Role.DESK) && s.isIssuerOrRecipient(caller.deskId());
        Optional<CaseStatus> status = gateway.status(referralId, mayRead);
        if (status.isEmpty()) {
            audit.denied(caller, AuditAction.READ_REFERRAL, AuditResourceType.REFERRAL, referralId, "no such referral");
            throw Refusals.of(new Violation(
                    ReasonCode.UNKNOWN_REFERRAL, "referralId", "no referral " + referralId + " is known"));
        }
        if (!mayRead.test(status.get())) {
            audit.denied(
                    caller,
                    AuditAction.READ_REFERRAL,
                    AuditResourceType.REFERRAL,
                    referralId,
                    "desk is neither issuer nor recipient");
            throw Refusals.of(new Violation(
                    caller.has(Role.DESK) ? ReasonCode.NOT_RECIPIENT : ReasonCode.DESK_MISMATCH,
                    "referralId",
                    "only the issuing desk and the desks that received referral " + referralId + " may read it"));
        }
        audit.allowed(caller, AuditAction.READ_REFERRAL, AuditResourceType.REFERRAL, referralId, purpose);
        return CaseStatusJson.of(status.get());
    }

    /** Amends a referral the caller's desk issued: the complete new version. 202 once Kafka has it. */
    @PostMapping(path = "/{referralId}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReferralAnswerJson> amend(
            Caller caller, @PathVariable String referralId, @RequestBody ReferralJson.Amendment body) {
        String desk = caller.requireDesk();
        List<Violation> shape = new ArrayList<>(shapes.of(body));
        ReferralSubmission submission = null;
        if (body.submission() != null) {
            String issuingDesk = issuingDesk(desk, body.submission().issuingDesk(), "submission.issuingDesk");
            ReferralJsonMapper.Mapped<ReferralSubmission> mapped = ReferralJsonMapper.submission(
                    body.submission(), body.submission().deskReference(), issuingDesk, "submission.");
            shape.addAll(mapped.violations());
            submission = mapped.value();
        }
        ReferralAmendment amendment = new ReferralAmendment(referralId, body.reason(), submission);
        return answer(gateway.amend(desk, caller.name(), referralId, amendment, shape), false);
    }

    /** Withdraws a referral the caller's desk issued; every recipient is told to purge it. 202 once Kafka has it. */
    @PostMapping(path = "/{referralId}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReferralAnswerJson> withdraw(
            Caller caller, @PathVariable String referralId, @RequestBody ReferralJson.Withdrawal body) {
        String desk = caller.requireDesk();
        ReferralWithdrawal withdrawal = new ReferralWithdrawal(referralId, body.reason());
        return answer(gateway.withdraw(desk, caller.name(), referralId, withdrawal, shapes.of(body)), false);
    }

    /** A desk acts only as itself: the body may name the caller's desk, or no desk. */
    private static String issuingDesk(String callerDesk, String claimed, String field) {
        if (claimed != null && !claimed.equals(callerDesk)) {
            throw Refusals.of(new Violation(
                    ReasonCode.DESK_MISMATCH,
                    field,
                    "you act as " + callerDesk + " and cannot submit for '" + claimed + "'"));
        }
        return callerDesk;
    }

    static ResponseEntity<ReferralAnswerJson> answer(Answer answer, boolean issuerLinks) {
        Map<String, String> links = new LinkedHashMap<>();
        String self = BASE + answer.referralId();
        links.put("self", self);
        if (issuerLinks) {
            links.put("amendments", self + "/amendments");
            links.put("withdrawal", self + "/withdrawal");
        }
        ReferralAnswerJson body =
                new ReferralAnswerJson(answer.referralId(), answer.status().name(), links);
        return ResponseEntity.status(answer.written() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create(self))
                .body(body);
    }
}
