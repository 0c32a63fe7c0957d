package org.crossdesk.routing.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.referral.WithholdReason;
import org.crossdesk.routing.directory.Directory;
import org.crossdesk.routing.policy.RoutingDecision.Recipient;
import org.crossdesk.routing.policy.RoutingDecision.Withheld;
import org.crossdesk.routing.policy.RoutingRules.Deadlines;
import org.crossdesk.routing.policy.RoutingRules.HandlingRule;

/**
 * Decides who receives a referral (docs/design/architecture.md §4). Pure: the same request, directory, rules and
 * clock always give the same decision, and nothing is published.
 *
 * <ol>
 *   <li>Candidates: the requested desks, plus the desks of the countries the referral's content points
 *       to ({@link RoutingRules#sourcesFor}), plus, for a broadcast of a broadcastable type, every active
 *       desk handling the type. The issuer's own country is never a derived candidate.</li>
 *   <li>In a derived country, the active desks handling the type receive it; if there are none, the
 *       national central desk does.</li>
 *   <li>Then, in this order: a desk the issuer excluded is withheld ({@code EXCLUDED_BY_ISSUER}); under a
 *       handling code allowing requested desks only, the others are withheld ({@code HANDLING_RESTRICTED});
 *       a desk abroad without an agreement with the issuer's country covering the type on the day is
 *       withheld ({@code NO_AGREEMENT}).</li>
 * </ol>
 */
public final class RoutingPolicy {

    private final RoutingRules rules;
    private final Clock clock;

