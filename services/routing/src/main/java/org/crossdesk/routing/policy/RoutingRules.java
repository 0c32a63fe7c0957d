package org.crossdesk.routing.policy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;

/**
 * The routing rules as data (docs/design/architecture.md §4): which parts of a referral point to candidate
 * countries for each type, which types may be broadcast, what each handling code allows, and the
 * deadlines of each priority. {@link #defaults()} is the documented policy; deployments change the
 * deadlines by configuration.
 *
 * @param countrySources  per referral type, the sources of candidate countries
 * @param broadcastTypes  referral types for which a broadcast reaches every active desk handling the type
 * @param handling        what each handling code allows
 * @param deadlines       acknowledgement and response deadlines per priority
 */
public record RoutingRules(
        Map<ReferralType, List<CountrySource>> countrySources,
        Set<ReferralType> broadcastTypes,
        Map<HandlingCode, HandlingRule> handling,
        Map<Priority, Deadlines> deadlines) {

    /**
     * What a handling code means for routing and for the recipients.
     *
     * @param requestedRecipientsOnly  only desks the issuer requested may receive it
     * @param onwardForwardingAllowed  recipients may pass it on
     * @param evidentialUseAllowed     recipients may use it as evidence without the issuer's consent
     */
    public record HandlingRule(
            boolean requestedRecipientsOnly, boolean onwardForwardingAllowed, boolean evidentialUseAllowed) {}

    /**
     * How long a recipient has to acknowledge and to report action, counted from routing.
     *
     * @param acknowledgement time to acknowledge
     * @param response        time to report action
     */
    public record Deadlines(Duration acknowledgement, Duration response) {
        public Deadlines {
            Objects.requireNonNull(acknowledgement, "acknowledgement");
            Objects.requireNonNull(response, "response");
            if (acknowledgement.isNegative() || acknowledgement.isZero() || response.compareTo(acknowledgement) < 0) {
                throw new IllegalArgumentException(
                        "Deadlines need 0 < acknowledgement <= response, got acknowledgement " + acknowledgement
                                + " and response " + response);
            }
        }
    }

    public RoutingRules {
        countrySources = Map.copyOf(countrySources);
        broadcastTypes = Set.copyOf(broadcastTypes);
        handling = Map.copyOf(handling);
        deadlines = Map.copyOf(deadlines);
        for (HandlingCode code : HandlingCode.values()) {
            if (!handling.containsKey(code)) {
                throw new IllegalArgumentException("No handling rule for " + code);
            }
        }
        for (Priority priority : Priority.values()) {
            if (!deadlines.containsKey(priority)) {
                throw new IllegalArgumentException("No deadlines for priority " + priority);
            }
        }
    }

    /** The default policy of docs/design/architecture.md §4. */
    public static RoutingRules defaults() {
        return new RoutingRules(
                Map.of(
                        ReferralType.FUGITIVE,
                        List.of(CountrySource.NATIONALITY, CountrySource.LAST_KNOWN_LOCATION),
                        ReferralType.DRUG_TRAFFICKING,
                        List.of(
                                CountrySource.ROUTE_ORIGIN,
                                CountrySource.ROUTE_TRANSIT,
                                CountrySource.ROUTE_DESTINATION),
                        ReferralType.COUNTER_TERRORISM,
                        List.of(CountrySource.THREAT_COUNTRY)),
                // A terrorist threat can be broadcast to every counter-terrorism desk (INTERPOL Orange Notice).
                // Fugitives and drug cases go to the countries their content names: a wanted person's alert to
                // every desk of the world is a Red Notice, which needs review before it goes out
                // (docs/design/domain.md).
                Set.of(ReferralType.COUNTER_TERRORISM),
                Map.of(
                        HandlingCode.H0, new HandlingRule(false, true, true),
                        HandlingCode.H1, new HandlingRule(false, true, false),
                        HandlingCode.H2, new HandlingRule(false, false, true),
                        // H3's restrictions are free text only a person can read: route to requested desks only,
                        // and bind recipients as tightly as the codes can.
                        HandlingCode.H3, new HandlingRule(true, false, false)),
                defaultDeadlines());
    }

    /** IMMEDIATE 1 h / 8 h, URGENT 4 h / 12 h, ROUTINE 24 h / 7 days. */
    public static Map<Priority, Deadlines> defaultDeadlines() {
        Map<Priority, Deadlines> deadlines = new EnumMap<>(Priority.class);
        deadlines.put(Priority.IMMEDIATE, new Deadlines(Duration.ofHours(1), Duration.ofHours(8)));
        deadlines.put(Priority.URGENT, new Deadlines(Duration.ofHours(4), Duration.ofHours(12)));
        deadlines.put(Priority.ROUTINE, new Deadlines(Duration.ofHours(24), Duration.ofDays(7)));
        return deadlines;
    }

    /** These rules with other deadlines for some priorities. */
    public RoutingRules withDeadlines(Map<Priority, Deadlines> overrides) {
        Map<Priority, Deadlines> merged = new EnumMap<>(deadlines);
        merged.putAll(overrides);
        return new RoutingRules(countrySources, broadcastTypes, handling, merged);
    }

    /** The sources of candidate countries for {@code type} (none for UNKNOWN). */
    public List<CountrySource> sourcesFor(ReferralType type) {
        return countrySources.getOrDefault(type, List.of());
    }

    public HandlingRule handlingFor(HandlingCode code) {
        return handling.get(code);
    }

    public Deadlines deadlinesFor(Priority priority) {
        return deadlines.get(priority);
    }
}
