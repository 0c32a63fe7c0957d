package org.crossdesk.routing.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.crossdesk.events.DeskId;
import org.crossdesk.events.common.LegalBasis;
import org.crossdesk.events.common.LegalBasisType;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.directory.EscalationContact;
import org.crossdesk.platform.web.FieldViolation;

/**
 * Checks desk and agreement documents field by field and turns valid ones into the Avro records the
 * directory topics carry. Every wrong field is reported, not just the first.
 */
public final class DirectoryValidation {

    static final Pattern AGREEMENT_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");
    static final Pattern FRAMEWORK = Pattern.compile("[A-Z0-9_]{2,32}");
    // Deliberately simple: an address a duty officer can be reached at, not RFC 5322.
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final int MAX_TEXT = 200;

    private DirectoryValidation() {}

    /** A valid document as a profile, or the violations. */
    public static Result<DeskProfile> desk(DeskDocument document, Instant updatedAt) {
        List<FieldViolation> violations = new ArrayList<>();
        if (document == null) {
            return Result.invalid(List.of(new FieldViolation(null, "REQUIRED", "A desk document is required")));
        }
        String deskId = document.deskId();
        if (deskId == null || deskId.isBlank()) {
            violations.add(required("deskId", "the desk id CC-AGENCY, e.g. DE-BKA"));
        } else if (!DeskId.isValid(deskId)) {
            violations.add(new FieldViolation("deskId", "INVALID_DESK_ID", problemOf(deskId)));
        } else if (document.country() != null && !document.country().equals(deskId.substring(0, 2))) {
            violations.add(new FieldViolation(
                    "country",
                    "COUNTRY_MISMATCH",
                    "The country must be the CC of the desk id (" + deskId.substring(0, 2) + "), got '"
                            + document.country() + "'"));
        }
        text(violations, "agencyName", document.agencyName());
        List<ReferralType> types = referralTypes(violations, "referralTypes", document.referralTypes());
        DeskDocument.ContactDocument contact = document.escalationContact();
        if (contact == null) {
            violations.add(required("escalationContact", "who is alerted when the desk misses a deadline"));
        } else {
            text(violations, "escalationContact.name", contact.name());
            if (contact.email() == null || contact.email().isBlank()) {
                violations.add(required("escalationContact.email", "an e-mail address"));
            } else if (!EMAIL.matcher(contact.email()).matches()) {
                violations.add(new FieldViolation(
                        "escalationContact.email",
                        "INVALID_EMAIL",
                        "'" + contact.email() + "' is not an e-mail address"));
            }
            if (contact.phone() != null && !E164.matcher(contact.phone()).matches()) {
                violations.add(new FieldViolation(
                        "escalationContact.phone",
                        "INVALID_PHONE",
                        "A phone number must be in E.164 form, e.g. +4961155000, got '" + contact.phone() + "'"));
            }
        }
        if (!violations.isEmpty()) {
            return Result.invalid(violations);
        }
        return Result.valid(DeskProfile.newBuilder()
                .setDeskId(deskId)
                .setCountry(deskId.substring(0, 2))
                .setAgencyName(document.agencyName().strip())
                .setReferralTypes(types)
                .setNationalCentralDesk(Boolean.TRUE.equals(document.nationalCentralDesk()))
                .setEscalationContact(EscalationContact.newBuilder()
                        .setName(contact.name().strip())
                        .setEmail(contact.email().strip())
                        .setPhone(contact.phone())
                        .build())
                .setActive(document.active() == null || document.active())
                .setUpdatedAt(updatedAt)
                .build());
    }

    /**
     * The rules a valid profile must keep with the rest of the directory: one active national central desk
     * per country, because it is the fallback recipient for the whole country.
     */
    public static List<FieldViolation> deskRules(DeskProfile desk, Directory directory) {
        if (desk.getNationalCentralDesk() && desk.getActive()) {
            for (DeskProfile other : directory.desksIn(desk.getCountry())) {
                if (!other.getDeskId().equals(desk.getDeskId())
                        && other.getNationalCentralDesk()
                        && other.getActive()) {
                    return List.of(new FieldViolation(
                            "nationalCentralDesk",
                            "CENTRAL_DESK_EXISTS",
                            desk.getCountry() + " already has an active national central desk, " + other.getDeskId()
                                    + "; deactivate it or mark it as not central first"));
                }
            }
        }
        return List.of();
    }

