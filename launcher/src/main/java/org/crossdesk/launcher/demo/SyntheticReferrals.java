package org.crossdesk.launcher.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes synthetic referrals in the JSON of the intake API ({@code POST /api/v1/referrals}): invented
 * people, plausible warrants, routes and threats, whose derived countries are mostly partners of the
 * issuer (so most referrals are routed) and sometimes not (so the dashboard shows NO_AGREEMENT too).
 * Every person here is fictitious: names are drawn from short lists and combined at random.
 */
public final class SyntheticReferrals {

    public static final List<String> TYPES = List.of("FUGITIVE", "DRUG_TRAFFICKING", "COUNTER_TERRORISM");

    private static final List<String> FAMILY_NAMES = List.of(
            "MARTELLI",
            "DUVAL-OKAFOR",
            "BERGSTRAND",
            "NOWAKOWSKA",
            "ALVES PEREIRA",
            "KOVACIC",
            "VAN DER HOEVEN",
            "ESTRADA",
            "LINDQVIST",
            "OYELARAN",
            "PETRESCU",
            "HALVORSEN",
            "GARNIER",
            "SZABO",
            "MORENO ILIC",
            "RASMUSSEN");
    private static final List<String> GIVEN_NAMES = List.of(
            "Adrien",
            "Lena",
            "Marco",
            "Ines",
            "Tomasz",
            "Sofia",
            "Jonas",
            "Amara",
            "Pieter",
            "Nadia",
            "Luca",
            "Elif",
            "Rui",
            "Katarina",
            "Olek",
            "Maren");
    private static final List<String> CHARGES = List.of(
            "ILLICIT_TRAFFICKING_NARCOTICS|Trafic de stupefiants en bande organisee|Drug trafficking by an organised gang",
            "ORGANISED_OR_ARMED_ROBBERY|Vol a main armee|Armed robbery",
            "MURDER|Meurtre|Murder",
            "FRAUD|Escroquerie en bande organisee|Organised fraud",
            "PARTICIPATION_IN_A_CRIMINAL_ORGANISATION|Association de malfaiteurs|Participation in a criminal organisation");
    private static final List<String> SUBSTANCES = List.of(
            "Cocaine hydrochloride", "Cannabis resin", "Heroin", "MDMA", "Methamphetamine", "Synthetic cathinones");
    private static final List<String> THREATS = List.of(
            "ATTACK_PLANNING",
            "FOREIGN_TERRORIST_FIGHTER",
            "FINANCING",
            "RECRUITMENT",
            "PROPAGANDA",
            "WEAPONS_OR_EXPLOSIVES");
    private static final List<String> IMMINENCE = List.of("IMMINENT", "DAYS", "WEEKS", "LONG_TERM");

    private final DemoDirectory directory;
    private final Random random;
    private final Clock clock;
    private final String runId;

    public SyntheticReferrals(DemoDirectory directory, Random random, Clock clock, String runId) {
        this.directory = directory;
        this.random = random;
        this.clock = clock;
        this.runId = runId;
    }

    /** A referral to submit and the desk that submits it. */
    public record Submission(String issuer, String deskReference, Map<String, Object> body) {}

    /** The {@code n}-th referral of this run: types rotate, issuers are drawn among the desks handling the type. */
    public Submission next(long n) {
        String type = TYPES.get((int) (n % TYPES.size()));
        List<DemoDirectory.Desk> issuers = directory.handling(type);
        DemoDirectory.Desk issuer = issuers.get(random.nextInt(issuers.size()));
        String reference = "DEMO-" + runId + "-" + n;
        return new Submission(issuer.id(), reference, referral(type, issuer, reference));
    }

