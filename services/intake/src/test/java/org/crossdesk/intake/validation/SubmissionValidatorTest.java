package org.crossdesk.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.crossdesk.events.common.Evaluation;
import org.crossdesk.events.common.Handling;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.Location;
import org.crossdesk.events.common.Person;
import org.crossdesk.events.common.PersonRole;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.common.Warrant;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.outbox.ActionOutcome;
import org.crossdesk.events.outbox.ActionReport;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.ReferralAmendment;
import org.crossdesk.events.outbox.ReferralWithdrawal;
import org.crossdesk.events.referral.CounterTerrorismDetails;
import org.crossdesk.events.referral.DrugRoute;
import org.crossdesk.events.referral.DrugTraffickingDetails;
import org.crossdesk.events.referral.FugitiveDetails;
import org.crossdesk.events.referral.Imminence;
import org.crossdesk.events.referral.QuantityUnit;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.Substance;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionValidatorTest {

    // A week after the example referral was submitted; the examples' warrant dates lie before it.
    private static final Instant NOW = Instant.parse("2026-03-09T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    private final SubmissionValidator validator =
            new SubmissionValidator(Clock.fixed(NOW, ZoneOffset.UTC), KnownDesks.UNKNOWN);

    @Test
    void theExampleReferralsOfEachTypeAreValid() {
        assertThat(validator.validate(ExampleEvents.fugitiveSubmission())).isEmpty();
        assertThat(validator.validate(ExampleEvents.drugTraffickingSubmission()))
                .isEmpty();
        assertThat(validator.validate(ExampleEvents.counterTerrorismSubmission()))
                .isEmpty();
    }

    @Test
    void everyViolationIsReportedNotOnlyTheFirst() {
        ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                .setPurpose("")
                .setSummary(" ")
                .setRequestedDesks(List.of("germany"))
                .build();

        assertThat(validator.validate(submission))
                .extracting(Violation::code, Violation::field)
                .containsExactlyInAnyOrder(
                        tuple(ReasonCode.REQUIRED, "purpose"),
                        tuple(ReasonCode.REQUIRED, "summary"),
                        tuple(ReasonCode.INVALID_DESK_ID, "requestedDesks[0]"));
    }

    @Nested
    class RequiredFields {

        @Test
        void blankTextsAreMissing() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setDeskReference("")
                    .setIssuingDesk("")
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.REQUIRED, "deskReference"), tuple(ReasonCode.REQUIRED, "issuingDesk"));
        }

        @Test
        void missingValuesThatAvroWouldNotAllowAreReportedNotThrown() {
            // The HTTP mapper may hand over records built field by field; nulls must become violations.
            ReferralSubmission submission = ExampleEvents.fugitiveSubmission();
            submission.put("priority", null);
            submission.put("legalBasis", null);
            submission.put("evaluation", null);
            submission.put("details", null);

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.REQUIRED, "priority"),
                            tuple(ReasonCode.REQUIRED, "legalBasis"),
                            tuple(ReasonCode.REQUIRED, "evaluation"),
                            tuple(ReasonCode.REQUIRED, "details"));
        }

        @Test
        void theLegalBasisNeedsAReference() {
            ReferralSubmission submission = ExampleEvents.fugitiveSubmission();
            submission.getLegalBasis().put("reference", "");

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.REQUIRED, "legalBasis.reference"));
        }

        @Test
        void everyPersonNeedsANameWithAFamilyName() {
            Person nameless = Person.newBuilder(ExampleEvents.fugitive())
                    .setNames(List.of())
                    .build();
            Person noFamilyName = ExampleEvents.associate();
            noFamilyName.getNames().get(0).put("familyName", "");

            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setSubjects(List.of(nameless, noFamilyName))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.REQUIRED, "subjects[0].names"),
                            tuple(ReasonCode.REQUIRED, "subjects[1].names[0].familyName"));
        }

        @Test
        void theTypeMustBeASupportedOne() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setType(ReferralType.UNKNOWN)
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.INVALID_VALUE, "type"));
        }

        @Test
        void theDetailsMustMatchTheType() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setType(ReferralType.DRUG_TRAFFICKING)
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.DETAILS_TYPE_MISMATCH, "details"));
        }

        @Test
        void twoPersonsMayNotShareAPersonId() {
            Person twin = Person.newBuilder(ExampleEvents.associate())
                    .setPersonId("P1")
                    .build();
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setSubjects(List.of(ExampleEvents.fugitive(), twin))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.INVALID_VALUE, "subjects[1].personId"));
        }
    }

    @Nested
    class Codes {

        @ParameterizedTest
        @ValueSource(strings = {"de", "DEU", "ZZ", "UK", "  "})
        void nationalitiesAreIsoAlpha2CountryCodes(String code) {
            Person person = Person.newBuilder(ExampleEvents.fugitive())
                    .setNationalities(List.of("DE", code))
                    .build();
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setSubjects(List.of(person))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(
                            code.isBlank() ? ReasonCode.REQUIRED : ReasonCode.INVALID_COUNTRY,
                            "subjects[0].nationalities[1]"));
        }

        @Test
        void kosovoIsAcceptedAsInDeskIds() {
            Person person = Person.newBuilder(ExampleEvents.fugitive())
                    .setNationalities(List.of("XK"))
                    .build();
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setSubjects(List.of(person))
                    .build();

            assertThat(validator.validate(submission)).isEmpty();
        }

        @Test
        void warrantCountriesAndLanguagesAreIsoCodes() {
            ReferralSubmission submission = withWarrant(w -> Warrant.newBuilder(w)
                    .setIssuingCountry("France")
                    .setChargeLanguage("french")
                    .build());

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.INVALID_COUNTRY, "details.warrants[0].issuingCountry"),
                            tuple(ReasonCode.INVALID_LANGUAGE, "details.warrants[0].chargeLanguage"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"de-bka", "DE_BKA", "DEBKA", "ZZ-POLICE", "DE-B", "desk.DE-BKA"})
        void requestedDesksAreWellFormedDeskIds(String desk) {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setRequestedDesks(List.of(desk))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.INVALID_DESK_ID, "requestedDesks[0]"));
        }

        @Test
        void excludedDesksAreWellFormedDeskIds() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setExcludedDesks(List.of("portugal"))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.INVALID_DESK_ID, "excludedDesks[0]"));
        }

        @Test
        void theIssuingDeskIsAWellFormedDeskId() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setIssuingDesk("FR BNRF")
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.INVALID_DESK_ID, "issuingDesk"));
        }

        @Test
        void aDeskCannotBeBothRequestedAndExcluded() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setRequestedDesks(List.of("DE-BKA"))
                    .setExcludedDesks(List.of("DE-BKA"))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.CONTRADICTORY_DESKS, "excludedDesks[0]"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-leading-dash", "has space", "ümlaut", "semi;colon"})
        void deskReferencesUseASafeAlphabet(String reference) {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setDeskReference(reference)
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.INVALID_FORMAT, "deskReference"));
        }

        @Test
        void europolGradesAreCheckedWhenThatSchemeIsUsed() {
            ReferralSubmission europol = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setEvaluation(Evaluation.newBuilder()
                            .setScheme("EUROPOL_4X4")
                            .setSource("E")
                            .setContent("5")
                            .build())
                    .build();
            ReferralSubmission otherScheme = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setEvaluation(Evaluation.newBuilder()
                            .setScheme("UK_3X5X2")
                            .setSource("E")
                            .setContent("5")
                            .build())
                    .build();

            assertThat(validator.validate(europol))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.INVALID_VALUE, "evaluation.source"),
                            tuple(ReasonCode.INVALID_VALUE, "evaluation.content"));
            assertThat(validator.validate(otherScheme)).isEmpty();
        }
    }

    @Nested
    class Directory {

        private final KnownDesks directory = directoryOf("FR-BNRF", "DE-BKA", "ES-CNP");

        @Test
        void whenTheDirectoryIsEmptyOnlyTheFormOfDeskIdsIsChecked() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setRequestedDesks(List.of("NL-KLPD"))
                    .build();

            assertThat(validator.validate(submission)).isEmpty();
        }

        @Test
        void requestedDesksMustBeInTheDirectoryOnceItKnowsDesks() {
            SubmissionValidator checked = new SubmissionValidator(Clock.fixed(NOW, ZoneOffset.UTC), directory);
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setRequestedDesks(List.of("DE-BKA", "NL-KLPD"))
                    .build();

            assertThat(checked.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.UNKNOWN_DESK, "requestedDesks[1]"));
        }

        @Test
        void theIssuingDeskMustBeInTheDirectoryOnceItKnowsDesks() {
            SubmissionValidator checked = new SubmissionValidator(Clock.fixed(NOW, ZoneOffset.UTC), directory);
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setIssuingDesk("BE-FJP")
                    .build();

            assertThat(checked.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.UNKNOWN_DESK, "issuingDesk"));
        }

        @Test
        void excludingADeskTheDirectoryDoesNotKnowIsHarmless() {
            SubmissionValidator checked = new SubmissionValidator(Clock.fixed(NOW, ZoneOffset.UTC), directory);
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setExcludedDesks(List.of("PT-PJ"))
                    .build();

            assertThat(checked.validate(submission)).isEmpty();
        }
    }

    @Nested
    class Fugitive {

        @Test
        void needsAtLeastOneWarrant() {
            ReferralSubmission submission = withDetails(
                    d -> FugitiveDetails.newBuilder(d).setWarrants(List.of()).build());

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.REQUIRED, "details.warrants"));
        }

        @Test
        void aProsecutionWarrantBelowTwoYearsIsRejected() {
            ReferralSubmission submission = withWarrant(w -> Warrant.newBuilder(w)
                    .setMaximumPenaltyMonths(23)
                    .setSentenceRemainingMonths(null)
                    .build());

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(
                            tuple(ReasonCode.BELOW_PENALTY_THRESHOLD, "details.warrants[0].maximumPenaltyMonths"));
        }

        @Test
        void twoYearsOfMaximumPenaltyIsEnough() {
            ReferralSubmission submission = withWarrant(w -> Warrant.newBuilder(w)
                    .setMaximumPenaltyMonths(SubmissionValidator.MINIMUM_PENALTY_MONTHS)
                    .setSentenceRemainingMonths(null)
                    .build());

            assertThat(validator.validate(submission)).isEmpty();
        }

        @Test
        void sixMonthsOfSentenceLeftIsEnoughWithoutAPenalty() {
            ReferralSubmission enough = withWarrant(w -> Warrant.newBuilder(w)
                    .setMaximumPenaltyMonths(null)
                    .setSentenceRemainingMonths(6)
                    .build());
            ReferralSubmission tooLittle = withWarrant(w -> Warrant.newBuilder(w)
                    .setMaximumPenaltyMonths(null)
                    .setSentenceRemainingMonths(5)
                    .build());

            assertThat(validator.validate(enough)).isEmpty();
            assertThat(validator.validate(tooLittle))
                    .extracting(Violation::code)
                    .containsExactly(ReasonCode.BELOW_PENALTY_THRESHOLD);
        }

        @Test
        void aWarrantWithNeitherPenaltyNorSentenceIsBelowTheThreshold() {
            ReferralSubmission submission = withWarrant(w -> Warrant.newBuilder(w)
                    .setMaximumPenaltyMonths(null)
                    .setSentenceRemainingMonths(null)
                    .build());

            assertThat(validator.validate(submission))
                    .singleElement()
                    .satisfies(v -> assertThat(v.code()).isEqualTo(ReasonCode.BELOW_PENALTY_THRESHOLD))
                    .satisfies(v -> assertThat(v.message()).contains("neither"));
        }

        @Test
        void oneQualifyingWarrantCarriesLesserCharges() {
            Warrant lesser = Warrant.newBuilder(ExampleEvents.warrant())
                    .setReference("MINOR-1")
                    .setMaximumPenaltyMonths(6)
                    .setSentenceRemainingMonths(null)
                    .build();
            ReferralSubmission submission = withDetails(d -> FugitiveDetails.newBuilder(d)
                    .setWarrants(List.of(lesser, ExampleEvents.warrant()))
                    .build());

            assertThat(validator.validate(submission)).isEmpty();
        }

        @Test
        void negativeMonthsAreInvalid() {
            ReferralSubmission submission = withWarrant(
                    w -> Warrant.newBuilder(w).setSentenceRemainingMonths(-1).build());

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.INVALID_VALUE, "details.warrants[0].sentenceRemainingMonths"));
        }

        @Test
        void needsAPersonWithRoleSubject() {
            Person associate = Person.newBuilder(ExampleEvents.fugitive())
                    .setRole(PersonRole.ASSOCIATE)
                    .build();
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setSubjects(List.of(associate))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.NO_SUBJECT, "subjects"));
        }

        @Test
        void warrantsReferToASubjectOfTheReferral() {
            ReferralSubmission submission =
                    withWarrant(w -> Warrant.newBuilder(w).setPersonId("P9").build());

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.UNKNOWN_PERSON, "details.warrants[0].personId"));
        }

        @Test
        void purposeAndLegalBasisArePresent() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setPurpose("  ")
                    .build();
            submission.put("legalBasis", null);

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.REQUIRED, "purpose"), tuple(ReasonCode.REQUIRED, "legalBasis"));
        }
    }

    @Nested
    class DrugTrafficking {

        @Test
        void theRouteNeedsTwoDistinctCountries() {
            ReferralSubmission submission = withRoute(DrugRoute.newBuilder()
                    .setOriginCountry("FR")
                    .setTransitCountries(List.of("FR"))
                    .setDestinationCountry("FR")
                    .build());

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.ROUTE_TOO_SHORT, "details.route"));
        }

        @Test
        void aTransitCountryMakesADomesticOriginAndDestinationCrossBorder() {
            ReferralSubmission submission = withRoute(DrugRoute.newBuilder()
                    .setOriginCountry("FR")
                    .setTransitCountries(List.of("ES"))
                    .setDestinationCountry("FR")
                    .build());

            assertThat(validator.validate(submission)).isEmpty();
        }

        @Test
        void invalidCountriesDoNotCountTowardsTheRouteAndAreReported() {
            ReferralSubmission submission = withRoute(DrugRoute.newBuilder()
                    .setOriginCountry("Ecuador")
                    .setTransitCountries(List.of())
                    .setDestinationCountry("FR")
                    .build());

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.INVALID_COUNTRY, "details.route.originCountry"),
                            tuple(ReasonCode.ROUTE_TOO_SHORT, "details.route"));
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.0, -3.5, Double.NaN, Double.POSITIVE_INFINITY})
        void quantitiesArePositive(double quantity) {
            ReferralSubmission submission = withSubstances(List.of(Substance.newBuilder()
                    .setName("heroin")
                    .setQuantity(quantity)
                    .setUnit(QuantityUnit.KILOGRAM)
                    .build()));

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.INVALID_VALUE, "details.substances[0].quantity"));
        }

        @Test
        void needsAtLeastOneSubstance() {
            ReferralSubmission submission = withSubstances(List.of());

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.REQUIRED, "details.substances"));
        }

        private ReferralSubmission withRoute(DrugRoute route) {
            ReferralSubmission example = ExampleEvents.drugTraffickingSubmission();
            return ReferralSubmission.newBuilder(example)
                    .setDetails(DrugTraffickingDetails.newBuilder((DrugTraffickingDetails) example.getDetails())
                            .setRoute(route)
                            .build())
                    .build();
        }

        private ReferralSubmission withSubstances(List<Substance> substances) {
            ReferralSubmission example = ExampleEvents.drugTraffickingSubmission();
            return ReferralSubmission.newBuilder(example)
                    .setDetails(DrugTraffickingDetails.newBuilder((DrugTraffickingDetails) example.getDetails())
                            .setSubstances(substances)
                            .build())
                    .build();
        }
    }

    @Nested
    class CounterTerrorism {

        @Test
        void imminenceMustBeAssessed() {
            ReferralSubmission submission = withDetails(Imminence.UNKNOWN);

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.IMMINENCE_REQUIRED, "details.imminence"));
        }

        @Test
        void threatTypeAndImminenceArePresent() {
            ReferralSubmission submission = ExampleEvents.counterTerrorismSubmission();
            CounterTerrorismDetails details = (CounterTerrorismDetails) submission.getDetails();
            details.put("threatType", null);
            details.put("imminence", null);

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.REQUIRED, "details.threatType"),
                            tuple(ReasonCode.REQUIRED, "details.imminence"));
        }

        @Test
        void countriesConcernedAreIsoCodes() {
            ReferralSubmission example = ExampleEvents.counterTerrorismSubmission();
            ReferralSubmission submission = ReferralSubmission.newBuilder(example)
                    .setDetails(CounterTerrorismDetails.newBuilder((CounterTerrorismDetails) example.getDetails())
                            .setCountriesConcerned(List.of("AT", "Alps"))
                            .build())
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.INVALID_COUNTRY, "details.countriesConcerned[1]"));
        }

        private ReferralSubmission withDetails(Imminence imminence) {
            ReferralSubmission example = ExampleEvents.counterTerrorismSubmission();
            return ReferralSubmission.newBuilder(example)
                    .setDetails(CounterTerrorismDetails.newBuilder((CounterTerrorismDetails) example.getDetails())
                            .setImminence(imminence)
                            .build())
                    .build();
        }
    }

    @Nested
    class Handlings {

        @Test
        void h3NeedsCaveatText() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setHandling(Handling.newBuilder()
                            .setCode(HandlingCode.H3)
                            .setCaveat(" ")
                            .build())
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.CAVEAT_REQUIRED, "handling.caveat"));
        }

        @Test
        void otherCodesNeedNoCaveat() {
            for (HandlingCode code : List.of(HandlingCode.H0, HandlingCode.H1, HandlingCode.H2)) {
                ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                        .setHandling(Handling.newBuilder()
                                .setCode(code)
                                .setCaveat(null)
                                .build())
                        .build();

                assertThat(validator.validate(submission)).as(code.name()).isEmpty();
            }
        }
    }

    @Nested
    class Bounds {

        @Test
        void textsHaveMaximumLengths() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setPurpose("p".repeat(Limits.PURPOSE + 1))
                    .setSummary("s".repeat(Limits.LONG_TEXT))
                    .setDeskReference("R".repeat(Limits.DESK_REFERENCE + 1))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.TOO_LONG, "purpose"), tuple(ReasonCode.TOO_LONG, "deskReference"));
        }

        @Test
        void listsHaveMaximumSizes() {
            List<Person> crowd = new ArrayList<>();
            for (int i = 0; i <= Limits.SUBJECTS; i++) {
                crowd.add(Person.newBuilder(ExampleEvents.fugitive())
                        .setPersonId("P" + (i + 1))
                        .build());
            }
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setSubjects(crowd)
                    .setRequestedDesks(Collections.nCopies(Limits.LARGE_LIST + 1, "DE-BKA"))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.TOO_MANY, "subjects"), tuple(ReasonCode.TOO_MANY, "requestedDesks"));
        }
    }

    @Nested
    class Dates {

        @Test
        void aBirthDateInTheFutureIsRejected() {
            Person unborn = Person.newBuilder(ExampleEvents.fugitive())
                    .setDateOfBirth(TODAY.plusDays(1))
                    .build();
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setSubjects(List.of(unborn))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.FUTURE_DATE, "subjects[0].dateOfBirth"));
        }

        @Test
        void aWarrantIssuedTodayIsFineButTomorrowIsNot() {
            assertThat(validator.validate(withWarrant(
                            w -> Warrant.newBuilder(w).setIssuedOn(TODAY).build())))
                    .isEmpty();
            assertThat(validator.validate(withWarrant(w ->
                            Warrant.newBuilder(w).setIssuedOn(TODAY.plusDays(1)).build())))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.FUTURE_DATE, "details.warrants[0].issuedOn"));
        }

        @Test
        void theClockDecidesWhatIsFuture() {
            // The example warrant dates from 2026-02-20: seen from the day before, it lies in the future.
            SubmissionValidator earlier = new SubmissionValidator(
                    Clock.fixed(Instant.parse("2026-02-19T12:00:00Z"), ZoneOffset.UTC), KnownDesks.UNKNOWN);

            assertThat(earlier.validate(ExampleEvents.fugitiveSubmission()))
                    .extracting(Violation::code, Violation::field)
                    .contains(tuple(ReasonCode.FUTURE_DATE, "details.warrants[0].issuedOn"));
        }

        @Test
        void sightingsCannotBeInTheFuture() {
            ReferralSubmission submission = withDetails(d -> FugitiveDetails.newBuilder(d)
                    .setLastKnownLocations(List.of(Location.newBuilder()
                            .setCountry("ES")
                            .setSeenAt(NOW.plusSeconds(3600))
                            .build()))
                    .build());

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.FUTURE_DATE, "details.lastKnownLocations[0].seenAt"));
        }

        @Test
        void aReviewDateInThePastIsRejected() {
            ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                    .setReviewOn(TODAY.minusDays(1))
                    .build();

            assertThat(validator.validate(submission))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.REVIEW_DATE_PASSED, "reviewOn"));
        }
    }

    @Nested
    class OtherMessages {

        @Test
        void anAmendmentIsCheckedLikeASubmissionUnderItsPath() {
            ReferralAmendment amendment = ReferralAmendment.newBuilder(ExampleEvents.referralAmendment())
                    .setReason("")
                    .setSubmission(ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                            .setPurpose("")
                            .build())
                    .build();

            assertThat(validator.validate(amendment))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.REQUIRED, "reason"), tuple(ReasonCode.REQUIRED, "submission.purpose"));
        }

        @Test
        void withdrawalsAcknowledgementsAndReportsNeedTheirTexts() {
            assertThat(validator.validate(ReferralWithdrawal.newBuilder()
                            .setReferralId("CD-1")
                            .setReason(" ")
                            .build()))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.REQUIRED, "reason"));
            assertThat(validator.validate(AlertAcknowledgement.newBuilder()
                            .setReferralId("CD-1")
                            .setAcknowledgedBy("")
                            .setNote("n".repeat(Limits.MEDIUM_TEXT + 1))
                            .build()))
                    .extracting(Violation::code, Violation::field)
                    .containsExactlyInAnyOrder(
                            tuple(ReasonCode.REQUIRED, "acknowledgedBy"), tuple(ReasonCode.TOO_LONG, "note"));
            assertThat(validator.validate(ActionReport.newBuilder()
                            .setReferralId("CD-1")
                            .setOutcome(ActionOutcome.NO_TRACE)
                            .setDetails("")
                            .build()))
                    .extracting(Violation::code, Violation::field)
                    .containsExactly(tuple(ReasonCode.REQUIRED, "details"));
        }
    }

    @Test
    void everyCodeHasAnHttpStatusOfItsKind() {
        assertThat(ReasonCode.REQUIRED.kind().httpStatus()).isEqualTo(400);
        assertThat(ReasonCode.BELOW_PENALTY_THRESHOLD.kind().httpStatus()).isEqualTo(422);
        assertThat(ReasonCode.NOT_RECIPIENT.kind().httpStatus()).isEqualTo(403);
        assertThat(ReasonCode.UNKNOWN_REFERRAL.kind().httpStatus()).isEqualTo(404);
        assertThat(ReasonCode.DESK_REFERENCE_CONFLICT.kind().httpStatus()).isEqualTo(409);
    }

    private static ReferralSubmission withDetails(UnaryOperator<FugitiveDetails> change) {
        ReferralSubmission example = ExampleEvents.fugitiveSubmission();
        return ReferralSubmission.newBuilder(example)
                .setDetails(change.apply((FugitiveDetails) example.getDetails()))
                .build();
    }

    private static ReferralSubmission withWarrant(UnaryOperator<Warrant> change) {
        return withDetails(d -> FugitiveDetails.newBuilder(d)
                .setWarrants(List.of(change.apply(d.getWarrants().get(0))))
                .build());
    }

    private static KnownDesks directoryOf(String... desks) {
        Set<String> known = Set.of(desks);
        return new KnownDesks() {
            @Override
            public boolean isEmpty() {
                return known.isEmpty();
            }

            @Override
            public boolean contains(String deskId) {
                return known.contains(deskId);
            }
        };
    }
}
