package org.crossdesk.intake.api;

import java.util.ArrayList;
import java.util.List;
import org.crossdesk.events.outbox.ActionOutcome;
import org.crossdesk.events.outbox.ActionReport;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.intake.gateway.ReferralGateway;
import org.crossdesk.intake.gateway.Refusals;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.intake.validation.Violation;
import org.crossdesk.platform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alerts/{alertId}}: a recipient desk acknowledges an alert or reports action on it. The
 * alert id is {@code <referralId>/<recipientDesk>} and appears in the path as it is, slash included (two
 * path segments), because servlet containers refuse an encoded slash.
 */
@RestController
@RequestMapping(path = "/api/v1/alerts/{referralId}/{recipientDesk}", produces = MediaType.APPLICATION_JSON_VALUE)
class AlertController {

    private final ReferralGateway gateway;
    private final Shapes shapes;

    AlertController(ReferralGateway gateway, Shapes shapes) {
        this.gateway = gateway;
        this.shapes = shapes;
    }

    /** An officer at the recipient desk has taken the alert. 202 once Kafka has it; 200 if already acknowledged. */
    @PostMapping(path = "/acknowledgement", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReferralAnswerJson> acknowledge(
            Caller caller,
            @PathVariable String referralId,
            @PathVariable String recipientDesk,
            @RequestBody ReferralJson.Acknowledgement body) {
        String desk = ownAlert(caller, recipientDesk);
        AlertAcknowledgement ack = new AlertAcknowledgement(referralId, body.acknowledgedBy(), body.note());
        return ReferralController.answer(
                gateway.acknowledge(desk, caller.name(), referralId, ack, shapes.of(body)), false);
    }

    /** The recipient desk reports what it did. 202 once Kafka has it. */
    @PostMapping(path = "/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReferralAnswerJson> reportAction(
            Caller caller,
            @PathVariable String referralId,
            @PathVariable String recipientDesk,
            @RequestBody ReferralJson.ActionReport body) {
        String desk = ownAlert(caller, recipientDesk);
        List<Violation> shape = new ArrayList<>(shapes.of(body));
        ReferralJsonMapper.Mapped<ActionOutcome> outcome = ReferralJsonMapper.outcome(body.outcome());
        shape.addAll(outcome.violations());
        ActionReport report = new ActionReport(referralId, outcome.value(), body.details());
        return ReferralController.answer(gateway.reportAction(desk, caller.name(), referralId, report, shape), false);
    }

    /** A desk answers only for its own alerts. */
    private static String ownAlert(Caller caller, String recipientDesk) {
        String desk = caller.requireDesk();
        if (!desk.equals(recipientDesk)) {
            throw Refusals.of(new Violation(
                    ReasonCode.DESK_MISMATCH,
                    "alertId",
                    "you act as " + desk + " and cannot answer for the alert of " + recipientDesk));
        }
        return desk;
    }
}
