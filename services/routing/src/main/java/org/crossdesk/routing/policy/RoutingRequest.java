package org.crossdesk.routing.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.Location;
import org.crossdesk.events.common.Person;
import org.crossdesk.events.common.PersonRole;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.referral.CounterTerrorismDetails;
import org.crossdesk.events.referral.DrugRoute;
import org.crossdesk.events.referral.DrugTraffickingDetails;
import org.crossdesk.events.referral.FugitiveDetails;
import org.crossdesk.events.referral.ReferralSubmission;

/**
 * The part of a referral that routing looks at. A submission carries far more (names, warrants,
 * substances); routing needs only who issued it, what it is, how it may be handled, whom the issuer
 * asked for or ruled out, and the countries the content points to.
 *
 * @param issuingDesk               the issuing desk (the outbox it came from)
 * @param type                      referral type
 * @param priority                  priority, which sets the deadlines
 * @param handling                  handling code
 * @param requestedDesks            desks the issuer asked for
 * @param excludedDesks             desks the issuer ruled out
 * @param broadcast                 whether the issuer asked for a broadcast
 * @param subjectNationalities      nationalities of the persons with role SUBJECT
 * @param lastKnownLocations        countries of the last known locations (fugitive)
 * @param routeOrigins              origin country of the drug route, if any
 * @param routeTransits             transit countries of the drug route
 * @param routeDestinations         destination country of the drug route, if any
 * @param threatCountries           countries concerned by a terrorist threat
 */
public record RoutingRequest(
        String issuingDesk,
        ReferralType type,
        Priority priority,
        HandlingCode handling,
        List<String> requestedDesks,
        List<String> excludedDesks,
        boolean broadcast,
        List<String> subjectNationalities,
        List<String> lastKnownLocations,
        List<String> routeOrigins,
        List<String> routeTransits,
        List<String> routeDestinations,
        List<String> threatCountries) {

    public RoutingRequest {
        Objects.requireNonNull(issuingDesk, "issuingDesk");
        type = type == null ? ReferralType.UNKNOWN : type;
        priority = priority == null ? Priority.ROUTINE : priority;
        // An unreadable or missing code is treated as the most restrictive one, like the schema's enum default.
        handling = handling == null ? HandlingCode.H3 : handling;
        requestedDesks = desks(requestedDesks);
        excludedDesks = desks(excludedDesks);
        subjectNationalities = countries(subjectNationalities);
        lastKnownLocations = countries(lastKnownLocations);
        routeOrigins = countries(routeOrigins);
        routeTransits = countries(routeTransits);
        routeDestinations = countries(routeDestinations);
        threatCountries = countries(threatCountries);
    }

    /** The routing view of a submission; {@code issuingDesk} is the desk whose outbox it came from. */
    public static RoutingRequest of(ReferralSubmission submission) {
        List<String> nationalities = new ArrayList<>();
        for (Person person : submission.getSubjects()) {
            if (person.getRole() == PersonRole.SUBJECT) {
                nationalities.addAll(person.getNationalities());
            }
        }
        List<String> locations = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        List<String> transits = new ArrayList<>();
        List<String> destinations = new ArrayList<>();
        List<String> threats = new ArrayList<>();
        Object details = submission.getDetails();
        if (details instanceof FugitiveDetails fugitive) {
            fugitive.getLastKnownLocations().stream().map(Location::getCountry).forEach(locations::add);
        } else if (details instanceof DrugTraffickingDetails drugs && drugs.getRoute() != null) {
            DrugRoute route = drugs.getRoute();
            origins.add(route.getOriginCountry());
            transits.addAll(route.getTransitCountries());
            destinations.add(route.getDestinationCountry());
        } else if (details instanceof CounterTerrorismDetails terrorism) {
            threats.addAll(terrorism.getCountriesConcerned());
        }
        return new RoutingRequest(
                submission.getIssuingDesk(),
                submission.getType(),
                submission.getPriority(),
                submission.getHandling() == null
                        ? null
                        : submission.getHandling().getCode(),
                submission.getRequestedDesks(),
                submission.getExcludedDesks(),
                submission.getBroadcast(),
                nationalities,
                locations,
                origins,
                transits,
                destinations,
                threats);
    }

    /** The issuing desk's country (the CC of CC-AGENCY). */
    public String issuerCountry() {
        return countryOfDesk(issuingDesk);
    }

    /** The country part of a desk id, upper case; {@code "??"} for text too short to hold one. */
    static String countryOfDesk(String deskId) {
        return deskId != null && deskId.length() >= 2 ? deskId.substring(0, 2).toUpperCase(Locale.ROOT) : "??";
    }

    private static List<String> desks(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(Objects::nonNull)
                        .map(String::trim)
                        .filter(value -> !value.isEmpty())
                        .distinct()
                        .toList();
    }

    private static List<String> countries(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(Objects::nonNull)
                        .map(value -> value.trim().toUpperCase(Locale.ROOT))
                        .filter(value -> !value.isEmpty())
                        .distinct()
                        .toList();
    }
}
