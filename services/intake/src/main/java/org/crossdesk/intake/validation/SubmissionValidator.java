package org.crossdesk.intake.validation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.crossdesk.events.DeskId;
import org.crossdesk.events.common.Evaluation;
import org.crossdesk.events.common.Handling;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.IdentityDocument;
import org.crossdesk.events.common.LegalBasis;
import org.crossdesk.events.common.Location;
import org.crossdesk.events.common.Person;
import org.crossdesk.events.common.PersonName;
import org.crossdesk.events.common.PersonRole;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.common.Warrant;
import org.crossdesk.events.outbox.ActionReport;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.ReferralAmendment;
import org.crossdesk.events.outbox.ReferralWithdrawal;
import org.crossdesk.events.referral.Conveyance;
import org.crossdesk.events.referral.CounterTerrorismDetails;
import org.crossdesk.events.referral.DrugRoute;
import org.crossdesk.events.referral.DrugTraffickingDetails;
import org.crossdesk.events.referral.FugitiveDetails;
import org.crossdesk.events.referral.Imminence;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.Substance;

/**
 * The content rules every desk message must satisfy, whichever way it arrives: the HTTP gateway runs them
 * synchronously before writing to the outbox, and the outbox consumer runs them again on every record
 * (a Kafka-native desk is not trusted to have run them). Pure: the answer depends only on the message, the
 * clock and the directory.
 *
 * <p>Every violation is reported, not only the first, each with a stable {@link ReasonCode} and the path
 * of the field (the same path in JSON and in Avro).
 */
public final class SubmissionValidator {

    /** INTERPOL's threshold for prosecution warrants: offence punishable by at least two years. */
    public static final int MINIMUM_PENALTY_MONTHS = 24;
    /** INTERPOL's threshold for warrants enforcing a judgment: at least six months left to serve. */
    public static final int MINIMUM_SENTENCE_REMAINING_MONTHS = 6;

    // Desk references are Kafka keys, parts of lifecycle keys ("<desk>/<reference>") and URL-safe
    // Idempotency-Key values: letters, digits and a few separators, starting with a letter or digit.
    private static final Pattern DESK_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
    private static final Set<String> EUROPOL_SOURCE_GRADES = Set.of("A", "B", "C", "X");
    private static final Set<String> EUROPOL_CONTENT_GRADES = Set.of("1", "2", "3", "4");

    private final Clock clock;
    private final KnownDesks directory;

    /**
     * @param clock     decides what "in the future" means (injectable for tests)
     * @param directory desks known to the directory; when empty only the form of desk ids is checked
     */
    public SubmissionValidator(Clock clock, KnownDesks directory) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Every violation of a new submission. */
    public List<Violation> validate(ReferralSubmission submission) {
        Findings findings = new Findings();
        submission(findings, "", submission);
        return findings.list();
    }

    /** Every violation of an amendment: its reason and the complete new version (paths under {@code submission.}). */
    public List<Violation> validate(ReferralAmendment amendment) {
        Findings findings = new Findings();
        findings.requiredText("reason", amendment.getReason(), Limits.MEDIUM_TEXT);
        submission(findings, "submission.", amendment.getSubmission());
        return findings.list();
    }

    /** Every violation of a withdrawal. */
    public List<Violation> validate(ReferralWithdrawal withdrawal) {
        Findings findings = new Findings();
        findings.requiredText("reason", withdrawal.getReason(), Limits.MEDIUM_TEXT);
        return findings.list();
    }

    /** Every violation of an acknowledgement. */
    public List<Violation> validate(AlertAcknowledgement acknowledgement) {
        Findings findings = new Findings();
        findings.requiredText("acknowledgedBy", acknowledgement.getAcknowledgedBy(), Limits.SHORT_TEXT);
        findings.optionalText("note", acknowledgement.getNote(), Limits.MEDIUM_TEXT);
        return findings.list();
    }

