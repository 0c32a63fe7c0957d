package org.crossdesk.routing.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;

/**
 * An immutable snapshot of the directory: every desk profile and every cooperation agreement, as the
 * compacted topics hold them. The routing policy decides against one snapshot, so a decision never sees
 * half of an administrator's change.
 */
public final class Directory {

    private static final Directory EMPTY = new Directory(Map.of(), Map.of());

    // Sorted maps: every listing the policy makes is in id order, so decisions are reproducible.
    private final Map<String, DeskProfile> desks;
    private final Map<String, CooperationAgreement> agreements;
    // Indexes for the policy, which asks for every recipient: built once per snapshot, not per question.
    private final Map<String, List<DeskProfile>> desksByCountry = new HashMap<>();
    private final Map<String, Set<String>> partiesByAgreement = new HashMap<>();

    private Directory(Map<String, DeskProfile> desks, Map<String, CooperationAgreement> agreements) {
        this.desks = desks;
        this.agreements = agreements;
        desks.values()
                .forEach(desk -> desksByCountry
                        .computeIfAbsent(desk.getCountry(), country -> new ArrayList<>())
                        .add(desk));
        agreements
                .values()
                .forEach(agreement -> partiesByAgreement.put(agreement.getAgreementId(), parties(agreement)));
    }

    /** The directory without desks or agreements. */
    public static Directory empty() {
        return EMPTY;
    }

    /** A directory of these desks and agreements (later entries with the same id win). */
    public static Directory of(Collection<DeskProfile> desks, Collection<CooperationAgreement> agreements) {
        Map<String, DeskProfile> deskMap = new TreeMap<>();
        desks.forEach(desk -> deskMap.put(desk.getDeskId(), desk));
        Map<String, CooperationAgreement> agreementMap = new TreeMap<>();
        agreements.forEach(agreement -> agreementMap.put(agreement.getAgreementId(), agreement));
        return new Directory(Collections.unmodifiableMap(deskMap), Collections.unmodifiableMap(agreementMap));
    }

    /** This directory with {@code desk} added or replaced. */
    public Directory with(DeskProfile desk) {
        Map<String, DeskProfile> copy = new TreeMap<>(desks);
        copy.put(desk.getDeskId(), desk);
        return new Directory(Collections.unmodifiableMap(copy), agreements);
    }

    /** This directory without the desk {@code deskId} (a tombstone on the desks topic). */
    public Directory withoutDesk(String deskId) {
        Map<String, DeskProfile> copy = new TreeMap<>(desks);
        copy.remove(deskId);
        return new Directory(Collections.unmodifiableMap(copy), agreements);
    }

    /** This directory with {@code agreement} added or replaced. */
    public Directory with(CooperationAgreement agreement) {
        Map<String, CooperationAgreement> copy = new TreeMap<>(agreements);
        copy.put(agreement.getAgreementId(), agreement);
        return new Directory(desks, Collections.unmodifiableMap(copy));
    }

    /** This directory without the agreement {@code agreementId}. */
    public Directory withoutAgreement(String agreementId) {
        Map<String, CooperationAgreement> copy = new TreeMap<>(agreements);
        copy.remove(agreementId);
        return new Directory(desks, Collections.unmodifiableMap(copy));
    }

    /** Every desk, in desk id order. */
    public Collection<DeskProfile> desks() {
        return desks.values();
    }

    /** Every agreement, in agreement id order. */
    public Collection<CooperationAgreement> agreements() {
        return agreements.values();
    }

    public Optional<DeskProfile> desk(String deskId) {
        return Optional.ofNullable(desks.get(deskId));
    }

    public Optional<CooperationAgreement> agreement(String agreementId) {
        return Optional.ofNullable(agreements.get(agreementId));
    }

    /** The desks of {@code country}, active or not, in desk id order. */
    public List<DeskProfile> desksIn(String country) {
        return List.copyOf(desksByCountry.getOrDefault(country, List.of()));
    }

    /** The national central desk of {@code country}, preferring an active one if the data holds several. */
    public Optional<DeskProfile> nationalCentralDesk(String country) {
        return desksIn(country).stream()
                .filter(DeskProfile::getNationalCentralDesk)
                .min(Comparator.comparing((DeskProfile desk) -> !desk.getActive()));
    }

    /** The countries with at least one desk. */
    public Set<String> countries() {
        return Set.copyOf(desksByCountry.keySet());
    }

    /**
     * The agreement that lets {@code countryA} and {@code countryB} exchange referrals of {@code type} on
     * {@code date}: active, in its validity period, covering the crime area, with both countries among
     * its parties. The narrowest one (fewest parties, then id) is named, because a bilateral treaty is
     * the more specific legal basis when a multilateral framework also applies.
     */
    public Optional<CooperationAgreement> agreementCovering(
            String countryA, String countryB, ReferralType type, LocalDate date) {
        return agreements.values().stream()
                .filter(agreement -> covers(
                        agreement, partiesByAgreement.get(agreement.getAgreementId()), countryA, countryB, type, date))
                .min(Comparator.comparingInt((CooperationAgreement agreement) -> partiesByAgreement
                                .get(agreement.getAgreementId())
                                .size())
                        .thenComparing(CooperationAgreement::getAgreementId));
    }

    /** Whether {@code agreement} is in force on {@code date} for {@code type} between the two countries. */
    public static boolean covers(
            CooperationAgreement agreement, String countryA, String countryB, ReferralType type, LocalDate date) {
        return covers(agreement, parties(agreement), countryA, countryB, type, date);
    }

    private static boolean covers(
            CooperationAgreement agreement,
            Set<String> parties,
            String countryA,
            String countryB,
            ReferralType type,
            LocalDate date) {
        return agreement.getActive()
                && agreement.getCrimeAreas().contains(type)
                && !date.isBefore(agreement.getValidFrom())
                && (agreement.getValidTo() == null || !date.isAfter(agreement.getValidTo()))
                && parties.contains(countryA)
                && parties.contains(countryB);
    }

    /** The countries bound by an agreement: its direct parties and the members of its frameworks. */
    public static Set<String> parties(CooperationAgreement agreement) {
        Set<String> parties = new HashSet<>(agreement.getCountries());
        parties.addAll(agreement.getMembers());
        return parties;
    }

    /** Desk and agreement counts, for logs. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("desks", desks.size());
        sizes.put("agreements", agreements.size());
        return sizes;
    }
}
