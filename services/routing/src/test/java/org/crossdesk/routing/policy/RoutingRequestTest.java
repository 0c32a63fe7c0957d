package org.crossdesk.routing.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.referral.CounterTerrorismDetails;
import org.crossdesk.events.referral.ReferralSubmission;
import org.junit.jupiter.api.Test;

/** What routing reads from a submission: the shared, fully populated examples in, the routing view out. */
class RoutingRequestTest {

    @Test
    void aFugitiveReferralPointsToTheSubjectsNationalitiesAndLastKnownLocations() {
        RoutingRequest request = RoutingRequest.of(ExampleEvents.fugitiveSubmission());

        assertThat(request.issuingDesk()).isEqualTo("FR-BNRF");
        assertThat(request.issuerCountry()).isEqualTo("FR");
        assertThat(request.type()).isEqualTo(ReferralType.FUGITIVE);
        assertThat(request.handling()).isEqualTo(HandlingCode.H2);
        assertThat(request.subjectNationalities()).containsExactly("DE", "ES");
        assertThat(request.lastKnownLocations()).containsExactly("ES");
        assertThat(request.requestedDesks()).containsExactly("DE-BKA");
        assertThat(request.excludedDesks()).containsExactly("PT-PJ");
        assertThat(request.routeOrigins()).isEmpty();
        assertThat(request.threatCountries()).isEmpty();
    }

    @Test
    void aDrugReferralPointsToItsRouteAndNotToItsAssociatesNationality() {
        RoutingRequest request = RoutingRequest.of(ExampleEvents.drugTraffickingSubmission());

        assertThat(request.routeOrigins()).containsExactly("EC");
        assertThat(request.routeTransits()).containsExactly("ES", "BE");
        assertThat(request.routeDestinations()).containsExactly("FR");
        // The example's only person is an ASSOCIATE (Bulgarian): associates do not make candidates.
        assertThat(request.subjectNationalities()).isEmpty();
        assertThat(request.lastKnownLocations()).isEmpty();
    }

    @Test
    void aTerrorismReferralPointsToTheCountriesConcerned() {
        RoutingRequest request = RoutingRequest.of(ExampleEvents.counterTerrorismSubmission());

        assertThat(request.threatCountries()).containsExactly("AT", "CH");
        assertThat(request.broadcast()).isTrue();
        assertThat(request.handling()).isEqualTo(HandlingCode.H3);
    }

    @Test
    void countryCodesAreNormalisedAndDeduplicated() {
        ReferralSubmission submission = ReferralSubmission.newBuilder(ExampleEvents.counterTerrorismSubmission())
                .setDetails(CounterTerrorismDetails.newBuilder((CounterTerrorismDetails)
                                ExampleEvents.counterTerrorismSubmission().getDetails())
                        .setCountriesConcerned(List.of("at", " AT ", "ch", ""))
                        .build())
                .setRequestedDesks(List.of("AT-BK", "AT-BK", " "))
                .build();

        RoutingRequest request = RoutingRequest.of(submission);

        assertThat(request.threatCountries()).containsExactly("AT", "CH");
        assertThat(request.requestedDesks()).containsExactly("AT-BK");
    }
}
