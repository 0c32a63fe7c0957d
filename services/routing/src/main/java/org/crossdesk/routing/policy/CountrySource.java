package org.crossdesk.routing.policy;

import java.util.List;
import java.util.function.Function;

/**
 * Where in a referral a candidate country comes from. Each source names the reason code a recipient
 * found through it carries ({@code NATIONALITY}, {@code ROUTE_TRANSIT}, ...); {@link RoutingRules} says which
 * sources apply to which referral type.
 */
public enum CountrySource {
    /** A nationality of a person whose role is SUBJECT. */
    NATIONALITY(RoutingRequest::subjectNationalities),
    /** The country of a last known location of a fugitive. */
    LAST_KNOWN_LOCATION(RoutingRequest::lastKnownLocations),
    /** The origin country of a drug route. */
    ROUTE_ORIGIN(RoutingRequest::routeOrigins),
    /** A transit country of a drug route. */
    ROUTE_TRANSIT(RoutingRequest::routeTransits),
    /** The destination country of a drug route. */
    ROUTE_DESTINATION(RoutingRequest::routeDestinations),
    /** A country concerned by a terrorist threat. */
    THREAT_COUNTRY(RoutingRequest::threatCountries);

    private final Function<RoutingRequest, List<String>> countries;

    CountrySource(Function<RoutingRequest, List<String>> countries) {
        this.countries = countries;
    }

    /** The countries this source finds in {@code request}. */
    public List<String> countries(RoutingRequest request) {
        return countries.apply(request);
    }

    /** The reason code of recipients found through this source: the source's name. */
    public String reason() {
        return name();
    }
}