    /** A valid document as an agreement, or the violations. */
    public static Result<CooperationAgreement> agreement(AgreementDocument document) {
        if (document == null) {
            return Result.invalid(List.of(new FieldViolation(null, "REQUIRED", "An agreement document is required")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (document.agreementId() == null || document.agreementId().isBlank()) {
            violations.add(required("agreementId", "a stable id such as BILAT-FR-TH-DRUGS"));
        } else if (!AGREEMENT_ID.matcher(document.agreementId()).matches()) {
            violations.add(new FieldViolation(
                    "agreementId",
                    "INVALID_AGREEMENT_ID",
                    "An agreement id has 2 to 64 upper-case letters, digits and hyphens, got '" + document.agreementId()
                            + "'"));
        }
        text(violations, "name", document.name());
        List<String> countries = countries(violations, "countries", document.countries());
        List<String> members = countries(violations, "members", document.members());
        List<String> frameworks = document.frameworks() == null ? List.of() : document.frameworks();
        for (int i = 0; i < frameworks.size(); i++) {
            if (frameworks.get(i) == null
                    || !FRAMEWORK.matcher(frameworks.get(i)).matches()) {
                violations.add(new FieldViolation(
                        "frameworks[" + i + "]",
                        "INVALID_FRAMEWORK",
                        "A framework is 2 to 32 upper-case letters, digits or underscores, e.g. INTERPOL, got '"
                                + frameworks.get(i) + "'"));
            }
        }
        if (!members.isEmpty() && frameworks.isEmpty()) {
            violations.add(new FieldViolation(
                    "frameworks",
                    "FRAMEWORK_REQUIRED",
                    "Members belong to a framework: name it (e.g. EU) or list the countries as direct parties"));
        }
        Set<String> parties = new HashSet<>(countries);
        parties.addAll(members);
        if (parties.size() < 2) {
            violations.add(new FieldViolation(
                    "countries",
                    "TOO_FEW_PARTIES",
                    "An agreement binds at least two countries (countries and members together), got "
                            + parties.size()));
        }
        List<ReferralType> areas = referralTypes(violations, "crimeAreas", document.crimeAreas());
        LegalBasis legalBasis = null;
        if (document.legalBasis() == null) {
            violations.add(required("legalBasis", "the legal basis: type and reference"));
        } else {
            LegalBasisType type = null;
            try {
                type = document.legalBasis().type() == null
                        ? null
                        : LegalBasisType.valueOf(
                                document.legalBasis().type().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation(
                        "legalBasis.type",
                        "INVALID_LEGAL_BASIS_TYPE",
                        "Unknown legal basis type '" + document.legalBasis().type() + "'; one of "
                                + Arrays.toString(LegalBasisType.values())));
            }
            if (document.legalBasis().type() == null) {
                violations.add(required("legalBasis.type", "one of " + Arrays.toString(LegalBasisType.values())));
            }
            text(violations, "legalBasis.reference", document.legalBasis().reference());
            if (type != null
                    && document.legalBasis().reference() != null
                    && !document.legalBasis().reference().isBlank()) {
                legalBasis = LegalBasis.newBuilder()
                        .setType(type)
                        .setReference(document.legalBasis().reference().strip())
                        .setDescription(document.legalBasis().description())
                        .build();
            }
        }
        LocalDate from = date(violations, "validFrom", document.validFrom(), true);
        LocalDate to = date(violations, "validTo", document.validTo(), false);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new FieldViolation(
                    "validTo", "ENDS_BEFORE_START", "validTo (" + to + ") is before validFrom (" + from + ")"));
        }
        if (!violations.isEmpty()) {
            return Result.invalid(violations);
        }
        return Result.valid(CooperationAgreement.newBuilder()
                .setAgreementId(document.agreementId())
                .setName(document.name().strip())
                .setCountries(countries)
                .setFrameworks(List.copyOf(frameworks))
                .setMembers(members)
                .setCrimeAreas(areas)
                .setLegalBasis(legalBasis)
                .setValidFrom(from)
                .setValidTo(to)
                .setActive(document.active() == null || document.active())
                .build());
    }

    private static List<ReferralType> referralTypes(
            List<FieldViolation> violations, String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            violations.add(required(field, "at least one of FUGITIVE, DRUG_TRAFFICKING, COUNTER_TERRORISM"));
            return List.of();
        }
        Set<ReferralType> types = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            ReferralType type = null;
            try {
                type = value == null ? null : ReferralType.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (type == null || type == ReferralType.UNKNOWN) {
                violations.add(new FieldViolation(
                        field + "[" + i + "]",
                        "INVALID_REFERRAL_TYPE",
                        "'" + value + "' is not one of FUGITIVE, DRUG_TRAFFICKING, COUNTER_TERRORISM"));
            } else {
                types.add(type);
            }
        }
        return List.copyOf(types);
    }

    private static List<String> countries(List<FieldViolation> violations, String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> countries = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !isCountry(value)) {
                violations.add(new FieldViolation(
                        field + "[" + i + "]",
                        "INVALID_COUNTRY",
                        "'" + value + "' is not an upper-case ISO 3166-1 alpha-2 country code"));
            } else {
                countries.add(value);
            }
        }
        return List.copyOf(countries);
    }

    /** Whether {@code value} is an assigned ISO 3166-1 alpha-2 code (or XK), as desk ids require. */
    public static boolean isCountry(String value) {
        return value != null && value.length() == 2 && DeskId.isValid(value + "-XX");
    }

    private static LocalDate date(List<FieldViolation> violations, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(required(field, "an ISO date, e.g. 2024-12-12"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(
                    new FieldViolation(field, "INVALID_DATE", "'" + value + "' is not an ISO date such as 2024-12-12"));
            return null;
        }
    }

    private static void text(List<FieldViolation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(required(field, "a non-blank text"));
        } else if (value.length() > MAX_TEXT) {
            violations.add(new FieldViolation(field, "TOO_LONG", field + " has at most " + MAX_TEXT + " characters"));
        }
    }

    private static FieldViolation required(String field, String what) {
        return new FieldViolation(field, "REQUIRED", field + " is required: " + what);
    }

    private static String problemOf(String deskId) {
        try {
            DeskId.of(deskId);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * A validated value or the reasons it is not valid.
     *
     * @param value      the value, or null when invalid
     * @param violations why it is invalid (empty when valid)
     */
    public record Result<T>(T value, List<FieldViolation> violations) {
        static <T> Result<T> valid(T value) {
            return new Result<>(value, List.of());
        }

        static <T> Result<T> invalid(List<FieldViolation> violations) {
            return new Result<>(null, List.copyOf(violations));
        }

        public boolean isValid() {
            return violations.isEmpty();
        }
    }
}