    /** Every violation of an action report. */
    public List<Violation> validate(ActionReport report) {
        Findings findings = new Findings();
        if (report.getOutcome() == null) {
            findings.add(ReasonCode.REQUIRED, "outcome", "outcome is required");
        }
        findings.requiredText("details", report.getDetails(), Limits.LONG_TEXT);
        return findings.list();
    }

    // ------------------------------------------------------------------------------------------- submission

    private void submission(Findings f, String at, ReferralSubmission s) {
        if (s == null) {
            f.add(
                    ReasonCode.REQUIRED,
                    at.isEmpty() ? null : at.substring(0, at.length() - 1),
                    "the submission is missing");
            return;
        }
        deskReference(f, at + "deskReference", s.getDeskReference());
        desk(f, at + "issuingDesk", s.getIssuingDesk(), true);
        if (s.getType() == null || s.getType() == ReferralType.UNKNOWN) {
            f.add(
                    ReasonCode.INVALID_VALUE,
                    at + "type",
                    "type must be one of FUGITIVE, DRUG_TRAFFICKING, COUNTER_TERRORISM");
        }
        if (s.getPriority() == null) {
            f.add(ReasonCode.REQUIRED, at + "priority", "priority is required");
        }
        f.requiredText(at + "purpose", s.getPurpose(), Limits.PURPOSE);
        legalBasis(f, at + "legalBasis", s.getLegalBasis());
        handling(f, at + "handling", s.getHandling());
        evaluation(f, at + "evaluation", s.getEvaluation());
        f.requiredText(at + "summary", s.getSummary(), Limits.LONG_TEXT);
        persons(f, at + "subjects", s.getSubjects());
        desks(f, at, s.getRequestedDesks(), s.getExcludedDesks());
        if (s.getReviewOn() != null && s.getReviewOn().isBefore(today())) {
            f.add(
                    ReasonCode.REVIEW_DATE_PASSED,
                    at + "reviewOn",
                    "reviewOn " + s.getReviewOn() + " has already passed; choose a future review date");
        }
        details(f, at, s);
    }

    private void deskReference(Findings f, String field, String reference) {
        if (f.requiredText(field, reference, Limits.DESK_REFERENCE)
                && !DESK_REFERENCE.matcher(reference).matches()) {
            f.add(
                    ReasonCode.INVALID_FORMAT,
                    field,
                    field + " may hold letters, digits and . _ : / - only," + " starting with a letter or digit");
        }
    }

    /** A desk id: well formed, and known to the directory when the directory knows any desk. */
    private void desk(Findings f, String field, String deskId, boolean required) {
        if (deskId == null || deskId.isBlank()) {
            if (required) {
                f.add(ReasonCode.REQUIRED, field, field + " is required");
            }
            return;
        }
        if (!DeskId.isValid(deskId)) {
            f.add(
                    ReasonCode.INVALID_DESK_ID,
                    field,
                    "'" + Findings.abbreviate(deskId) + "' is not a desk id: expected CC-AGENCY, e.g. DE-BKA");
        } else if (!directory.isEmpty() && !directory.contains(deskId)) {
            f.add(ReasonCode.UNKNOWN_DESK, field, deskId + " is not a desk of the Crossdesk directory");
        }
    }

    private void desks(Findings f, String at, List<String> requested, List<String> excluded) {
        if (f.maxSize(at + "requestedDesks", requested, Limits.LARGE_LIST)) {
            for (int i = 0; i < requested.size(); i++) {
                desk(f, at + "requestedDesks[" + i + "]", requested.get(i), true);
            }
        }
        if (f.maxSize(at + "excludedDesks", excluded, Limits.LARGE_LIST)) {
            for (int i = 0; i < excluded.size(); i++) {
                String deskId = excluded.get(i);
                // Excluding a desk the directory does not know yet is harmless and may be deliberate.
                if (deskId == null || !DeskId.isValid(deskId)) {
                    f.add(
                            ReasonCode.INVALID_DESK_ID,
                            at + "excludedDesks[" + i + "]",
                            "'" + Findings.abbreviate(String.valueOf(deskId))
                                    + "' is not a desk id: expected CC-AGENCY, e.g. DE-BKA");
                } else if (requested != null && requested.contains(deskId)) {
                    f.add(
                            ReasonCode.CONTRADICTORY_DESKS,
                            at + "excludedDesks[" + i + "]",
                            deskId + " is both requested and excluded");
                }
            }
        }
    }

