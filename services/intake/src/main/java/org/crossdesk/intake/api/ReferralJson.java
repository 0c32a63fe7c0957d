package org.crossdesk.intake.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON a desk sends over HTTP: field for field the Avro {@code ReferralSubmission} and its parts, so a
 * field's path (and every error about it) is the same in JSON and in Avro. Enumerations travel as their
 * symbol names (strings) and are parsed by {@link ReferralJsonMapper}, which answers an unknown symbol
 * with the list of allowed ones instead of rejecting the whole body as unreadable.
 *
 * <p>The bean-validation annotations state what must be present; every other rule is the shared
 * {@code SubmissionValidator}'s, run on the mapped Avro record.
 */
final class ReferralJson {

    private ReferralJson() {}

    /**
     * A referral (the body of {@code POST /api/v1/referrals}).
     *
     * @param deskReference optional when the {@code Idempotency-Key} header carries it
     * @param issuingDesk   optional: defaults to the caller's desk, and must equal it if given
     * @param details       the branch for {@code type}: fugitive fields, drug trafficking fields or
     *                      counter-terrorism fields (see {@link Details})
     */
    record Submission(
            String deskReference,
            String issuingDesk,
            @NotBlank String type,
            @NotBlank String priority,
            @NotBlank String purpose,
            @NotNull @Valid LegalBasis legalBasis,
            @NotNull @Valid Handling handling,
            @NotNull @Valid Evaluation evaluation,
            @NotBlank String summary,
            List<@Valid Person> subjects,
            List<String> requestedDesks,
            List<String> excludedDesks,
            Boolean broadcast,
            LocalDate reviewOn,
            @NotNull @Valid Details details) {}

    record LegalBasis(@NotBlank String type, @NotBlank String reference, String description) {}

    record Handling(@NotBlank String code, String caveat) {}

    record Evaluation(
            @NotBlank String scheme,
            @NotBlank String source,
            @NotBlank String content) {}

    record Person(
            @NotBlank String personId,
            @NotEmpty List<@Valid PersonName> names,
            LocalDate dateOfBirth,
            String placeOfBirth,
            @NotBlank String sex,
            List<String> nationalities,
            List<@Valid IdentityDocument> identityDocuments,
            List<String> distinguishingMarks,
            @NotBlank String role) {}

    record PersonName(
            @NotBlank String familyName,
            List<String> givenNames,
            String originalScriptName,
            @NotBlank String nameType) {}

    record IdentityDocument(
            @NotBlank String type,
            @NotBlank String number,
            @NotBlank String issuingCountry,
            LocalDate expiresOn) {}

    /**
     * Type-specific details. Avro holds them in a union; JSON holds one object whose fields are those of the
     * branch matching {@code type} (FUGITIVE: warrants, lastKnownLocations, extraditionIntended, cautions;
     * DRUG_TRAFFICKING: substances, route, concealment, conveyances, organisations, seizureReferences;
     * COUNTER_TERRORISM: threatType, imminence, organisation, targets, sectors, countriesConcerned,
     * sanctionsReferences). A field of another branch is an error, not silently dropped.
     */
    record Details(
            List<@Valid Warrant> warrants,
            List<@Valid Location> lastKnownLocations,
            Boolean extraditionIntended,
            List<String> cautions,
            List<@Valid Substance> substances,
            @Valid Route route,
            String concealment,
            List<@Valid Conveyance> conveyances,
            List<String> organisations,
            List<String> seizureReferences,
            String threatType,
            String imminence,
            String organisation,
            List<String> targets,
            List<String> sectors,
            List<String> countriesConcerned,
            List<String> sanctionsReferences) {}

    record Warrant(
            @NotBlank String personId,
            @NotBlank String issuingCountry,
            @NotBlank String issuingAuthority,
            @NotBlank String reference,
            @NotNull LocalDate issuedOn,
            @NotBlank String charge,
            String chargeTranslation,
            @NotBlank String chargeLanguage,
            Integer maximumPenaltyMonths,
            Integer sentenceRemainingMonths,
            @NotBlank String offenceCategory) {}

    record Location(@NotBlank String country, String place, Instant seenAt, String description) {}

    record Substance(
            @NotBlank String name,
            @NotNull Double quantity,
            @NotBlank String unit) {}

    record Route(
            @NotBlank String originCountry,
            List<String> transitCountries,
            @NotBlank String destinationCountry) {}

    record Conveyance(@NotBlank String kind, @NotBlank String identifier, String description) {}

    /** Body of {@code POST /api/v1/referrals/{id}/amendments}: why, and the complete new version. */
    record Amendment(
            @NotBlank String reason, @NotNull @Valid Submission submission) {}

    /** Body of {@code POST /api/v1/referrals/{id}/withdrawal}. */
    record Withdrawal(@NotBlank String reason) {}

    /** Body of {@code POST /api/v1/alerts/{alertId}/acknowledgement}. */
    record Acknowledgement(@NotBlank String acknowledgedBy, String note) {}

    /** Body of {@code POST /api/v1/alerts/{alertId}/actions}. */
    record ActionReport(@NotBlank String outcome, @NotBlank String details) {}
}
