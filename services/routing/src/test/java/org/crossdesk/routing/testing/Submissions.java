package org.crossdesk.routing.testing;

import java.util.ArrayList;
import java.util.List;
import org.crossdesk.events.common.Handling;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.Location;
import org.crossdesk.events.common.Person;
import org.crossdesk.events.common.PersonRole;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.referral.CounterTerrorismDetails;
import org.crossdesk.events.referral.DrugRoute;
import org.crossdesk.events.referral.DrugTraffickingDetails;
import org.crossdesk.events.referral.FugitiveDetails;
import org.crossdesk.events.referral.ReferralSubmission;

/**
 * Builds submissions that differ from the shared, fully populated examples ({@link ExampleEvents}) only
 * in what routing looks at: issuer, handling, priority, requested and excluded desks, broadcast, and the
 * countries in the content. Everything else (names, warrants, substances) stays as in the examples.
 */
public final class Submissions {

    private final ReferralSubmission.Builder builder;
    private final List<Person> subjects = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();
    private final List<String> threatCountries = new ArrayList<>();
    private final List<String> requested = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();
    private DrugRoute route;

    private Submissions(ReferralSubmission example, String issuer) {
        builder = ReferralSubmission.newBuilder(example)
                .setIssuingDesk(issuer)
                .setHandling(Handling.newBuilder().setCode(HandlingCode.H0).build())
                .setBroadcast(false);
    }

    /** A fugitive referral by {@code issuer}, H0, with no subjects, locations or requested desks yet. */
    public static Submissions fugitive(String issuer) {
        return new Submissions(ExampleEvents.fugitiveSubmission(), issuer);
    }

    /** A drug trafficking referral by {@code issuer}; give it a route. */
    public static Submissions drugs(String issuer) {
        return new Submissions(ExampleEvents.drugTraffickingSubmission(), issuer);
    }

    /** A counter-terrorism referral by {@code issuer}, H0, not broadcast, with no countries concerned yet. */
    public static Submissions terrorism(String issuer) {
        return new Submissions(ExampleEvents.counterTerrorismSubmission(), issuer);
    }

    public Submissions reference(String deskReference) {
        builder.setDeskReference(deskReference);
        return this;
    }

    /** Adds a person with role SUBJECT and these nationalities. */
    public Submissions subject(String... nationalities) {
        return person(PersonRole.SUBJECT, nationalities);
    }

    /** Adds a person with role ASSOCIATE and these nationalities. */
    public Submissions associate(String... nationalities) {
        return person(PersonRole.ASSOCIATE, nationalities);
    }

    public Submissions seenIn(String... countries) {
        locations.addAll(List.of(countries));
        return this;
    }

    public Submissions route(String origin, List<String> transit, String destination) {
        route = DrugRoute.newBuilder()
                .setOriginCountry(origin)
                .setTransitCountries(transit)
                .setDestinationCountry(destination)
                .build();
        return this;
    }

    public Submissions threatTo(String... countries) {
        threatCountries.addAll(List.of(countries));
        return this;
    }

    public Submissions requested(String... desks) {
        requested.addAll(List.of(desks));
        return this;
    }

    public Submissions excluded(String... desks) {
        excluded.addAll(List.of(desks));
        return this;
    }

    public Submissions broadcast() {
        builder.setBroadcast(true);
        return this;
    }

    public Submissions handling(HandlingCode code) {
        builder.setHandling(Handling.newBuilder()
                .setCode(code)
                .setCaveat(
                        code == HandlingCode.H3 ? "Requested desks only; contact the issuer before any action" : null)
                .build());
        return this;
    }

    public Submissions priority(Priority priority) {
        builder.setPriority(priority);
        return this;
    }

    public ReferralType type() {
        return builder.getType();
    }

    public ReferralSubmission build() {
        builder.setSubjects(List.copyOf(subjects))
                .setRequestedDesks(List.copyOf(requested))
                .setExcludedDesks(List.copyOf(excluded));
        Object details = builder.getDetails();
        if (details instanceof FugitiveDetails fugitive) {
            builder.setDetails(FugitiveDetails.newBuilder(fugitive)
                    .setLastKnownLocations(locations.stream()
                            .map(country -> Location.newBuilder(
                                            fugitive.getLastKnownLocations().get(0))
                                    .setCountry(country)
                                    .build())
                            .toList())
                    .build());
        } else if (details instanceof DrugTraffickingDetails drugs) {
            DrugTraffickingDetails.Builder withRoute = DrugTraffickingDetails.newBuilder(drugs);
            if (route != null) {
                withRoute.setRoute(route);
            }
            builder.setDetails(withRoute.build());
        } else if (details instanceof CounterTerrorismDetails terrorism) {
            builder.setDetails(CounterTerrorismDetails.newBuilder(terrorism)
                    .setCountriesConcerned(List.copyOf(threatCountries))
                    .build());
        }
        return builder.build();
    }

    private Submissions person(PersonRole role, String... nationalities) {
        Person example = role == PersonRole.SUBJECT ? ExampleEvents.fugitive() : ExampleEvents.associate();
        subjects.add(Person.newBuilder(example)
                .setPersonId("P" + (subjects.size() + 1))
                .setRole(role)
                .setNationalities(List.of(nationalities))
                .build());
        return this;
    }
}
