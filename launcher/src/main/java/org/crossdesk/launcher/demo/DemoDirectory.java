package org.crossdesk.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The synthetic desks and agreements of {@code config/demo/directory.yaml} (the file routing seeds the
 * directory from), as far as the demo needs them to make plausible referrals: who handles what, and
 * which countries cooperate on which crime areas.
 */
public record DemoDirectory(List<Desk> desks, List<Agreement> agreements) {

    /** A desk; its country is the two letters before the dash of its id. */
    public record Desk(String id, Set<String> referralTypes, boolean active) {
        public String country() {
            return id.substring(0, 2);
        }
    }

    /** A cooperation agreement: its parties (framework members and named countries) and crime areas. */
    public record Agreement(String id, Set<String> parties, Set<String> crimeAreas, boolean active, LocalDate validTo) {
        boolean covers(String countryA, String countryB, String crimeArea, LocalDate on) {
            return active
                    && (validTo == null || !validTo.isBefore(on))
                    && crimeAreas.contains(crimeArea)
                    && parties.contains(countryA)
                    && parties.contains(countryB);
        }
    }

    public static DemoDirectory load(Path yaml) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
            List<Desk> desks = new ArrayList<>();
            for (JsonNode desk : root.path("desks")) {
                desks.add(new Desk(
                        desk.path("deskId").asText(),
                        strings(desk.path("referralTypes")),
                        desk.path("active").asBoolean(true)));
            }
            List<Agreement> agreements = new ArrayList<>();
            for (JsonNode agreement : root.path("agreements")) {
                Set<String> parties = strings(agreement.path("members"));
                parties.addAll(strings(agreement.path("countries")));
                JsonNode validTo = agreement.path("validTo");
                agreements.add(new Agreement(
                        agreement.path("agreementId").asText(),
                        parties,
                        strings(agreement.path("crimeAreas")),
                        agreement.path("active").asBoolean(true),
                        validTo.isTextual() ? LocalDate.parse(validTo.asText()) : null));
            }
            if (desks.isEmpty()) {
                throw new IllegalStateException("no desks in " + yaml);
            }
            return new DemoDirectory(List.copyOf(desks), List.copyOf(agreements));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo directory " + yaml, e);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Active desks that handle a referral type. */
    public List<Desk> handling(String type) {
        return desks.stream()
                .filter(desk -> desk.active() && desk.referralTypes().contains(type))
                .toList();
    }

    /** Countries other than {@code from} that have an active desk for the type and an agreement with it. */
    public List<String> partnersOf(String from, String type, LocalDate on) {
        Set<String> partners = new TreeSet<>();
        for (Desk desk : handling(type)) {
            String country = desk.country();
            if (!country.equals(from) && agreements.stream().anyMatch(a -> a.covers(from, country, type, on))) {
                partners.add(country);
            }
        }
        return List.copyOf(partners);
    }

    /** Every country with an active desk, whatever the agreements say. */
    public List<String> countries() {
        return List.copyOf(new TreeSet<>(
                desks.stream().filter(Desk::active).map(Desk::country).toList()));
    }
}