    private void legalBasis(Findings f, String at, LegalBasis basis) {
        if (basis == null) {
            f.add(ReasonCode.REQUIRED, at, "a legal basis is required");
            return;
        }
        if (basis.getType() == null) {
            f.add(ReasonCode.REQUIRED, at + ".type", at + ".type is required");
        }
        f.requiredText(at + ".reference", basis.getReference(), Limits.SHORT_TEXT);
        f.optionalText(at + ".description", basis.getDescription(), Limits.MEDIUM_TEXT);
    }

    private void handling(Findings f, String at, Handling handling) {
        if (handling == null || handling.getCode() == null) {
            f.add(ReasonCode.REQUIRED, at + ".code", "a handling code (H0 to H3) is required");
            return;
        }
        if (f.optionalText(at + ".caveat", handling.getCaveat(), Limits.MEDIUM_TEXT)
                && handling.getCode() == HandlingCode.H3
                && (handling.getCaveat() == null || handling.getCaveat().isBlank())) {
            f.add(
                    ReasonCode.CAVEAT_REQUIRED,
                    at + ".caveat",
                    "handling code H3 means restrictions stated by the issuer: state them in the caveat");
        }
    }

    private void evaluation(Findings f, String at, Evaluation evaluation) {
        if (evaluation == null) {
            f.add(ReasonCode.REQUIRED, at, "an evaluation (scheme, source, content) is required");
            return;
        }
        boolean scheme = f.requiredText(at + ".scheme", evaluation.getScheme(), Limits.SHORT_TEXT);
        boolean source = f.requiredText(at + ".source", evaluation.getSource(), Limits.SHORT_TEXT);
        boolean content = f.requiredText(at + ".content", evaluation.getContent(), Limits.SHORT_TEXT);
        if (scheme && "EUROPOL_4X4".equals(evaluation.getScheme())) {
            if (source && !EUROPOL_SOURCE_GRADES.contains(evaluation.getSource())) {
                f.add(ReasonCode.INVALID_VALUE, at + ".source", "EUROPOL_4X4 source grades are A, B, C and X");
            }
            if (content && !EUROPOL_CONTENT_GRADES.contains(evaluation.getContent())) {
                f.add(ReasonCode.INVALID_VALUE, at + ".content", "EUROPOL_4X4 information grades are 1, 2, 3 and 4");
            }
        }
    }

