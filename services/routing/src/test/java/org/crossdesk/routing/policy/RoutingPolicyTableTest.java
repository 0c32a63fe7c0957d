package org.crossdesk.routing.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.events.common.HandlingCode.H0;
import static org.crossdesk.events.common.HandlingCode.H1;
import static org.crossdesk.events.common.HandlingCode.H2;
import static org.crossdesk.events.common.HandlingCode.H3;
import static org.crossdesk.routing.testing.Submissions.drugs;
import static org.crossdesk.routing.testing.Submissions.fugitive;
import static org.crossdesk.routing.testing.Submissions.terrorism;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.crossdesk.routing.policy.RoutingDecision.Recipient;
import org.crossdesk.routing.policy.RoutingDecision.Withheld;
import org.crossdesk.routing.testing.Submissions;
import org.crossdesk.routing.testing.TestDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The routing policy as a table: given the directory of {@link TestDirectory} (read it first: which desk
 * handles what, which agreements bind whom), a submission, and the day 2026-03-02, the expected
 * recipients and withheld candidates.
 *
 * <p>A recipient reads {@code DESK REASON,REASON @LEGAL-BASIS}; a withheld candidate reads
 * {@code DESK-or-COUNTRY REASON}.
 */
class RoutingPolicyTableTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:00Z");
    private static final RoutingPolicy POLICY =
            new RoutingPolicy(RoutingRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    static Stream<Case> cases() {
        return Stream.of(
                // ------------------------------------------------------------------ fugitives (FR-BNRF issues)
                given("F01 a subject's nationality", fugitive("FR-BNRF").subject("DE"))
                        .reaches("DE-BKA NATIONALITY @EU")
                        .withholds(),
                given("F02 a last known location", fugitive("FR-BNRF").seenIn("ES"))
                        .reaches("ES-CNP LAST_KNOWN_LOCATION @EU")
                        .withholds(),
                given(
                                "F03 nationality and location in one country give one alert with both reasons",
                                fugitive("FR-BNRF").subject("DE").seenIn("DE"))
                        .reaches("DE-BKA NATIONALITY,LAST_KNOWN_LOCATION @EU")
                        .withholds(),
                given(
                                "F04 the issuer's own nationality is never a derived recipient",
                                fugitive("FR-BNRF").subject("FR").seenIn("ES"))
                        .reaches("ES-CNP LAST_KNOWN_LOCATION @EU")
                        .withholds("FR ISSUER_COUNTRY"),
                given(
                                "F05 requested and derived desk",
                                fugitive("FR-BNRF").requested("DE-BKA").subject("DE"))
                        .reaches("DE-BKA REQUESTED,NATIONALITY @EU")
                        .withholds(),
                given(
                                "F06 outside the EU the INTERPOL framework covers fugitives",
                                fugitive("FR-BNRF").subject("TH"))
                        .reaches("TH-RTP NATIONALITY @INTERPOL")
                        .withholds(),
                given(
                                "F07 a country whose desks do not handle fugitives and which has no central desk",
                                fugitive("FR-BNRF").seenIn("GB"))
                        .reaches()
                        .withholds("GB NO_DESK_IN_COUNTRY"),
                given("F08 a country without any desk", fugitive("FR-BNRF").seenIn("MM"))
                        .reaches()
                        .withholds("MM NO_DESK_IN_COUNTRY"),
                given(
                                "F09 the only desk of the country is inactive",
                                fugitive("FR-BNRF").subject("VE"))
                        .reaches()
                        .withholds("VE-CICPC INACTIVE_DESK"),
                given(
                                "F10 every active desk of the country handling fugitives receives it",
                                fugitive("FR-BNRF").subject("US"))
                        .reaches("US-FBI NATIONALITY @INTERPOL", "US-USNCB NATIONALITY @INTERPOL")
                        .withholds(),
                given(
                                "F11 an excluded desk is withheld",
                                fugitive("FR-BNRF").seenIn("PT", "ES").excluded("PT-PJ"))
                        .reaches("ES-CNP LAST_KNOWN_LOCATION @EU")
                        .withholds("PT-PJ EXCLUDED_BY_ISSUER"),
                given(
                                "F12 an associate's nationality does not make a candidate",
                                fugitive("FR-BNRF").subject("DE").associate("BG", "IT"))
                        .reaches("DE-BKA NATIONALITY @EU")
                        .withholds(),
                given(
                                "F13 two subjects of one nationality give one alert",
                                fugitive("FR-BNRF").subject("DE").subject("DE", "AT"))
                        .reaches("AT-BK NATIONALITY @EU", "DE-BKA NATIONALITY @EU")
                        .withholds(),
                given(
                                "F14 H3 keeps requested desks and withholds derived ones",
                                fugitive("FR-BNRF")
                                        .handling(H3)
                                        .requested("DE-BKA")
                                        .subject("ES"))
                        .reaches("DE-BKA REQUESTED @EU")
                        .withholds("ES-CNP HANDLING_RESTRICTED"),
                given(
                                "F15 H3 without requested desks reaches nobody",
                                fugitive("FR-BNRF").handling(H3).subject("DE"))
                        .reaches()
                        .withholds("DE-BKA HANDLING_RESTRICTED"),
                given(
                                "F16 H3 keeps a desk that is both requested and derived",
                                fugitive("FR-BNRF")
                                        .handling(H3)
                                        .requested("DE-BKA")
                                        .subject("DE")
                                        .seenIn("NL"))
                        .reaches("DE-BKA REQUESTED,NATIONALITY @EU")
                        .withholds("NL-NP HANDLING_RESTRICTED"),
                given(
                                "F17 H2 and H1 restrict use, not the recipients",
                                fugitive("FR-BNRF").handling(H2).subject("DE").seenIn("BE"))
                        .reaches("BE-FJP LAST_KNOWN_LOCATION @EU", "DE-BKA NATIONALITY @EU")
                        .withholds(),
                given(
                                "F18 a requested desk not in the directory",
                                fugitive("FR-BNRF").requested("DE-LKA").subject("AT"))
                        .reaches("AT-BK NATIONALITY @EU")
                        .withholds("DE-LKA OTHER"),
                given(
                                "F19 the issuer requesting itself",
                                fugitive("FR-BNRF").requested("FR-BNRF").subject("DE"))
                        .reaches("DE-BKA NATIONALITY @EU")
                        .withholds("FR-BNRF OTHER"),
                given(
                                "F20 a requested desk of the issuer's country needs no agreement and any type",
                                fugitive("FR-BNRF").requested("FR-OCRTIS"))
                        .reaches("FR-OCRTIS REQUESTED @DOMESTIC")
                        .withholds(),
                given(
                                "F21 a requested inactive desk is withheld",
                                fugitive("FR-BNRF").requested("IT-DCSA").seenIn("IT"))
                        .reaches("IT-SCIP LAST_KNOWN_LOCATION @EU")
                        .withholds("IT-DCSA INACTIVE_DESK"),
                given(
                                "F22 broadcast does not apply to fugitives",
                                fugitive("FR-BNRF").broadcast().subject("NL"))
                        .reaches("NL-NP NATIONALITY @EU")
                        .withholds(),
                given(
                                "F23 an excluded desk that is no candidate is not listed",
                                fugitive("FR-BNRF").excluded("TH-RTP").subject("DE"))
                        .reaches("DE-BKA NATIONALITY @EU")
                        .withholds(),
                given(
                                "F24 several countries, some withheld",
                                fugitive("FR-BNRF")
                                        .subject("RU", "FR")
                                        .seenIn("TH", "MM", "VE")
                                        .excluded("TH-RTP"))
                        .reaches("RU-MVD NATIONALITY @INTERPOL")
                        .withholds(
                                "FR ISSUER_COUNTRY",
                                "MM NO_DESK_IN_COUNTRY",
                                "TH-RTP EXCLUDED_BY_ISSUER",
                                "VE-CICPC INACTIVE_DESK"),
                given(
                                "F25 exclusion wins over a request",
                                fugitive("FR-BNRF").requested("DE-BKA").excluded("DE-BKA"))
                        .reaches()
                        .withholds("DE-BKA EXCLUDED_BY_ISSUER"),

                // ---------------------------------------------------------- drug trafficking (FR-OCRTIS issues)
                given(
                                "D01 origin without a valid agreement, transit in the EU, destination the issuer's",
                                drugs("FR-OCRTIS").route("CO", List.of("ES"), "FR"))
                        .reaches("ES-CNP ROUTE_TRANSIT @EU")
                        .withholds("CO-DIJIN NO_AGREEMENT", "FR ISSUER_COUNTRY"),
                given(
                                "D02 a bilateral drug agreement covers the origin; the drug desk, not the central desk, receives it",
                                drugs("FR-OCRTIS").route("TH", List.of("NL"), "FR"))
                        .reaches("NL-NP ROUTE_TRANSIT @EU", "TH-ONCB ROUTE_ORIGIN @BILAT-FR-TH-DRUGS")
                        .withholds("FR ISSUER_COUNTRY"),
                given(
                                "D03 no drug desk in the country: its central desk receives it",
                                drugs("FR-OCRTIS").route("LA", List.of("TH"), "DE"))
                        .reaches(
                                "DE-BKA ROUTE_DESTINATION @EU",
                                "LA-MPS ROUTE_ORIGIN,NATIONAL_CENTRAL_DESK @BILAT-FR-LA-DRUGS",
                                "TH-ONCB ROUTE_TRANSIT @BILAT-FR-TH-DRUGS")
                        .withholds(),
                given(
                                "D04 a suspended agreement is no agreement",
                                drugs("FR-OCRTIS").route("MA", List.of("ES"), "FR"))
                        .reaches("ES-CNP ROUTE_TRANSIT @EU")
                        .withholds("FR ISSUER_COUNTRY", "MA-DGSN NO_AGREEMENT"),
                given(
                                "D05 the same route from Spain, which has a drug agreement with Morocco",
                                drugs("ES-CNP").route("MA", List.of("ES"), "FR"))
                        .reaches("FR-OCRTIS ROUTE_DESTINATION @EU", "MA-DGSN ROUTE_ORIGIN @BILAT-ES-MA-DRUGS")
                        .withholds("ES ISSUER_COUNTRY"),
                given(
                                "D06 an agreement not yet in force is no agreement",
                                drugs("FR-OCRTIS").route("US", List.of(), "FR"))
                        .reaches()
                        .withholds("FR ISSUER_COUNTRY", "US-DEA NO_AGREEMENT"),
                given(
                                "D07 an inactive drug desk is withheld while the active one receives it",
                                drugs("FR-OCRTIS").route("IT", List.of(), "FR"))
                        .reaches("IT-SCIP ROUTE_ORIGIN @EU")
                        .withholds("FR ISSUER_COUNTRY", "IT-DCSA INACTIVE_DESK"),
                given(
                                "D08 a country both origin and transit gives one alert with both reasons",
                                drugs("FR-OCRTIS").route("BE", List.of("BE"), "NL"))
                        .reaches("BE-FJP ROUTE_ORIGIN,ROUTE_TRANSIT @EU", "NL-NP ROUTE_DESTINATION @EU")
                        .withholds(),
                given(
                                "D09 the INTERPOL framework covers fugitives only",
                                drugs("FR-OCRTIS").route("RU", List.of(), "DE"))
                        .reaches("DE-BKA ROUTE_DESTINATION @EU")
                        .withholds("RU-MVD NO_AGREEMENT"),
                given(
                                "D10 H3: restriction is reported before a missing agreement",
                                drugs("FR-OCRTIS")
                                        .handling(H3)
                                        .requested("TH-ONCB")
                                        .route("CO", List.of("TH"), "FR"))
                        .reaches("TH-ONCB REQUESTED,ROUTE_TRANSIT @BILAT-FR-TH-DRUGS")
                        .withholds("CO-DIJIN HANDLING_RESTRICTED", "FR ISSUER_COUNTRY"),
                given(
                                "D11 exclusion is reported before a missing agreement",
                                drugs("FR-OCRTIS")
                                        .excluded("CO-DIJIN", "ES-CNP")
                                        .route("CO", List.of("ES", "PT"), "FR"))
                        .reaches("PT-PJ ROUTE_TRANSIT @EU")
                        .withholds("CO-DIJIN EXCLUDED_BY_ISSUER", "ES-CNP EXCLUDED_BY_ISSUER", "FR ISSUER_COUNTRY"),
                given(
                                "D12 exclusion is reported before a handling restriction",
                                drugs("FR-OCRTIS")
                                        .handling(H3)
                                        .excluded("ES-CNP")
                                        .route("ES", List.of(), "FR"))
                        .reaches()
                        .withholds("ES-CNP EXCLUDED_BY_ISSUER", "FR ISSUER_COUNTRY"),
                given(
                                "D13 a requested desk abroad still needs an agreement",
                                drugs("FR-OCRTIS").requested("CO-DIJIN").route("ES", List.of(), "FR"))
                        .reaches("ES-CNP ROUTE_ORIGIN @EU")
                        .withholds("CO-DIJIN NO_AGREEMENT", "FR ISSUER_COUNTRY"),
                given(
                                "D14 a route to a country without desks",
                                drugs("FR-OCRTIS").route("MM", List.of("TH"), "NL"))
                        .reaches("NL-NP ROUTE_DESTINATION @EU", "TH-ONCB ROUTE_TRANSIT @BILAT-FR-TH-DRUGS")
                        .withholds("MM NO_DESK_IN_COUNTRY"),
                given(
                                "D15 the issuer's country as transit only",
                                drugs("ES-CNP").route("BE", List.of("ES"), "PT"))
                        .reaches("BE-FJP ROUTE_ORIGIN @EU", "PT-PJ ROUTE_DESTINATION @EU")
                        .withholds("ES ISSUER_COUNTRY"),
                given(
                                "D16 nationalities do not make candidates for drug cases",
                                drugs("FR-OCRTIS").subject("TH").route("NL", List.of(), "FR"))
                        .reaches("NL-NP ROUTE_ORIGIN @EU")
                        .withholds("FR ISSUER_COUNTRY"),
                given(
                                "D17 H1 and H2 keep every recipient",
                                drugs("FR-OCRTIS").handling(H1).route("LA", List.of(), "BE"))
                        .reaches(
                                "BE-FJP ROUTE_DESTINATION @EU",
                                "LA-MPS ROUTE_ORIGIN,NATIONAL_CENTRAL_DESK @BILAT-FR-LA-DRUGS")
                        .withholds(),

                // -------------------------------------------------------- counter-terrorism (FR-DGSI issues)
                given("C01 countries concerned", terrorism("FR-DGSI").threatTo("AT", "CH"))
                        .reaches("AT-BK THREAT_COUNTRY @EU", "CH-FEDPOL THREAT_COUNTRY @EU")
                        .withholds(),
                given(
                                "C02 only the counter-terrorism desk of the country",
                                terrorism("FR-DGSI").threatTo("ES"))
                        .reaches("ES-CGI THREAT_COUNTRY @EU")
                        .withholds(),
                given(
                                "C03 central desk fallback, but no agreement covers terrorism",
                                terrorism("FR-DGSI").threatTo("TH"))
                        .reaches()
                        .withholds("TH-RTP NO_AGREEMENT"),
                given(
                                "C04 a threat to the issuer's country only",
                                terrorism("FR-DGSI").threatTo("FR"))
                        .reaches()
                        .withholds("FR ISSUER_COUNTRY"),
                given(
                                "C05 a threat country with a desk for terrorism but no agreement",
                                terrorism("FR-DGSI").threatTo("GB"))
                        .reaches()
                        .withholds("GB-CTP NO_AGREEMENT"),
                given(
                                "C06 broadcast reaches every counter-terrorism desk the issuer may share with",
                                terrorism("FR-DGSI").broadcast())
                        .reaches(
                                "AT-BK BROADCAST @EU",
                                "BE-FJP BROADCAST @EU",
                                "CH-FEDPOL BROADCAST @EU",
                                "DE-BKA BROADCAST @EU",
                                "ES-CGI BROADCAST @EU",
                                "IT-SCIP BROADCAST @EU",
                                "NL-NP BROADCAST @EU",
                                "PT-PJ BROADCAST @EU")
                        .withholds(
                                "FR ISSUER_COUNTRY",
                                "GB-CTP NO_AGREEMENT",
                                "MA-DGSN NO_AGREEMENT",
                                "RU-MVD NO_AGREEMENT",
                                "US-FBI NO_AGREEMENT"),
                given(
                                "C07 broadcast with countries concerned keeps both reasons",
                                terrorism("FR-DGSI").broadcast().threatTo("AT").excluded("BE-FJP", "NL-NP", "PT-PJ"))
                        .reaches(
                                "AT-BK THREAT_COUNTRY,BROADCAST @EU",
                                "CH-FEDPOL BROADCAST @EU",
                                "DE-BKA BROADCAST @EU",
                                "ES-CGI BROADCAST @EU",
                                "IT-SCIP BROADCAST @EU")
                        .withholds(
                                "BE-FJP EXCLUDED_BY_ISSUER",
                                "FR ISSUER_COUNTRY",
                                "GB-CTP NO_AGREEMENT",
                                "MA-DGSN NO_AGREEMENT",
                                "NL-NP EXCLUDED_BY_ISSUER",
                                "PT-PJ EXCLUDED_BY_ISSUER",
                                "RU-MVD NO_AGREEMENT",
                                "US-FBI NO_AGREEMENT"),
                given(
                                "C08 H3 broadcast reaches the requested desks only",
                                terrorism("FR-DGSI")
                                        .handling(H3)
                                        .broadcast()
                                        .requested("DE-BKA")
                                        .threatTo("US"))
                        .reaches("DE-BKA REQUESTED,BROADCAST @EU")
                        .withholds(
                                "AT-BK HANDLING_RESTRICTED",
                                "BE-FJP HANDLING_RESTRICTED",
                                "CH-FEDPOL HANDLING_RESTRICTED",
                                "ES-CGI HANDLING_RESTRICTED",
                                "FR ISSUER_COUNTRY",
                                "GB-CTP HANDLING_RESTRICTED",
                                "IT-SCIP HANDLING_RESTRICTED",
                                "MA-DGSN HANDLING_RESTRICTED",
                                "NL-NP HANDLING_RESTRICTED",
                                "PT-PJ HANDLING_RESTRICTED",
                                "RU-MVD HANDLING_RESTRICTED",
                                "US-FBI HANDLING_RESTRICTED"),
                given(
                                "C09 a threat to a country without desks",
                                terrorism("FR-DGSI").threatTo("MM", "DE"))
                        .reaches("DE-BKA THREAT_COUNTRY @EU")
                        .withholds("MM NO_DESK_IN_COUNTRY"),
                given(
                                "C10 the same threat from Germany: the French desk receives it",
                                terrorism("DE-BKA").threatTo("FR", "DE"))
                        .reaches("FR-DGSI THREAT_COUNTRY @EU")
                        .withholds("DE ISSUER_COUNTRY"),
                given(
                                "C11 H0 terrorism with a requested desk outside the threat countries",
                                terrorism("FR-DGSI")
                                        .handling(H0)
                                        .requested("BE-FJP")
                                        .threatTo("NL"))
                        .reaches("BE-FJP REQUESTED @EU", "NL-NP THREAT_COUNTRY @EU")
                        .withholds(),
                given(
                                "C12 subjects' nationalities and locations play no part in terrorism",
                                terrorism("FR-DGSI").subject("DE").threatTo("IT"))
                        .reaches("IT-SCIP THREAT_COUNTRY @EU")
                        .withholds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void routesAsTheTableSays(Case routing) {
        RoutingDecision decision =
                POLICY.decide(RoutingRequest.of(routing.submission.build()), TestDirectory.directory());

        assertThat(decision.recipients().stream().map(RoutingPolicyTableTest::show))
                .as("recipients")
                .containsExactlyElementsOf(routing.recipients);
        assertThat(decision.withheld().stream().map(RoutingPolicyTableTest::show))
                .as("withheld")
                .containsExactlyElementsOf(routing.withheld);
    }

    private static String show(Recipient recipient) {
        String basis = recipient.legalBasis().replace(ReasonCodes.AGREEMENT_PREFIX, "");
        return recipient.deskId() + " " + String.join(",", recipient.reasons()) + " @" + basis;
    }

    private static String show(Withheld withheld) {
        return withheld.deskId().orElse(withheld.country()) + " " + withheld.reason();
    }

    private static Case given(String name, Submissions submission) {
        return new Case(name, submission, List.of(), List.of());
    }

    record Case(String name, Submissions submission, List<String> recipients, List<String> withheld) {
        Case reaches(String... expected) {
            return new Case(name, submission, List.of(expected), withheld);
        }

        Case withholds(String... expected) {
            return new Case(name, submission, recipients, List.of(expected));
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
