package org.crossdesk.routing.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.referral.WithholdReason;
import org.crossdesk.platform.security.ApiKeys;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.security.Role;
import org.crossdesk.routing.policy.RoutingDecision;
import org.crossdesk.routing.policy.RoutingPolicy;
import org.crossdesk.routing.policy.RoutingRequest;
import org.crossdesk.routing.policy.RoutingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo directory (config/demo/directory.yaml) and the demo API keys (config/demo/api-keys.txt), which
 * the launcher and the system tests use too: valid, large enough, consistent with each other, and with the
 * gaps that make NO_AGREEMENT visible.
 */
class DemoDirectoryTest {

    private static final Path CONFIG = Path.of("../../config/demo");
    private static final Instant DAY = Instant.parse("2026-03-02T08:15:00Z");
    private static DirectorySeed seed;
    private static Directory directory;

    @BeforeAll
    static void readSeed() throws IOException {
        try (InputStream in = Files.newInputStream(CONFIG.resolve("directory.yaml"))) {
            seed = DirectorySeed.read(in, DAY);
        }
        directory = Directory.of(seed.desks(), seed.agreements());
    }

    @Test
    void theDirectoryHasAtLeastThirtyCountriesAndFiftyDesksEachCountryWithOneCentralDesk() {
        assertThat(directory.countries()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(seed.desks()).hasSizeGreaterThanOrEqualTo(50);
        Map<String, Long> centralDesks = seed.desks().stream()
                .filter(DeskProfile::getNationalCentralDesk)
                .collect(Collectors.groupingBy(DeskProfile::getCountry, Collectors.counting()));
        assertThat(centralDesks.keySet()).isEqualTo(directory.countries());
        assertThat(centralDesks.values()).containsOnly(1L);
        assertThat(directory.desk("FR-OCRTIS")).isPresent();
        assertThat(directory.desk("DE-BKA")).isPresent();
        assertThat(directory.desk("ES-CNP")).isPresent();
        assertThat(directory.desk("TH-RTP")).isPresent();
    }

    @Test
    void theServiceShipsTheSameSeedOnItsClasspath() throws IOException {
        try (InputStream shipped = getClass().getResourceAsStream("/seed/directory.yaml")) {
            assertThat(shipped).isNotNull();
            assertThat(new String(shipped.readAllBytes()))
                    .isEqualTo(Files.readString(CONFIG.resolve("directory.yaml")));
        }
    }

    @Test
    void everySeededDeskHasItsDemoKeyAndTheThreeStaffKeysExist() throws IOException {
        ApiKeys keys = ApiKeys.parse(Files.readString(CONFIG.resolve("api-keys.txt")));

        for (DeskProfile desk : seed.desks()) {
            assertThat(keys.authenticate("demo-" + desk.getDeskId()))
                    .as("key of %s", desk.getDeskId())
                    .hasValueSatisfying(caller -> {
                        assertThat(caller.deskId()).isEqualTo(desk.getDeskId());
                        assertThat(caller.roles()).containsExactly(Role.DESK);
                    });
        }
        assertThat(keys.authenticate("demo-admin")).map(Caller::roles).contains(Set.of(Role.ADMIN));
        assertThat(keys.authenticate("demo-supervisor")).map(Caller::roles).contains(Set.of(Role.SUPERVISOR));
        assertThat(keys.authenticate("demo-auditor")).map(Caller::roles).contains(Set.of(Role.AUDITOR));
        assertThat(keys.size()).isEqualTo(seed.desks().size() + 3);
    }

    @Test
    void theExampleDrugCaseShowsNoAgreementForEcuadorAndReachesTheEuropeanDesks() {
        RoutingDecision decision = new RoutingPolicy(RoutingRules.defaults(), Clock.fixed(DAY, ZoneOffset.UTC))
                .decide(RoutingRequest.of(ExampleEvents.drugTraffickingSubmission()), directory);

        assertThat(decision.withheld()).anySatisfy(withheld -> {
            assertThat(withheld.deskId()).contains("EC-PN");
            assertThat(withheld.reason()).isEqualTo(WithholdReason.NO_AGREEMENT);
        });
        assertThat(decision.recipientDesks()).contains("BE-FJP", "ES-CNP", "ES-GC");
    }

    @Test
    void theInterpolFrameworkCoversFugitivesForEveryCountryOfTheDirectory() {
        assertThat(directory.agreement("INTERPOL-RPD"))
                .hasValueSatisfying(
                        interpol -> assertThat(Directory.parties(interpol)).containsAll(directory.countries()));
    }
}
