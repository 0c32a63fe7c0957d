package org.crossdesk.intake.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crossdesk.events.common.CautionFlag;
import org.crossdesk.events.common.Evaluation;
import org.crossdesk.events.common.Handling;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.IdentityDocument;
import org.crossdesk.events.common.IdentityDocumentType;
import org.crossdesk.events.common.LegalBasis;
import org.crossdesk.events.common.LegalBasisType;
import org.crossdesk.events.common.Location;
import org.crossdesk.events.common.NameType;
import org.crossdesk.events.common.Person;
import org.crossdesk.events.common.PersonName;
import org.crossdesk.events.common.PersonRole;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.common.Sex;
import org.crossdesk.events.common.Warrant;
import org.crossdesk.events.outbox.ActionOutcome;
import org.crossdesk.events.referral.Conveyance;
import org.crossdesk.events.referral.ConveyanceKind;
import org.crossdesk.events.referral.CounterTerrorismDetails;
import org.crossdesk.events.referral.DrugRoute;
import org.crossdesk.events.referral.DrugTraffickingDetails;
import org.crossdesk.events.referral.FugitiveDetails;
import org.crossdesk.events.referral.Imminence;
import org.crossdesk.events.referral.QuantityUnit;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.Substance;
import org.crossdesk.events.referral.ThreatType;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.intake.validation.Violation;

/**
 * JSON request records to Avro records. Builds with the all-arguments constructors, which, unlike Avro's
 * builders, accept missing values: the shared validator then reports each of them by path instead of the
 * mapping failing on the first. Reports itself only what the validator cannot see: enumeration symbols
 * that do not exist, and detail fields that belong to another referral type.
 */
final class ReferralJsonMapper {

    private ReferralJsonMapper() {}

    /** A mapped value and the problems met while mapping it. */
    record Mapped<T>(T value, List<Violation> violations) {}

    /**
     * The Avro submission for {@code json}, with the desk reference and issuing desk the gateway settled
     * (header or body, caller's desk by default).
     */
    static Mapped<ReferralSubmission> submission(
            ReferralJson.Submission json, String deskReference, String issuingDesk, String at) {
        Problems problems = new Problems();
        ReferralType type = problems.symbol(at + "type", json.type(), ReferralType.class);
        ReferralSubmission submission = new ReferralSubmission(
                deskReference,
                issuingDesk,
                type,
                problems.symbol(at + "priority", json.priority(), Priority.class),
                json.purpose(),
                json.legalBasis() == null
                        ? null
                        : new LegalBasis(
                                problems.symbol(
                                        at + "legalBasis.type",
                                        json.legalBasis().type(),
                                        LegalBasisType.class),
                                json.legalBasis().reference(),
                                json.legalBasis().description()),
                json.handling() == null
                        ? null
                        : new Handling(
                                problems.symbol(
                                        at + "handling.code", json.handling().code(), HandlingCode.class),
                                json.handling().caveat()),
                json.evaluation() == null
                        ? null
                        : new Evaluation(
                                json.evaluation().scheme(),
                                json.evaluation().source(),
                                json.evaluation().content()),
                json.summary(),
                list(json.subjects(), at + "subjects", (p, i) -> person(problems, i, p)),
                strings(json.requestedDesks()),
                strings(json.excludedDesks()),
                json.broadcast() != null && json.broadcast(),
                json.reviewOn(),
                details(problems, at + "details", type, json.details()));
        return new Mapped<>(submission, problems.list());
    }

    /** The Avro outcome of an action report, or a violation. */
    static Mapped<ActionOutcome> outcome(String symbol) {
        Problems problems = new Problems();
        ActionOutcome outcome = problems.symbol("outcome", symbol, ActionOutcome.class);
        return new Mapped<>(outcome, problems.list());
    }

