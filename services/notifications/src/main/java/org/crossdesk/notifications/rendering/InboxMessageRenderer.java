package org.crossdesk.notifications.rendering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.crossdesk.events.common.Evaluation;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.common.Handling;
import org.crossdesk.events.common.IdentityDocument;
import org.crossdesk.events.common.LegalBasis;
import org.crossdesk.events.common.Location;
import org.crossdesk.events.common.Person;
import org.crossdesk.events.common.PersonName;
import org.crossdesk.events.common.Warrant;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.AlertAmended;
import org.crossdesk.events.inbox.AlertWithdrawn;
import org.crossdesk.events.inbox.DeadlineNotice;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.RecipientResponse;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.referral.Conveyance;
import org.crossdesk.events.referral.CounterTerrorismDetails;
import org.crossdesk.events.referral.DrugRoute;
import org.crossdesk.events.referral.DrugTraffickingDetails;
import org.crossdesk.events.referral.FugitiveDetails;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.RejectionReason;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.referral.Substance;
import org.crossdesk.events.referral.WithheldCandidate;
import org.crossdesk.notifications.rendering.InboxMessageDocument.AlertAmendedDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.AlertDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.AlertWithdrawnDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.ConveyanceDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.CounterTerrorismDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.DeadlineNoticeDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.DrugRouteDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.DrugTraffickingDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.EvaluationDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.FugitiveDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.HandlingDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.IdentityDocumentDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.LegalBasisDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.LocationDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.PersonDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.PersonNameDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.RecipientResponseDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.RejectionReasonDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.RoutedRecipientDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.SubmissionDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.SubmissionReceiptDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.SubstanceDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.WarrantDocument;
import org.crossdesk.notifications.rendering.InboxMessageDocument.WithheldCandidateDocument;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders inbox messages as {@link InboxMessageDocument} JSON: the one rendering shared by webhooks and
 * the live stream. Field by field, so a schema change cannot silently change what partners receive.
 */
public final class InboxMessageRenderer {

    private final JsonMapper json;

    public InboxMessageRenderer(JsonMapper json) {
        this.json = json;
    }

    /** A renderer with a plain mapper: the documents carry only strings, numbers, booleans and lists. */
    public static InboxMessageRenderer standard() {
        return new InboxMessageRenderer(JsonMapper.builder().build());
    }

    /** The mapper documents are written with. */
    public JsonMapper mapper() {
        return json;
    }

    /** {@code message} from the inbox of {@code deskId} as compact JSON text. */
    public String renderJson(String deskId, InboxMessage message) {
        return json.writeValueAsString(document(deskId, message));
    }

    /** {@code message} from the inbox of {@code deskId} as a document. */
    public InboxMessageDocument document(String deskId, InboxMessage message) {
        EventMetadata metadata = message.getMetadata();
        MessageFacts facts = MessageFacts.of(message);
        Object body = message.getMessage();
        return new InboxMessageDocument(
                metadata.getEventId(),
                facts.kind().name(),
                deskId,
                facts.referralId(),
                text(metadata.getOccurredAt()),
                metadata.getProducer(),
                metadata.getCorrelationId(),
                metadata.getCausationId(),
                body instanceof Alert alert ? alert(alert) : null,
                body instanceof AlertAmended amended ? amended(amended) : null,
                body instanceof AlertWithdrawn withdrawn
                        ? new AlertWithdrawnDocument(
                                withdrawn.getAlertId(), withdrawn.getReferralId(), withdrawn.getReason())
                        : null,
                body instanceof SubmissionReceipt receipt ? receipt(receipt) : null,
                body instanceof RecipientResponse response ? response(response) : null,
                body instanceof DeadlineNotice notice ? notice(notice) : null);
    }

    private static AlertDocument alert(Alert alert) {
        return new AlertDocument(
                alert.getAlertId(),
                alert.getReferralId(),
                alert.getIssuingDesk(),
                alert.getRecipientDesk(),
                name(alert.getType()),
                name(alert.getPriority()),
                handling(alert.getHandling()),
                submission(alert.getSubmission()),
                List.copyOf(alert.getRoutingReasons()),
                text(alert.getAckDueAt()),
                text(alert.getResponseDueAt()),
                alert.getOnwardForwardingAllowed(),
                alert.getEvidentialUseAllowed());
    }

    private static AlertAmendedDocument amended(AlertAmended amended) {
        return new AlertAmendedDocument(
                amended.getAlertId(),
                amended.getReferralId(),
                amended.getVersion(),
                submission(amended.getSubmission()),
                amended.getReason());
    }

    private static SubmissionReceiptDocument receipt(SubmissionReceipt receipt) {
        return new SubmissionReceiptDocument(
                receipt.getDeskReference(),
                receipt.getReferralId(),
                name(receipt.getStatus()),
                map(receipt.getReasons(), InboxMessageRenderer::reason),
                name(receipt.getSubjectOfReceipt()),
                map(receipt.getRecipients(), InboxMessageRenderer::recipient),
                map(receipt.getWithheld(), InboxMessageRenderer::withheld));
    }

    private static RecipientResponseDocument response(RecipientResponse response) {
        return new RecipientResponseDocument(
                response.getReferralId(),
                response.getRespondingDesk(),
                name(response.getKind()),
                name(response.getOutcome()),
                response.getDetails(),
                text(response.getRespondedAt()));
    }

    private static DeadlineNoticeDocument notice(DeadlineNotice notice) {
        return new DeadlineNoticeDocument(
                notice.getReferralId(),
                notice.getAlertId(),
                notice.getRecipientDesk(),
                name(notice.getKind()),
                text(notice.getDueAt()),
                text(notice.getBreachedAt()),
                name(notice.getRole()));
    }

