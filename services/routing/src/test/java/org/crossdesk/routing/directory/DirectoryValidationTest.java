package org.crossdesk.routing.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.platform.web.FieldViolation;
import org.crossdesk.routing.testing.TestDirectory;
import org.junit.jupiter.api.Test;

/** Every wrong field of a desk or agreement is named, with a code a client can switch on. */
class DirectoryValidationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:00Z");

    private static DeskDocument desk(String id, List<String> types, String email, String phone) {
        return new DeskDocument(
                id,
                null,
                "Synthetic agency",
                types,
                false,
                true,
                new DeskDocument.ContactDocument("Duty officer", email, phone),
                null);
    }

    @Test
    void aValidDeskBecomesAProfileWithItsCountryAndDefaults() {
        DirectoryValidation.Result<DeskProfile> result = DirectoryValidation.desk(
                new DeskDocument(
                        "PT-GNR",
                        null,
                        " Guarda Nacional Republicana ",
                        List.of("drug_trafficking"),
                        null,
                        null,
                        new DeskDocument.ContactDocument("GNR duty", "duty@pt-gnr.crossdesk.example", "+351210000000"),
                        null),
                NOW);

        assertThat(result.violations()).isEmpty();
        assertThat(result.value().getCountry()).isEqualTo("PT");
        assertThat(result.value().getAgencyName()).isEqualTo("Guarda Nacional Republicana");
        assertThat(result.value().getReferralTypes()).containsExactly(ReferralType.DRUG_TRAFFICKING);
        assertThat(result.value().getActive()).isTrue();
        assertThat(result.value().getNationalCentralDesk()).isFalse();
        assertThat(result.value().getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void everyWrongDeskFieldIsReported() {
        DirectoryValidation.Result<?> result = DirectoryValidation.desk(
                new DeskDocument(
                        "de-bka",
                        "FR",
                        "",
                        List.of("FUGITIVE", "PICKPOCKETS"),
                        false,
                        true,
                        new DeskDocument.ContactDocument("", "not-an-address", "0611 55"),
                        null),
                NOW);

        assertThat(result.violations())
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder(
                        "deskId",
                        "agencyName",
                        "referralTypes[1]",
                        "escalationContact.name",
                        "escalationContact.email",
                        "escalationContact.phone");
        assertThat(result.violations())
                .extracting(FieldViolation::code)
                .contains("INVALID_DESK_ID", "INVALID_REFERRAL_TYPE", "INVALID_EMAIL", "INVALID_PHONE");
    }

    @Test
    void aCountryThatContradictsTheDeskIdIsRefused() {
        DirectoryValidation.Result<?> result = DirectoryValidation.desk(
                new DeskDocument(
                        "DE-BKA",
                        "FR",
                        "Bundeskriminalamt",
                        List.of("FUGITIVE"),
                        true,
                        true,
                        new DeskDocument.ContactDocument("Duty", "duty@de-bka.crossdesk.example", null),
                        null),
                NOW);

        assertThat(result.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("country");
            assertThat(violation.code()).isEqualTo("COUNTRY_MISMATCH");
        });
    }

    @Test
    void aSecondActiveCentralDeskInACountryBreaksARule() {
        var second = DirectoryValidation.desk(
                new DeskDocument(
                        "DE-LKA",
                        null,
                        "Landeskriminalamt",
                        List.of("FUGITIVE"),
                        true,
                        true,
                        new DeskDocument.ContactDocument("Duty", "duty@de-lka.crossdesk.example", null),
                        null),
                NOW);

        assertThat(DirectoryValidation.deskRules(second.value(), TestDirectory.directory()))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.code()).isEqualTo("CENTRAL_DESK_EXISTS");
                    assertThat(violation.message()).contains("DE-BKA");
                });
    }

    @Test
    void everyWrongAgreementFieldIsReported() {
        DirectoryValidation.Result<?> result = DirectoryValidation.agreement(new AgreementDocument(
                "bilat fr",
                "",
                List.of("FR", "ZZ"),
                List.of(),
                List.of("DE"),
                List.of(),
                new AgreementDocument.LegalBasisDocument("HANDSHAKE", "", null),
                "2026-13-01",
                "2020-01-01",
                true));

        assertThat(result.violations())
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder(
                        "agreementId",
                        "name",
                        "countries[1]",
                        "frameworks",
                        "crimeAreas",
                        "legalBasis.type",
                        "legalBasis.reference",
                        "validFrom");
    }

    @Test
    void anAgreementNeedsTwoPartiesAndAnEndAfterItsStart() {
        DirectoryValidation.Result<?> result = DirectoryValidation.agreement(new AgreementDocument(
                "BILAT-FR-FR",
                "Self",
                List.of("FR", "FR"),
                List.of(),
                List.of(),
                List.of("FUGITIVE"),
                new AgreementDocument.LegalBasisDocument("BILATERAL_AGREEMENT", "X-1", null),
                "2024-01-01",
                "2023-12-31",
                null));

        assertThat(result.violations())
                .extracting(FieldViolation::code)
                .containsExactlyInAnyOrder("TOO_FEW_PARTIES", "ENDS_BEFORE_START");
    }

    @Test
    void aSeedWithProblemsIsRefusedNamingEachOne() {
        String yaml = """
        desks:
          - deskId: FR-DCPJ
            agencyName: DCPJ
            referralTypes: [FUGITIVE]
            nationalCentralDesk: true
            escalationContact: {name: Duty, email: duty@fr-dcpj.crossdesk.example}
          - deskId: FR-DCPJ
            agencyName: DCPJ again
            referralTypes: [FUGITIVE]
            escalationContact: {name: Duty, email: duty@fr-dcpj.crossdesk.example}
          - deskId: FR-X
            agencyName: Bad
            referralTypes: [FUGITIVE]
            escalationContact: {name: Duty, email: duty@x.crossdesk.example}
        agreements: []
        """;

        assertThatThrownBy(
                        () -> DirectorySeed.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("desks[1] (FR-DCPJ) deskId: Desk FR-DCPJ is listed twice")
                .hasMessageContaining("desks[2] (FR-X) deskId:");
    }
}