    private static Person person(Problems problems, String at, ReferralJson.Person json) {
        if (json == null) {
            return null;
        }
        return new Person(
                json.personId(),
                list(
                        json.names(),
                        at + ".names",
                        (n, i) -> n == null
                                ? null
                                : new PersonName(
                                        n.familyName(),
                                        strings(n.givenNames()),
                                        n.originalScriptName(),
                                        problems.symbol(i + ".nameType", n.nameType(), NameType.class))),
                json.dateOfBirth(),
                json.placeOfBirth(),
                problems.symbol(at + ".sex", json.sex(), Sex.class),
                strings(json.nationalities()),
                list(
                        json.identityDocuments(),
                        at + ".identityDocuments",
                        (d, i) -> d == null
                                ? null
                                : new IdentityDocument(
                                        problems.symbol(i + ".type", d.type(), IdentityDocumentType.class),
                                        d.number(),
                                        d.issuingCountry(),
                                        d.expiresOn())),
                strings(json.distinguishingMarks()),
                problems.symbol(at + ".role", json.role(), PersonRole.class));
    }

    private static Object details(Problems problems, String at, ReferralType type, ReferralJson.Details json) {
        if (json == null) {
            return null;
        }
        ReferralType branch = type != null && type != ReferralType.UNKNOWN ? type : inferredType(json);
        if (branch == null) {
            return null;
        }
        foreignFields(problems, at, branch, json);
        return switch (branch) {
            case FUGITIVE -> {
                if (json.extraditionIntended() == null) {
                    problems.add(
                            ReasonCode.REQUIRED,
                            at + ".extraditionIntended",
                            "extraditionIntended (true or false) is required for a fugitive referral");
                }
                yield new FugitiveDetails(
                        list(json.warrants(), at + ".warrants", (w, i) -> warrant(w)),
                        list(
                                json.lastKnownLocations(),
                                at + ".lastKnownLocations",
                                (l, i) -> l == null
                                        ? null
                                        : new Location(l.country(), l.place(), l.seenAt(), l.description())),
                        json.extraditionIntended() != null && json.extraditionIntended(),
                        list(json.cautions(), at + ".cautions", (c, i) -> problems.symbol(i, c, CautionFlag.class)));
            }
            case DRUG_TRAFFICKING ->
                new DrugTraffickingDetails(
                        list(
                                json.substances(),
                                at + ".substances",
                                (s, i) -> s == null
                                        ? null
                                        : new Substance(
                                                s.name(),
                                                // A missing quantity is reported by bean validation; NaN keeps the
                                                // record constructible.
                                                s.quantity() == null ? Double.NaN : s.quantity(),
                                                problems.symbol(i + ".unit", s.unit(), QuantityUnit.class))),
                        json.route() == null
                                ? null
                                : new DrugRoute(
                                        json.route().originCountry(),
                                        strings(json.route().transitCountries()),
                                        json.route().destinationCountry()),
                        json.concealment(),
                        list(
                                json.conveyances(),
                                at + ".conveyances",
                                (c, i) -> c == null
                                        ? null
                                        : new Conveyance(
                                                problems.symbol(i + ".kind", c.kind(), ConveyanceKind.class),
                                                c.identifier(),
                                                c.description())),
                        strings(json.organisations()),
                        strings(json.seizureReferences()));
            case COUNTER_TERRORISM ->
                new CounterTerrorismDetails(
                        problems.symbol(at + ".threatType", json.threatType(), ThreatType.class),
                        problems.symbol(at + ".imminence", json.imminence(), Imminence.class),
                        json.organisation(),
                        strings(json.targets()),
                        strings(json.sectors()),
                        strings(json.countriesConcerned()),
                        strings(json.sanctionsReferences()));
            default -> null;
        };
    }

    private static Warrant warrant(ReferralJson.Warrant w) {
        return w == null
                ? null
                : new Warrant(
                        w.personId(),
                        w.issuingCountry(),
                        w.issuingAuthority(),
                        w.reference(),
                        w.issuedOn(),
                        w.charge(),
                        w.chargeTranslation(),
                        w.chargeLanguage(),
                        w.maximumPenaltyMonths(),
                        w.sentenceRemainingMonths(),
                        w.offenceCategory());
    }

