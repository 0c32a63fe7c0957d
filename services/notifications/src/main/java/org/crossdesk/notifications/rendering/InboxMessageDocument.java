package org.crossdesk.notifications.rendering;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON form of one inbox message, as webhooks and the live stream deliver it (docs/webhooks.md).
 * Explicit records rather than Avro classes through Jackson, so the JSON contract is written down here,
 * changes only on purpose, and never leaks Avro internals. Instants are ISO-8601 UTC strings, calendar
 * dates {@code yyyy-MM-dd}, enums their symbol names. Exactly one of the kind-specific members is present,
 * named after {@link #kind()}.
 */
public record InboxMessageDocument(
        String messageId,
        String kind,
        String deskId,
        String referralId,
        String occurredAt,
        String producer,
        String correlationId,
        String causationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) AlertDocument alert,
        @JsonInclude(JsonInclude.Include.NON_NULL) AlertAmendedDocument alertAmended,
        @JsonInclude(JsonInclude.Include.NON_NULL) AlertWithdrawnDocument alertWithdrawn,
        @JsonInclude(JsonInclude.Include.NON_NULL) SubmissionReceiptDocument submissionReceipt,
        @JsonInclude(JsonInclude.Include.NON_NULL) RecipientResponseDocument recipientResponse,
        @JsonInclude(JsonInclude.Include.NON_NULL) DeadlineNoticeDocument deadlineNotice) {

    /** A referral delivered to this desk. */
    public record AlertDocument(
            String alertId,
            String referralId,
            String issuingDesk,
            String recipientDesk,
            String type,
            String priority,
            HandlingDocument handling,
            SubmissionDocument submission,
            List<String> routingReasons,
            String ackDueAt,
            String responseDueAt,
            boolean onwardForwardingAllowed,
            boolean evidentialUseAllowed) {}

    /** A new version of a referral this desk received. */
    public record AlertAmendedDocument(
            String alertId, String referralId, int version, SubmissionDocument submission, String reason) {}

    /** The issuer withdrew a referral this desk received. */
    public record AlertWithdrawnDocument(String alertId, String referralId, String reason) {}

    /** Crossdesk's answer to a message this desk wrote to its outbox. */
    public record SubmissionReceiptDocument(
            String deskReference,
            String referralId,
            String status,
            List<RejectionReasonDocument> reasons,
            String subjectOfReceipt,
            List<RoutedRecipientDocument> recipients,
            List<WithheldCandidateDocument> withheld) {}

    /** A recipient's response to a referral this desk issued. */
    public record RecipientResponseDocument(
            String referralId,
            String respondingDesk,
            String kind,
            String outcome,
            String details,
            String respondedAt) {}

    /** A recipient missed a deadline. */
    public record DeadlineNoticeDocument(
            String referralId,
            String alertId,
            String recipientDesk,
            String kind,
            String dueAt,
            String breachedAt,
            String role) {}

    /** The referral content. Exactly one of the three details members is present, matching {@link #type()}. */
    public record SubmissionDocument(
            String deskReference,
            String issuingDesk,
            String type,
            String priority,
            String purpose,
            LegalBasisDocument legalBasis,
            HandlingDocument handling,
            EvaluationDocument evaluation,
            String summary,
            List<PersonDocument> subjects,
            List<String> requestedDesks,
            List<String> excludedDesks,
            boolean broadcast,
            String reviewOn,
            @JsonInclude(JsonInclude.Include.NON_NULL) FugitiveDocument fugitive,
            @JsonInclude(JsonInclude.Include.NON_NULL) DrugTraffickingDocument drugTrafficking,
            @JsonInclude(JsonInclude.Include.NON_NULL) CounterTerrorismDocument counterTerrorism) {}

    /** Handling code (H0 to H3) and the issuer's caveat. */
    public record HandlingDocument(String code, String caveat) {}

    /** Declared legal basis. */
    public record LegalBasisDocument(String type, String reference, String description) {}

    /** Evaluation of source and content, e.g. scheme "4x4", source "B", content "2". */
    public record EvaluationDocument(String scheme, String source, String content) {}

    /** A (synthetic) person named in a referral. */
    public record PersonDocument(
            String personId,
            List<PersonNameDocument> names,
            String dateOfBirth,
            String placeOfBirth,
            String sex,
            List<String> nationalities,
            List<IdentityDocumentDocument> identityDocuments,
            List<String> distinguishingMarks,
            String role) {}

    /** One name of a person. */
    public record PersonNameDocument(
            String familyName, List<String> givenNames, String originalScriptName, String nameType) {}

    /** An identity document of a person. */
    public record IdentityDocumentDocument(String type, String number, String issuingCountry, String expiresOn) {}

    /** Fugitive details: warrants, last known locations, cautions. */
    public record FugitiveDocument(
            List<WarrantDocument> warrants,
            List<LocationDocument> lastKnownLocations,
            boolean extraditionIntended,
            List<String> cautions) {}

    /** An arrest warrant. */
    public record WarrantDocument(
            String personId,
            String issuingCountry,
            String issuingAuthority,
            String reference,
            String issuedOn,
            String charge,
            String chargeTranslation,
            String chargeLanguage,
            Integer maximumPenaltyMonths,
            Integer sentenceRemainingMonths,
            String offenceCategory) {}

    /** A place a person was seen or is believed to be. */
    public record LocationDocument(String country, String place, String seenAt, String description) {}

    /** Drug trafficking details: substances, route, conveyances. */
    public record DrugTraffickingDocument(
            List<SubstanceDocument> substances,
            DrugRouteDocument route,
            String concealment,
            List<ConveyanceDocument> conveyances,
            List<String> organisations,
            List<String> seizureReferences) {}

    /** A substance and its quantity. */
    public record SubstanceDocument(String name, double quantity, String unit) {}

    /** Origin, transit and destination countries of a trafficking route. */
    public record DrugRouteDocument(String originCountry, List<String> transitCountries, String destinationCountry) {}

    /** A vehicle, vessel, container or other conveyance. */
    public record ConveyanceDocument(String kind, String identifier, String description) {}

    /** Counter-terrorism details. */
    public record CounterTerrorismDocument(
            String threatType,
            String imminence,
            String organisation,
            List<String> targets,
            List<String> sectors,
            List<String> countriesConcerned,
            List<String> sanctionsReferences) {}

    /** Why a message was rejected, or a notice to read. */
    public record RejectionReasonDocument(String code, String field, String message) {}

    /** A desk that received a referral and its deadlines. */
    public record RoutedRecipientDocument(
            String deskId, String country, List<String> reasons, String ackDueAt, String responseDueAt) {}

    /** A candidate recipient that was withheld, and why. */
    public record WithheldCandidateDocument(String deskId, String country, String reason, String detail) {}
}