    private void persons(Findings f, String at, List<Person> persons) {
        if (!f.maxSize(at, persons, Limits.SUBJECTS)) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < persons.size(); i++) {
            String p = at + "[" + i + "]";
            Person person = persons.get(i);
            if (person == null) {
                f.add(ReasonCode.REQUIRED, p, p + " is empty");
                continue;
            }
            if (f.requiredText(p + ".personId", person.getPersonId(), Limits.SHORT_TEXT)
                    && !ids.add(person.getPersonId())) {
                f.add(
                        ReasonCode.INVALID_VALUE,
                        p + ".personId",
                        "personId " + person.getPersonId() + " is used by more than one person");
            }
            if (f.requiredList(p + ".names", person.getNames(), Limits.SMALL_LIST)) {
                for (int n = 0; n < person.getNames().size(); n++) {
                    name(f, p + ".names[" + n + "]", person.getNames().get(n));
                }
            }
            if (person.getDateOfBirth() != null && person.getDateOfBirth().isAfter(today())) {
                f.add(
                        ReasonCode.FUTURE_DATE,
                        p + ".dateOfBirth",
                        "dateOfBirth " + person.getDateOfBirth() + " is in the future");
            }
            f.optionalText(p + ".placeOfBirth", person.getPlaceOfBirth(), Limits.SHORT_TEXT);
            if (person.getSex() == null) {
                f.add(ReasonCode.REQUIRED, p + ".sex", p + ".sex is required (UNKNOWN if not known)");
            }
            if (person.getRole() == null) {
                f.add(ReasonCode.REQUIRED, p + ".role", p + ".role is required");
            }
            f.countries(p + ".nationalities", person.getNationalities(), Limits.SMALL_LIST);
            documents(f, p + ".identityDocuments", person.getIdentityDocuments());
            texts(f, p + ".distinguishingMarks", person.getDistinguishingMarks(), Limits.SMALL_LIST, Limits.SHORT_TEXT);
        }
    }

    private void name(Findings f, String at, PersonName name) {
        if (name == null) {
            f.add(ReasonCode.REQUIRED, at, at + " is empty");
            return;
        }
        f.requiredText(at + ".familyName", name.getFamilyName(), Limits.SHORT_TEXT);
        texts(f, at + ".givenNames", name.getGivenNames(), Limits.SMALL_LIST, Limits.SHORT_TEXT);
        f.optionalText(at + ".originalScriptName", name.getOriginalScriptName(), Limits.SHORT_TEXT);
        if (name.getNameType() == null) {
            f.add(ReasonCode.REQUIRED, at + ".nameType", at + ".nameType is required");
        }
    }

    private void documents(Findings f, String at, List<IdentityDocument> documents) {
        if (!f.maxSize(at, documents, Limits.SMALL_LIST)) {
            return;
        }
        for (int i = 0; i < documents.size(); i++) {
            String d = at + "[" + i + "]";
            IdentityDocument document = documents.get(i);
            if (document == null) {
                f.add(ReasonCode.REQUIRED, d, d + " is empty");
                continue;
            }
            if (document.getType() == null) {
                f.add(ReasonCode.REQUIRED, d + ".type", d + ".type is required");
            }
            f.requiredText(d + ".number", document.getNumber(), Limits.SHORT_TEXT);
            f.country(d + ".issuingCountry", document.getIssuingCountry());
        }
    }

    private static void texts(Findings f, String at, List<String> texts, int maxEntries, int maxLength) {
        if (!f.maxSize(at, texts, maxEntries)) {
            return;
        }
        for (int i = 0; i < texts.size(); i++) {
            f.requiredText(at + "[" + i + "]", texts.get(i), maxLength);
        }
    }

    // ---------------------------------------------------------------------------------------------- details

    private void details(Findings f, String at, ReferralSubmission s) {
        Object details = s.getDetails();
        String field = at + "details";
        if (details == null) {
            f.add(ReasonCode.REQUIRED, field, "details are required");
            return;
        }
        ReferralType type = s.getType();
        if (details instanceof FugitiveDetails fugitive) {
            if (matches(f, field, type, ReferralType.FUGITIVE)) {
                fugitive(f, field, at + "subjects", fugitive, s.getSubjects());
            }
        } else if (details instanceof DrugTraffickingDetails drugs) {
            if (matches(f, field, type, ReferralType.DRUG_TRAFFICKING)) {
                drugs(f, field, drugs);
            }
        } else if (details instanceof CounterTerrorismDetails terrorism) {
            if (matches(f, field, type, ReferralType.COUNTER_TERRORISM)) {
                terrorism(f, field, terrorism);
            }
        } else {
            f.add(ReasonCode.DETAILS_TYPE_MISMATCH, field, "details of an unknown kind");
        }
    }

    /**
     * Whether to check the details' content: yes if they match the type, and also when the type itself is
     * missing or unknown (already reported), so that one answer lists the details' problems too.
     */
    private static boolean matches(Findings f, String field, ReferralType type, ReferralType detailsType) {
        if (type == detailsType || type == null || type == ReferralType.UNKNOWN) {
            return true;
        }
        f.add(
                ReasonCode.DETAILS_TYPE_MISMATCH,
                field,
                "details are " + detailsType + " details but the type is " + type);
        return false;
    }

    private void fugitive(Findings f, String at, String subjectsField, FugitiveDetails details, List<Person> subjects) {
        Set<String> subjectIds = new LinkedHashSet<>();
        if (subjects != null) {
            for (Person person : subjects) {
                if (person != null && person.getRole() == PersonRole.SUBJECT) {
                    subjectIds.add(person.getPersonId());
                }
            }
        }
        if (subjectIds.isEmpty()) {
            f.add(
                    ReasonCode.NO_SUBJECT,
                    subjectsField,
                    "a fugitive referral names at least one person with role SUBJECT");
        }
        String w = at + ".warrants";
        if (f.requiredList(w, details.getWarrants(), Limits.SMALL_LIST)) {
            boolean anyQualifies = false;
            int shortfalls = 0;
            Findings thresholds = new Findings();
            for (int i = 0; i < details.getWarrants().size(); i++) {
                Warrant warrant = details.getWarrants().get(i);
                String wi = w + "[" + i + "]";
                if (warrant == null) {
                    f.add(ReasonCode.REQUIRED, wi, wi + " is empty");
                    continue;
                }
                warrant(f, wi, warrant, subjectIds);
                if (qualifies(warrant)) {
                    anyQualifies = true;
                } else {
                    shortfalls++;
                    thresholds.add(
                            ReasonCode.BELOW_PENALTY_THRESHOLD,
                            wi + ".maximumPenaltyMonths",
                            "warrant " + Findings.abbreviate(String.valueOf(warrant.getReference())) + " carries "
                                    + describePenalty(warrant) + "; INTERPOL requires a maximum penalty of at least "
                                    + MINIMUM_PENALTY_MONTHS + " months (prosecution) or at least "
                                    + MINIMUM_SENTENCE_REMAINING_MONTHS
                                    + " months of sentence left to serve");
                }
            }
            // One qualifying warrant carries the request; lesser charges may ride along with it.
            if (!anyQualifies && shortfalls > 0) {
                thresholds.list().forEach(v -> f.add(v.code(), v.field(), v.message()));
            }
        }
        locations(f, at + ".lastKnownLocations", details.getLastKnownLocations());
        f.maxSize(at + ".cautions", details.getCautions(), Limits.SMALL_LIST);
    }

    private void warrant(Findings f, String at, Warrant warrant, Set<String> subjectIds) {
        if (f.requiredText(at + ".personId", warrant.getPersonId(), Limits.SHORT_TEXT)
                && !subjectIds.isEmpty()
                && !subjectIds.contains(warrant.getPersonId())) {
            f.add(
                    ReasonCode.UNKNOWN_PERSON,
                    at + ".personId",
                    "personId " + warrant.getPersonId() + " is not a person with role SUBJECT in this referral");
        }
        f.country(at + ".issuingCountry", warrant.getIssuingCountry());
        f.requiredText(at + ".issuingAuthority", warrant.getIssuingAuthority(), Limits.SHORT_TEXT);
        f.requiredText(at + ".reference", warrant.getReference(), Limits.SHORT_TEXT);
        if (warrant.getIssuedOn() == null) {
            f.add(ReasonCode.REQUIRED, at + ".issuedOn", at + ".issuedOn is required");
        } else if (warrant.getIssuedOn().isAfter(today())) {
            f.add(ReasonCode.FUTURE_DATE, at + ".issuedOn", "issuedOn " + warrant.getIssuedOn() + " is in the future");
        }
        f.requiredText(at + ".charge", warrant.getCharge(), Limits.MEDIUM_TEXT);
        f.optionalText(at + ".chargeTranslation", warrant.getChargeTranslation(), Limits.MEDIUM_TEXT);
        if (warrant.getChargeLanguage() == null || warrant.getChargeLanguage().isBlank()) {
            f.add(ReasonCode.REQUIRED, at + ".chargeLanguage", at + ".chargeLanguage is required");
        } else if (!Codes.isLanguage(warrant.getChargeLanguage())) {
            f.add(
                    ReasonCode.INVALID_LANGUAGE,
                    at + ".chargeLanguage",
                    "'" + Findings.abbreviate(warrant.getChargeLanguage())
                            + "' is not an ISO 639-1 language code (e.g. fr)");
        }
        nonNegative(f, at + ".maximumPenaltyMonths", warrant.getMaximumPenaltyMonths());
        nonNegative(f, at + ".sentenceRemainingMonths", warrant.getSentenceRemainingMonths());
        f.requiredText(at + ".offenceCategory", warrant.getOffenceCategory(), Limits.SHORT_TEXT);
    }

    private static void nonNegative(Findings f, String field, Integer months) {
        if (months != null && months < 0) {
            f.add(ReasonCode.INVALID_VALUE, field, field + " must not be negative");
        }
    }

    private static boolean qualifies(Warrant warrant) {
        Integer penalty = warrant.getMaximumPenaltyMonths();
        Integer remaining = warrant.getSentenceRemainingMonths();
        return (penalty != null && penalty >= MINIMUM_PENALTY_MONTHS)
                || (remaining != null && remaining >= MINIMUM_SENTENCE_REMAINING_MONTHS);
    }

    private static String describePenalty(Warrant warrant) {
        if (warrant.getMaximumPenaltyMonths() == null && warrant.getSentenceRemainingMonths() == null) {
            return "neither a maximum penalty nor a sentence left to serve";
        }
        StringBuilder text = new StringBuilder();
        if (warrant.getMaximumPenaltyMonths() != null) {
            text.append("a maximum penalty of ")
                    .append(warrant.getMaximumPenaltyMonths())
                    .append(" months");
        }
        if (warrant.getSentenceRemainingMonths() != null) {
            text.append(text.isEmpty() ? "" : " and ")
                    .append(warrant.getSentenceRemainingMonths())
                    .append(" months of sentence left to serve");
        }
        return text.toString();
    }

    private void locations(Findings f, String at, List<Location> locations) {
        if (!f.maxSize(at, locations, Limits.LARGE_LIST)) {
            return;
        }
        Instant now = clock.instant();
        for (int i = 0; i < locations.size(); i++) {
            String l = at + "[" + i + "]";
            Location location = locations.get(i);
            if (location == null) {
                f.add(ReasonCode.REQUIRED, l, l + " is empty");
                continue;
            }
            f.country(l + ".country", location.getCountry());
            f.optionalText(l + ".place", location.getPlace(), Limits.SHORT_TEXT);
            f.optionalText(l + ".description", location.getDescription(), Limits.MEDIUM_TEXT);
            if (location.getSeenAt() != null && location.getSeenAt().isAfter(now)) {
                f.add(ReasonCode.FUTURE_DATE, l + ".seenAt", "seenAt " + location.getSeenAt() + " is in the future");
            }
        }
    }

    private void drugs(Findings f, String at, DrugTraffickingDetails details) {
        String s = at + ".substances";
        if (f.requiredList(s, details.getSubstances(), Limits.LARGE_LIST)) {
            for (int i = 0; i < details.getSubstances().size(); i++) {
                String si = s + "[" + i + "]";
                Substance substance = details.getSubstances().get(i);
                if (substance == null) {
                    f.add(ReasonCode.REQUIRED, si, si + " is empty");
                    continue;
                }
                f.requiredText(si + ".name", substance.getName(), Limits.SHORT_TEXT);
                double quantity = substance.getQuantity();
                if (!(quantity > 0) || Double.isInfinite(quantity)) {
                    f.add(
                            ReasonCode.INVALID_VALUE,
                            si + ".quantity",
                            "quantity must be a positive number, got " + quantity);
                }
                if (substance.getUnit() == null) {
                    f.add(ReasonCode.REQUIRED, si + ".unit", si + ".unit is required");
                }
            }
        }
        route(f, at + ".route", details.getRoute());
        f.optionalText(at + ".concealment", details.getConcealment(), Limits.MEDIUM_TEXT);
        conveyances(f, at + ".conveyances", details.getConveyances());
        texts(f, at + ".organisations", details.getOrganisations(), Limits.SMALL_LIST, Limits.SHORT_TEXT);
        texts(f, at + ".seizureReferences", details.getSeizureReferences(), Limits.LARGE_LIST, Limits.SHORT_TEXT);
    }

    private static void route(Findings f, String at, DrugRoute route) {
        if (route == null) {
            f.add(ReasonCode.REQUIRED, at, "a route (origin, transit, destination) is required");
            return;
        }
        f.country(at + ".originCountry", route.getOriginCountry());
        f.countries(at + ".transitCountries", route.getTransitCountries(), Limits.SMALL_LIST);
        f.country(at + ".destinationCountry", route.getDestinationCountry());
        Set<String> distinct = new HashSet<>();
        if (Codes.isCountry(route.getOriginCountry())) {
            distinct.add(route.getOriginCountry());
        }
        if (Codes.isCountry(route.getDestinationCountry())) {
            distinct.add(route.getDestinationCountry());
        }
        if (route.getTransitCountries() != null) {
            route.getTransitCountries().stream().filter(Codes::isCountry).forEach(distinct::add);
        }
        if (distinct.size() < 2) {
            f.add(
                    ReasonCode.ROUTE_TOO_SHORT,
                    at,
                    "a cross-border route names at least two distinct countries; this one names " + distinct.size());
        }
    }

    private static void conveyances(Findings f, String at, List<Conveyance> conveyances) {
        if (!f.maxSize(at, conveyances, Limits.LARGE_LIST)) {
            return;
        }
        for (int i = 0; i < conveyances.size(); i++) {
            String c = at + "[" + i + "]";
            Conveyance conveyance = conveyances.get(i);
            if (conveyance == null) {
                f.add(ReasonCode.REQUIRED, c, c + " is empty");
                continue;
            }
            if (conveyance.getKind() == null) {
                f.add(ReasonCode.REQUIRED, c + ".kind", c + ".kind is required");
            }
            f.requiredText(c + ".identifier", conveyance.getIdentifier(), Limits.SHORT_TEXT);
            f.optionalText(c + ".description", conveyance.getDescription(), Limits.MEDIUM_TEXT);
        }
    }

    private static void terrorism(Findings f, String at, CounterTerrorismDetails details) {
        if (details.getThreatType() == null) {
            f.add(ReasonCode.REQUIRED, at + ".threatType", "the threat type is required");
        }
        if (details.getImminence() == null) {
            f.add(ReasonCode.REQUIRED, at + ".imminence", "the imminence is required");
        } else if (details.getImminence() == Imminence.UNKNOWN) {
            // Imminence sets how fast partners must act; an unassessed threat cannot be prioritised.
            f.add(
                    ReasonCode.IMMINENCE_REQUIRED,
                    at + ".imminence",
                    "assess the imminence (IMMINENT, DAYS, WEEKS or LONG_TERM); UNKNOWN cannot be prioritised");
        }
        f.optionalText(at + ".organisation", details.getOrganisation(), Limits.SHORT_TEXT);
        texts(f, at + ".targets", details.getTargets(), Limits.LARGE_LIST, Limits.SHORT_TEXT);
        texts(f, at + ".sectors", details.getSectors(), Limits.SMALL_LIST, Limits.SHORT_TEXT);
        f.countries(at + ".countriesConcerned", details.getCountriesConcerned(), Limits.LARGE_LIST);
        texts(f, at + ".sanctionsReferences", details.getSanctionsReferences(), Limits.LARGE_LIST, Limits.SHORT_TEXT);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
