package org.crossdesk.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The demo's referrals must pass intake's rules (docs/intake.md), or the demo only shows refusals. */
class SyntheticReferralsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private final DemoDirectory directory = DemoDirectoryTest.testDirectory();
    private final SyntheticReferrals referrals =
            new SyntheticReferrals(directory, new Random(7), Clock.fixed(NOW, ZoneOffset.UTC), "T1");

    private List<SyntheticReferrals.Submission> many(int count) {
        List<SyntheticReferrals.Submission> all = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            all.add(referrals.next(n));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }

    @Test
    void allThreeTypesComeFromDesksThatHandleThem() {
        Map<String, Integer> byType = new HashMap<>();
        for (SyntheticReferrals.Submission submission : many(300)) {
            String type = at(submission.body(), "type");
            byType.merge(type, 1, Integer::sum);
            assertThat(directory.handling(type))
                    .extracting(DemoDirectory.Desk::id)
                    .contains(submission.issuer());
        }
        assertThat(byType)
                .containsOnlyKeys(SyntheticReferrals.TYPES)
                .allSatisfy((type, count) -> assertThat(count).isEqualTo(100));
    }

    @Test
    void deskReferencesAreUniqueAndOfTheAllowedForm() {
        List<SyntheticReferrals.Submission> all = many(100);

        assertThat(all)
                .extracting(SyntheticReferrals.Submission::deskReference)
                .doesNotHaveDuplicates()
                .allSatisfy(reference -> assertThat(reference).matches("[A-Za-z0-9._:/-]{1,64}"));
        assertThat(all)
                .allSatisfy(
                        s -> assertThat((String) at(s.body(), "deskReference")).isEqualTo(s.deskReference()));
    }

    @Test
    void theIssuersOwnCountryIsNeverADerivedCountry() {
        for (SyntheticReferrals.Submission submission : many(300)) {
            String issuerCountry = submission.issuer().substring(0, 2);
            assertThat(derivedCountries(submission.body())).isNotEmpty().doesNotContain(issuerCountry);
        }
    }

    @Test
    void mostReferralsGoToPartnersSoThatTheyAreRouted() {
        long toPartners = many(300).stream()
                .filter(submission -> {
                    String issuerCountry = submission.issuer().substring(0, 2);
                    String type = at(submission.body(), "type");
                    return directory
                            .partnersOf(issuerCountry, type, TODAY)
                            .containsAll(derivedCountries(submission.body()));
                })
                .count();

        assertThat(toPartners).isGreaterThan(240);
    }

    @Test
    void fugitivesHaveASubjectAndAWarrantAboveThePenaltyThresholdDatedInThePast() {
        for (SyntheticReferrals.Submission submission : many(300)) {
            if (!"FUGITIVE".equals(at(submission.body(), "type"))) {
                continue;
            }
            List<Map<String, Object>> subjects = at(submission.body(), "subjects");
            List<Map<String, Object>> warrants = at(submission.body(), "details", "warrants");
            assertThat(subjects)
                    .anySatisfy(person -> assertThat(person.get("role")).isEqualTo("SUBJECT"));
            assertThat(warrants).isNotEmpty().allSatisfy(warrant -> {
                assertThat(subjects)
                        .extracting(person -> person.get("personId"))
                        .contains(warrant.get("personId"));
                assertThat((Integer) warrant.get("maximumPenaltyMonths")).isGreaterThanOrEqualTo(24);
                assertThat(LocalDate.parse((String) warrant.get("issuedOn"))).isBefore(TODAY);
            });
            assertThat(subjects)
                    .allSatisfy(person -> assertThat(LocalDate.parse((String) person.get("dateOfBirth")))
                            .isBefore(TODAY.minusYears(18)));
        }
    }

    @Test
    void drugRoutesSpanAtLeastTwoCountriesAndQuantitiesArePositive() {
        for (SyntheticReferrals.Submission submission : many(300)) {
            if (!"DRUG_TRAFFICKING".equals(at(submission.body(), "type"))) {
                continue;
            }
            Map<String, Object> route = at(submission.body(), "details", "route");
            assertThat(route.get("originCountry")).isNotEqualTo(route.get("destinationCountry"));
            List<Map<String, Object>> substances = at(submission.body(), "details", "substances");
            assertThat(substances)
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat((Integer) s.get("quantity")).isPositive());
        }
    }

    @Test
    void counterTerrorismImminenceIsAlwaysAssessed() {
        for (SyntheticReferrals.Submission submission : many(300)) {
            if ("COUNTER_TERRORISM".equals(at(submission.body(), "type"))) {
                assertThat((String) at(submission.body(), "details", "imminence"))
                        .isNotEqualTo("UNKNOWN");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> derivedCountries(Map<String, Object> body) {
        Map<String, Object> details = (Map<String, Object>) body.get("details");
        List<String> countries = new ArrayList<>();
        switch ((String) body.get("type")) {
            case "FUGITIVE" ->
                ((List<Map<String, Object>>) details.get("lastKnownLocations"))
                        .forEach(location -> countries.add((String) location.get("country")));
            case "DRUG_TRAFFICKING" -> {
                Map<String, Object> route = (Map<String, Object>) details.get("route");
                countries.add((String) route.get("originCountry"));
                countries.addAll((List<String>) route.get("transitCountries"));
            }
            default -> countries.addAll((List<String>) details.get("countriesConcerned"));
        }
        return countries;
    }
}
