package org.crossdesk.routing.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.examples.ExampleEvents;
import org.junit.jupiter.api.Test;

/** Agreement lookup: validity boundaries, suspension, crime areas, parties, and the narrowest basis first. */
class DirectoryTest {

    // The example: EU-SCHENGEN-POLICE, parties CH NO + members AT BE DE ES FR IT NL PT,
    // F/D/C, valid 2024-12-12 .. 2034-12-31.
    private static final CooperationAgreement SCHENGEN = ExampleEvents.cooperationAgreement();

    @Test
    void anAgreementAppliesFromItsFirstToItsLastDayInclusive() {
        Directory directory = Directory.of(List.of(), List.of(SCHENGEN));

        assertThat(directory.agreementCovering("FR", "DE", ReferralType.FUGITIVE, LocalDate.parse("2024-12-11")))
                .isEmpty();
        assertThat(directory.agreementCovering("FR", "DE", ReferralType.FUGITIVE, LocalDate.parse("2024-12-12")))
                .isPresent();
        assertThat(directory.agreementCovering("FR", "DE", ReferralType.FUGITIVE, LocalDate.parse("2034-12-31")))
                .isPresent();
        assertThat(directory.agreementCovering("FR", "DE", ReferralType.FUGITIVE, LocalDate.parse("2035-01-01")))
                .isEmpty();
    }

    @Test
    void directPartiesAndFrameworkMembersAreBothBound() {
        Directory directory = Directory.of(List.of(), List.of(SCHENGEN));
        LocalDate day = LocalDate.parse("2026-03-02");

        assertThat(directory.agreementCovering("NO", "PT", ReferralType.DRUG_TRAFFICKING, day))
                .isPresent();
        assertThat(directory.agreementCovering("FR", "TH", ReferralType.DRUG_TRAFFICKING, day))
                .isEmpty();
    }

    @Test
    void aSuspendedAgreementOrAnUncoveredCrimeAreaGivesNoBasis() {
        CooperationAgreement suspended =
                CooperationAgreement.newBuilder(SCHENGEN).setActive(false).build();
        CooperationAgreement drugsOnly = CooperationAgreement.newBuilder(SCHENGEN)
                .setAgreementId("DRUGS")
                .setCrimeAreas(List.of(ReferralType.DRUG_TRAFFICKING))
                .build();
        LocalDate day = LocalDate.parse("2026-03-02");

        assertThat(Directory.of(List.of(), List.of(suspended))
                        .agreementCovering("FR", "DE", ReferralType.FUGITIVE, day))
                .isEmpty();
        assertThat(Directory.of(List.of(), List.of(drugsOnly))
                        .agreementCovering("FR", "DE", ReferralType.FUGITIVE, day))
                .isEmpty();
    }

    @Test
    void theNarrowestApplicableAgreementIsNamed() {
        CooperationAgreement bilateral = CooperationAgreement.newBuilder(SCHENGEN)
                .setAgreementId("ZZ-BILAT-FR-DE")
                .setCountries(List.of("FR", "DE"))
                .setFrameworks(List.of())
                .setMembers(List.of())
                .build();
        Directory directory = Directory.of(List.of(), List.of(SCHENGEN, bilateral));

        assertThat(directory.agreementCovering("FR", "DE", ReferralType.FUGITIVE, LocalDate.parse("2026-03-02")))
                .map(CooperationAgreement::getAgreementId)
                .contains("ZZ-BILAT-FR-DE");
    }

    @Test
    void theActiveCentralDeskIsPreferredAndUpdatesReplaceByDeskId() {
        DeskProfile active = ExampleEvents.deskProfile();
        DeskProfile inactiveTwin = DeskProfile.newBuilder(active)
                .setDeskId("DE-BKAOLD")
                .setActive(false)
                .build();
        Directory directory = Directory.of(List.of(inactiveTwin, active), List.of());

        assertThat(directory.nationalCentralDesk("DE"))
                .map(DeskProfile::getDeskId)
                .contains("DE-BKA");

        Directory updated =
                directory.with(DeskProfile.newBuilder(active).setActive(false).build());
        assertThat(updated.desk("DE-BKA")).map(DeskProfile::getActive).contains(false);
        assertThat(directory.desk("DE-BKA")).map(DeskProfile::getActive).contains(true);
        assertThat(updated.withoutDesk("DE-BKA").desk("DE-BKA")).isEmpty();
    }
}