    Map<String, Object> referral(String type, DemoDirectory.Desk issuer, String deskReference) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<String> countries = derivedCountries(issuer.country(), type, today);
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("deskReference", deskReference);
        referral.put("type", type);
        referral.put("priority", pick(List.of("ROUTINE", "ROUTINE", "URGENT", "URGENT", "IMMEDIATE")));
        referral.put(
                "purpose",
                switch (type) {
                    case "FUGITIVE" -> "Locate and arrest with a view to surrender";
                    case "DRUG_TRAFFICKING" -> "Intercept a consignment and identify the organisers";
                    default -> "Prevent an attack and identify the network";
                });
        referral.put("legalBasis", Map.of("type", "OTHER", "reference", "Synthetic demo basis " + type.toLowerCase()));
        referral.put("handling", Map.of("code", pick(List.of("H0", "H1", "H2"))));
        referral.put(
                "evaluation",
                Map.of(
                        "scheme",
                        "EUROPOL_4X4",
                        "source",
                        pick(List.of("A", "B", "C")),
                        "content",
                        pick(List.of("1", "2", "3"))));
        referral.put("summary", "SYNTHETIC demo referral " + deskReference + ": invented facts, no real person.");
        referral.put("requestedDesks", List.of());
        referral.put("excludedDesks", List.of());
        referral.put("broadcast", false);
        switch (type) {
            case "FUGITIVE" -> {
                String personId = "P1";
                referral.put("subjects", List.of(person(personId, "SUBJECT", countries.subList(0, 1), today)));
                referral.put("details", fugitiveDetails(personId, issuer.country(), countries, today));
            }
            case "DRUG_TRAFFICKING" -> {
                referral.put(
                        "subjects",
                        random.nextBoolean()
                                ? List.of(person("P1", "SUBJECT", List.of(pick(countries)), today))
                                : List.of());
                referral.put("details", drugDetails(issuer.country(), countries));
            }
            default -> {
                referral.put("subjects", List.of(person("P1", "SUBJECT", List.of(pick(countries)), today)));
                referral.put("details", counterTerrorismDetails(countries));
            }
        }
        return referral;
    }

    /**
     * One or two countries other than the issuer's: nine times in ten partners that have an agreement with
     * it for the type, otherwise any country with a desk.
     */
    List<String> derivedCountries(String issuerCountry, String type, LocalDate today) {
        List<String> partners = directory.partnersOf(issuerCountry, type, today);
        List<String> pool =
                new ArrayList<>(partners.isEmpty() || random.nextInt(10) == 0 ? directory.countries() : partners);
        pool.remove(issuerCountry);
        Set<String> chosen = new LinkedHashSet<>();
        int wanted = 1 + random.nextInt(2);
        while (chosen.size() < Math.min(wanted, pool.size())) {
            chosen.add(pick(pool));
        }
        return List.copyOf(chosen);
    }

    private Map<String, Object> person(String personId, String role, List<String> nationalities, LocalDate today) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("personId", personId);
        person.put(
                "names",
                List.of(Map.of(
                        "familyName",
                        pick(FAMILY_NAMES),
                        "givenNames",
                        List.of(pick(GIVEN_NAMES)),
                        "nameType",
                        "PRIMARY")));
        person.put(
                "dateOfBirth",
                today.minusYears(22 + random.nextInt(40))
                        .minusDays(random.nextInt(365))
                        .toString());
        person.put("sex", pick(List.of("MALE", "FEMALE")));
        person.put("nationalities", nationalities);
        person.put("identityDocuments", List.of());
        person.put("distinguishingMarks", List.of());
        person.put("role", role);
        return person;
    }

    private Map<String, Object> fugitiveDetails(
            String personId, String issuerCountry, List<String> countries, LocalDate today) {
        String[] charge = pick(CHARGES).split("\\|");
        Map<String, Object> warrant = new LinkedHashMap<>();
        warrant.put("personId", personId);
        warrant.put("issuingCountry", issuerCountry);
        warrant.put("issuingAuthority", "Synthetic investigating court of " + issuerCountry);
        warrant.put("reference", "W-" + issuerCountry + "-" + (10_000 + random.nextInt(90_000)));
        warrant.put("issuedOn", today.minusDays(5 + random.nextInt(400)).toString());
        warrant.put("charge", charge[1]);
        warrant.put("chargeTranslation", charge[2]);
        warrant.put("chargeLanguage", "fr");
        warrant.put("maximumPenaltyMonths", 36 + 12 * random.nextInt(20));
        warrant.put("offenceCategory", charge[0]);
        Instant seen =
                clock.instant().minus(1 + random.nextInt(60), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> locations = new ArrayList<>();
        for (String country : countries) {
            locations.add(Map.of(
                    "country",
                    country,
                    "place",
                    "Synthetic town " + (1 + random.nextInt(99)),
                    "seenAt",
                    seen.toString()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("warrants", List.of(warrant));
        details.put("lastKnownLocations", locations);
        details.put("extraditionIntended", true);
        details.put("cautions", random.nextBoolean() ? List.of("ESCAPE_RISK") : List.of());
        return details;
    }

    private Map<String, Object> drugDetails(String issuerCountry, List<String> countries) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("originCountry", countries.get(0));
        route.put("transitCountries", countries.size() > 1 ? countries.subList(1, countries.size()) : List.of());
        route.put("destinationCountry", issuerCountry);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "substances",
                List.of(Map.of("name", pick(SUBSTANCES), "quantity", 5 + random.nextInt(900), "unit", "KILOGRAM")));
        details.put("route", route);
        details.put(
                "conveyances",
                List.of(Map.of(
                        "kind",
                        pick(List.of("VESSEL", "CONTAINER", "VEHICLE")),
                        "identifier",
                        "SYN-" + (1000 + random.nextInt(9000)))));
        details.put("organisations", List.of());
        details.put("seizureReferences", List.of());
        return details;
    }

    private Map<String, Object> counterTerrorismDetails(List<String> countries) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("threatType", pick(THREATS));
        details.put("imminence", pick(IMMINENCE));
        details.put("targets", List.of("Synthetic public venue"));
        details.put("sectors", List.of("TRANSPORT"));
        details.put("countriesConcerned", countries);
        details.put("sanctionsReferences", List.of());
        return details;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