    public RoutingPolicy(RoutingRules rules, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RoutingRules rules() {
        return rules;
    }

    /** The decision for {@code request} against {@code directory}, now. */
    public RoutingDecision decide(RoutingRequest request, Directory directory) {
        // Events carry milliseconds (timestamp-millis): decide at that precision so previews and events agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Decision decision = new Decision(request, directory);
        decision.addRequested();
        decision.addDerived();
        decision.addBroadcast();
        return decision.finish(now);
    }

    /** The working state of one decision. */
    private final class Decision {

        private final RoutingRequest request;
        private final Directory directory;
        private final String issuerCountry;
        // Candidate desks in the order found, each with its reasons in the order found.
        private final Map<String, Set<String>> candidates = new LinkedHashMap<>();
        private final Map<String, DeskProfile> candidateDesks = new LinkedHashMap<>();
        private final List<Withheld> withheld = new ArrayList<>();

        Decision(RoutingRequest request, Directory directory) {
            this.request = request;
            this.directory = directory;
            this.issuerCountry = request.issuerCountry();
        }

        void addRequested() {
            for (String deskId : request.requestedDesks()) {
                Optional<DeskProfile> desk = directory.desk(deskId);
                if (deskId.equals(request.issuingDesk())) {
                    withhold(
                            deskId,
                            issuerCountry,
                            WithholdReason.OTHER,
                            "The issuing desk does not receive its own referral");
                } else if (desk.isEmpty()) {
                    withhold(
                            deskId,
                            RoutingRequest.countryOfDesk(deskId),
                            WithholdReason.OTHER,
                            "Requested desk " + deskId + " is not in the directory");
                } else if (!desk.get().getActive()) {
                    withhold(
                            deskId,
                            desk.get().getCountry(),
                            WithholdReason.INACTIVE_DESK,
                            "Requested desk " + deskId + " is inactive");
                } else {
                    candidate(desk.get(), List.of(ReasonCodes.REQUESTED));
                }
            }
        }

        void addDerived() {
            // Country -> the reasons it was derived for, both in the order found.
            Map<String, Set<String>> countries = new LinkedHashMap<>();
            for (CountrySource source : rules.sourcesFor(request.type())) {
                for (String country : source.countries(request)) {
                    countries
                            .computeIfAbsent(country, key -> new LinkedHashSet<>())
                            .add(source.reason());
                }
            }
            countries.forEach((country, reasons) -> {
                if (country.equals(issuerCountry)) {
                    withhold(
                            null,
                            country,
                            WithholdReason.ISSUER_COUNTRY,
                            "Derived from " + String.join(", ", reasons)
                                    + ": the issuer's own country is never a derived recipient");
                } else {
                    addCountry(country, reasons);
                }
            });
        }

        private void addCountry(String country, Set<String> reasons) {
            List<DeskProfile> desks = directory.desksIn(country);
            List<DeskProfile> handlers =
                    desks.stream().filter(desk -> handles(desk, request.type())).toList();
            List<DeskProfile> activeHandlers =
                    handlers.stream().filter(DeskProfile::getActive).toList();
            handlers.stream()
                    .filter(desk -> !desk.getActive())
                    .forEach(desk -> withhold(
                            desk.getDeskId(),
                            country,
                            WithholdReason.INACTIVE_DESK,
                            desk.getDeskId() + " handles " + request.type() + " but is inactive"));
            if (!activeHandlers.isEmpty()) {
                activeHandlers.forEach(desk -> candidate(desk, reasons));
                return;
            }
            Optional<DeskProfile> central = directory.nationalCentralDesk(country);
            if (central.isPresent() && central.get().getActive()) {
                List<String> withFallback = new ArrayList<>(reasons);
                withFallback.add(ReasonCodes.NATIONAL_CENTRAL_DESK);
                candidate(central.get(), withFallback);
            } else if (central.isPresent()) {
                withhold(
                        central.get().getDeskId(),
                        country,
                        WithholdReason.INACTIVE_DESK,
                        "No active desk of " + country + " handles " + request.type()
                                + " and its national central desk is inactive");
            } else {
                withhold(
                        null,
                        country,
                        WithholdReason.NO_DESK_IN_COUNTRY,
                        desks.isEmpty()
                                ? "The directory has no desk in " + country
                                : "No desk of " + country + " handles " + request.type()
                                        + " and it has no national central desk");
            }
        }

        void addBroadcast() {
            if (!request.broadcast() || !rules.broadcastTypes().contains(request.type())) {
                return;
            }
            boolean issuerCountrySeen = false;
            for (DeskProfile desk : directory.desks()) {
                if (!desk.getActive() || !handles(desk, request.type())) {
                    continue;
                }
                if (desk.getCountry().equals(issuerCountry)) {
                    if (!issuerCountrySeen && !candidates.containsKey(desk.getDeskId())) {
                        withhold(
                                null,
                                issuerCountry,
                                WithholdReason.ISSUER_COUNTRY,
                                "Broadcast: the issuer's own country is never a derived recipient");
                    }
                    issuerCountrySeen = true;
                } else {
                    candidate(desk, List.of(ReasonCodes.BROADCAST));
                }
            }
        }

        RoutingDecision finish(Instant now) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            HandlingRule handling = rules.handlingFor(request.handling());
            Deadlines deadlines = rules.deadlinesFor(request.priority());
            List<Recipient> recipients = new ArrayList<>();
            candidates.forEach((deskId, reasons) -> {
                DeskProfile desk = candidateDesks.get(deskId);
                String country = desk.getCountry();
                Optional<CooperationAgreement> agreement = country.equals(issuerCountry)
                        ? Optional.empty()
                        : directory.agreementCovering(issuerCountry, country, request.type(), today);
                if (request.excludedDesks().contains(deskId)) {
                    withhold(
                            deskId,
                            country,
                            WithholdReason.EXCLUDED_BY_ISSUER,
                            "Excluded by the issuer; would have received it for " + String.join(", ", reasons));
                } else if (handling.requestedRecipientsOnly() && !reasons.contains(ReasonCodes.REQUESTED)) {
                    withhold(
                            deskId,
                            country,
                            WithholdReason.HANDLING_RESTRICTED,
                            "Handling code " + request.handling()
                                    + " allows requested desks only; would have received it for "
                                    + String.join(", ", reasons));
                } else if (!country.equals(issuerCountry) && agreement.isEmpty()) {
                    withhold(
                            deskId,
                            country,
                            WithholdReason.NO_AGREEMENT,
                            "No active agreement between " + issuerCountry + " and " + country + " covers "
                                    + request.type() + " on " + today);
                } else {
                    String legalBasis = agreement
                            .map(found -> ReasonCodes.AGREEMENT_PREFIX + found.getAgreementId())
                            .orElse(ReasonCodes.DOMESTIC);
                    recipients.add(new Recipient(
                            deskId,
                            country,
                            List.copyOf(reasons),
                            legalBasis,
                            now.plus(deadlines.acknowledgement()),
                            now.plus(deadlines.response())));
                }
            });
            recipients.sort(Comparator.comparing(Recipient::deskId));
            List<Withheld> sortedWithheld = new ArrayList<>(withheld);
            sortedWithheld.sort(Comparator.comparing(Withheld::country)
                    .thenComparing(candidate -> candidate.deskId().orElse(""))
                    .thenComparing(Withheld::reason));
            return new RoutingDecision(
                    request.issuingDesk(),
                    request.type(),
                    request.priority(),
                    request.handling(),
                    now,
                    recipients,
                    sortedWithheld,
                    handling.onwardForwardingAllowed(),
                    handling.evidentialUseAllowed());
        }

        private void candidate(DeskProfile desk, Collection<String> reasons) {
            candidateDesks.putIfAbsent(desk.getDeskId(), desk);
            candidates
                    .computeIfAbsent(desk.getDeskId(), key -> new LinkedHashSet<>())
                    .addAll(reasons);
        }

        private void withhold(String deskId, String country, WithholdReason reason, String detail) {
            boolean known = withheld.stream()
                    .anyMatch(existing -> existing.reason() == reason
                            && existing.country().equals(country)
                            && existing.deskId().equals(Optional.ofNullable(deskId)));
            if (!known) {
                withheld.add(new Withheld(Optional.ofNullable(deskId), country, reason, detail));
            }
        }
    }

    private static boolean handles(DeskProfile desk, ReferralType type) {
        return desk.getReferralTypes().contains(type);
    }
}