    private static SubmissionDocument submission(ReferralSubmission submission) {
        Object details = submission.getDetails();
        return new SubmissionDocument(
                submission.getDeskReference(),
                submission.getIssuingDesk(),
                name(submission.getType()),
                name(submission.getPriority()),
                submission.getPurpose(),
                legalBasis(submission.getLegalBasis()),
                handling(submission.getHandling()),
                evaluation(submission.getEvaluation()),
                submission.getSummary(),
                map(submission.getSubjects(), InboxMessageRenderer::person),
                List.copyOf(submission.getRequestedDesks()),
                List.copyOf(submission.getExcludedDesks()),
                submission.getBroadcast(),
                text(submission.getReviewOn()),
                details instanceof FugitiveDetails fugitive ? fugitive(fugitive) : null,
                details instanceof DrugTraffickingDetails drugs ? drugs(drugs) : null,
                details instanceof CounterTerrorismDetails terrorism ? terrorism(terrorism) : null);
    }

    private static HandlingDocument handling(Handling handling) {
        return new HandlingDocument(name(handling.getCode()), handling.getCaveat());
    }

    private static LegalBasisDocument legalBasis(LegalBasis basis) {
        return new LegalBasisDocument(name(basis.getType()), basis.getReference(), basis.getDescription());
    }

    private static EvaluationDocument evaluation(Evaluation evaluation) {
        return new EvaluationDocument(evaluation.getScheme(), evaluation.getSource(), evaluation.getContent());
    }

    private static PersonDocument person(Person person) {
        return new PersonDocument(
                person.getPersonId(),
                map(person.getNames(), InboxMessageRenderer::personName),
                text(person.getDateOfBirth()),
                person.getPlaceOfBirth(),
                name(person.getSex()),
                List.copyOf(person.getNationalities()),
                map(person.getIdentityDocuments(), InboxMessageRenderer::identity),
                List.copyOf(person.getDistinguishingMarks()),
                name(person.getRole()));
    }

    private static PersonNameDocument personName(PersonName name) {
        return new PersonNameDocument(
                name.getFamilyName(),
                List.copyOf(name.getGivenNames()),
                name.getOriginalScriptName(),
                name(name.getNameType()));
    }

    private static IdentityDocumentDocument identity(IdentityDocument document) {
        return new IdentityDocumentDocument(
                name(document.getType()),
                document.getNumber(),
                document.getIssuingCountry(),
                text(document.getExpiresOn()));
    }

    private static FugitiveDocument fugitive(FugitiveDetails details) {
        return new FugitiveDocument(
                map(details.getWarrants(), InboxMessageRenderer::warrant),
                map(details.getLastKnownLocations(), InboxMessageRenderer::location),
                details.getExtraditionIntended(),
                map(details.getCautions(), Enum::name));
    }

    private static WarrantDocument warrant(Warrant warrant) {
        return new WarrantDocument(
                warrant.getPersonId(),
                warrant.getIssuingCountry(),
                warrant.getIssuingAuthority(),
                warrant.getReference(),
                text(warrant.getIssuedOn()),
                warrant.getCharge(),
                warrant.getChargeTranslation(),
                warrant.getChargeLanguage(),
                warrant.getMaximumPenaltyMonths(),
                warrant.getSentenceRemainingMonths(),
                warrant.getOffenceCategory());
    }

    private static LocationDocument location(Location location) {
        return new LocationDocument(
                location.getCountry(), location.getPlace(), text(location.getSeenAt()), location.getDescription());
    }

    private static DrugTraffickingDocument drugs(DrugTraffickingDetails details) {
        DrugRoute route = details.getRoute();
        return new DrugTraffickingDocument(
                map(details.getSubstances(), InboxMessageRenderer::substance),
                new DrugRouteDocument(
                        route.getOriginCountry(),
                        List.copyOf(route.getTransitCountries()),
                        route.getDestinationCountry()),
                details.getConcealment(),
                map(details.getConveyances(), InboxMessageRenderer::conveyance),
                List.copyOf(details.getOrganisations()),
                List.copyOf(details.getSeizureReferences()));
    }

    private static SubstanceDocument substance(Substance substance) {
        return new SubstanceDocument(substance.getName(), substance.getQuantity(), name(substance.getUnit()));
    }

    private static ConveyanceDocument conveyance(Conveyance conveyance) {
        return new ConveyanceDocument(
                name(conveyance.getKind()), conveyance.getIdentifier(), conveyance.getDescription());
    }

    private static CounterTerrorismDocument terrorism(CounterTerrorismDetails details) {
        return new CounterTerrorismDocument(
                name(details.getThreatType()),
                name(details.getImminence()),
                details.getOrganisation(),
                List.copyOf(details.getTargets()),
                List.copyOf(details.getSectors()),
                List.copyOf(details.getCountriesConcerned()),
                List.copyOf(details.getSanctionsReferences()));
    }

    private static RejectionReasonDocument reason(RejectionReason reason) {
        return new RejectionReasonDocument(reason.getCode(), reason.getField(), reason.getMessage());
    }

    private static RoutedRecipientDocument recipient(RoutedRecipient recipient) {
        return new RoutedRecipientDocument(
                recipient.getDeskId(),
                recipient.getCountry(),
                List.copyOf(recipient.getReasons()),
                text(recipient.getAckDueAt()),
                text(recipient.getResponseDueAt()));
    }

    private static WithheldCandidateDocument withheld(WithheldCandidate candidate) {
        return new WithheldCandidateDocument(
                candidate.getDeskId(), candidate.getCountry(), name(candidate.getReason()), candidate.getDetail());
    }

    private static <A, B> List<B> map(List<A> items, Function<A, B> mapping) {
        return items.stream().map(mapping).toList();
    }

    private static String name(Enum<?> symbol) {
        return symbol == null ? null : symbol.name();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