    /** Which branch the details look like, when the type itself is missing or unknown. */
    private static ReferralType inferredType(ReferralJson.Details d) {
        if (present(d.warrants()) || present(d.lastKnownLocations()) || d.extraditionIntended() != null) {
            return ReferralType.FUGITIVE;
        }
        if (present(d.substances()) || d.route() != null) {
            return ReferralType.DRUG_TRAFFICKING;
        }
        if (d.threatType() != null || d.imminence() != null) {
            return ReferralType.COUNTER_TERRORISM;
        }
        return null;
    }

    private static void foreignFields(Problems problems, String at, ReferralType branch, ReferralJson.Details d) {
        List<String> foreign = new ArrayList<>();
        if (branch != ReferralType.FUGITIVE) {
            addIf(foreign, present(d.warrants()), "warrants");
            addIf(foreign, present(d.lastKnownLocations()), "lastKnownLocations");
            addIf(foreign, d.extraditionIntended() != null, "extraditionIntended");
            addIf(foreign, present(d.cautions()), "cautions");
        }
        if (branch != ReferralType.DRUG_TRAFFICKING) {
            addIf(foreign, present(d.substances()), "substances");
            addIf(foreign, d.route() != null, "route");
            addIf(foreign, d.concealment() != null, "concealment");
            addIf(foreign, present(d.conveyances()), "conveyances");
            addIf(foreign, present(d.organisations()), "organisations");
            addIf(foreign, present(d.seizureReferences()), "seizureReferences");
        }
        if (branch != ReferralType.COUNTER_TERRORISM) {
            addIf(foreign, d.threatType() != null, "threatType");
            addIf(foreign, d.imminence() != null, "imminence");
            addIf(foreign, d.organisation() != null, "organisation");
            addIf(foreign, present(d.targets()), "targets");
            addIf(foreign, present(d.sectors()), "sectors");
            addIf(foreign, present(d.countriesConcerned()), "countriesConcerned");
            addIf(foreign, present(d.sanctionsReferences()), "sanctionsReferences");
        }
        for (String field : foreign) {
            problems.add(
                    ReasonCode.DETAILS_TYPE_MISMATCH,
                    at + "." + field,
                    field + " is not a field of " + branch + " details");
        }
    }

    private static void addIf(List<String> names, boolean condition, String name) {
        if (condition) {
            names.add(name);
        }
    }

    private static boolean present(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static List<String> strings(List<String> list) {
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }

    /** Maps each element, telling the element function its path ({@code at[i]}). */
    private static <J, A> List<A> list(List<J> json, String at, IndexedMapper<J, A> element) {
        List<A> out = new ArrayList<>();
        if (json != null) {
            for (int i = 0; i < json.size(); i++) {
                out.add(element.map(json.get(i), at + "[" + i + "]"));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface IndexedMapper<J, A> {
        A map(J json, String path);
    }

    /** Problems met while mapping. */
    private static final class Problems {
        private final List<Violation> violations = new ArrayList<>();

        void add(ReasonCode code, String field, String message) {
            violations.add(new Violation(code, field, message));
        }

        /** The enum constant named {@code symbol}; null (reported) if there is none, null (silently) if absent. */
        <E extends Enum<E>> E symbol(String field, String symbol, Class<E> type) {
            if (symbol == null || symbol.isBlank()) {
                return null; // presence is bean validation's and the validator's business
            }
            try {
                return Enum.valueOf(type, symbol);
            } catch (IllegalArgumentException unknown) {
                add(
                        ReasonCode.INVALID_VALUE,
                        field,
                        "'" + (symbol.length() > 40 ? symbol.substring(0, 40) + "..." : symbol) + "' is not one of "
                                + Arrays.stream(type.getEnumConstants())
                                        .map(Enum::name)
                                        .toList());
                return null;
            }
        }

        List<Violation> list() {
            return List.copyOf(violations);
        }
    }
}
