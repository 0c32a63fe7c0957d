package org.crossdesk.routing.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.crossdesk.events.directory.CooperationAgreement;

/**
 * A cooperation agreement as the admin API and the seed file write it: the fields of the Avro
 * {@code CooperationAgreement}, with dates as ISO text ({@code 2024-12-12}).
 *
 * @param agreementId stable id, upper-case letters, digits and hyphens
 * @param name        human-readable name
 * @param countries   direct parties, ISO 3166-1 alpha-2
 * @param frameworks  frameworks that are parties (INTERPOL, EU, ...)
 * @param members     member countries of those frameworks
 * @param crimeAreas  referral types covered
 * @param legalBasis  the legal basis
 * @param validFrom   first day it applies
 * @param validTo     last day it applies, or null if open-ended
 * @param active      whether it is in force (default true; false when suspended)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgreementDocument(
        String agreementId,
        String name,
        List<String> countries,
        List<String> frameworks,
        List<String> members,
        List<String> crimeAreas,
        LegalBasisDocument legalBasis,
        String validFrom,
        String validTo,
        Boolean active) {

    /**
     * The legal basis of an agreement.
     *
     * @param type        INTERPOL_RULES, BILATERAL_AGREEMENT, MUTUAL_LEGAL_ASSISTANCE_TREATY, EUROPEAN_ARREST_WARRANT,
     *                    EU_DIRECTIVE_2023_977, PRUM or OTHER
     * @param reference   reference of the instrument
     * @param description optional description
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LegalBasisDocument(String type, String reference, String description) {}

    /** The document of a stored agreement. */
    public static AgreementDocument of(CooperationAgreement agreement) {
        return new AgreementDocument(
                agreement.getAgreementId(),
                agreement.getName(),
                agreement.getCountries(),
                agreement.getFrameworks(),
                agreement.getMembers(),
                agreement.getCrimeAreas().stream().map(Enum::name).toList(),
                new LegalBasisDocument(
                        agreement.getLegalBasis().getType().name(),
                        agreement.getLegalBasis().getReference(),
                        agreement.getLegalBasis().getDescription()),
                agreement.getValidFrom().toString(),
                agreement.getValidTo() == null ? null : agreement.getValidTo().toString(),
                agreement.getActive());
    }

    /** This document with another agreement id (the one of the URL path). */
    AgreementDocument withAgreementId(String id) {
        return new AgreementDocument(
                id, name, countries, frameworks, members, crimeAreas, legalBasis, validFrom, validTo, active);
    }
}
