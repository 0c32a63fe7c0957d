package org.crossdesk.routing.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crossdesk.events.common.LegalBasis;
import org.crossdesk.events.common.LegalBasisType;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.directory.EscalationContact;
import org.crossdesk.routing.directory.Directory;

/**
 * The small synthetic directory the policy table runs against, written as two tables. Types: F fugitive,
 * D drug trafficking, C counter-terrorism. "NCB" marks a national central desk.
 */
public final class TestDirectory {

    public static final String DESKS = """
      desk        types  central  active
      FR-BNRF     F      -        yes
      FR-OCRTIS   D      -        yes
      FR-DGSI     C      -        yes
      FR-DCPJ     F      NCB      yes
      DE-BKA      FDC    NCB      yes
      ES-CNP      FD     NCB      yes
      ES-CGI      C      -        yes
      BE-FJP      FDC    NCB      yes
      NL-NP       FDC    NCB      yes
      PT-PJ       FDC    NCB      yes
      IT-SCIP     FDC    NCB      yes
      IT-DCSA     D      -        no
      AT-BK       FDC    NCB      yes
      CH-FEDPOL   FDC    NCB      yes
      GB-CTP      C      -        yes
      TH-RTP      F      NCB      yes
      TH-ONCB     D      -        yes
      LA-MPS      F      NCB      yes
      CO-DIJIN    FD     NCB      yes
      MA-DGSN     FDC    NCB      yes
      US-FBI      FC     -        yes
      US-DEA      D      -        yes
      US-USNCB    F      NCB      yes
      RU-MVD      FDC    NCB      yes
      VE-CICPC    F      NCB      no
      """;

    // Parties: plain codes are direct parties (countries), codes after "|" are framework members.
    public static final String AGREEMENTS = """
      agreement             areas  from        to          active  parties
      INTERPOL              F      1956-06-13  -           yes     | FR DE ES BE NL PT IT AT CH GB TH LA CO MA US RU VE
      EU                    FDC    2016-05-11  -           yes     CH | FR DE ES BE NL PT IT AT
      BILAT-FR-TH-DRUGS     D      2015-01-01  2030-12-31  yes     FR TH
      BILAT-FR-LA-DRUGS     D      2019-01-01  -           yes     FR LA
      BILAT-FR-CO-DRUGS     D      2010-01-01  2020-12-31  yes     FR CO
      BILAT-FR-MA-SECURITY  DC     2010-01-01  -           no      FR MA
      BILAT-ES-MA-DRUGS     D      2012-01-01  -           yes     ES MA
      BILAT-FR-US-2030      DC     2030-01-01  -           yes     FR US
      """;

    private TestDirectory() {}

    public static Directory directory() {
        return Directory.of(desks(), agreements());
    }

    public static List<DeskProfile> desks() {
        List<DeskProfile> desks = new ArrayList<>();
        for (String[] row : rows(DESKS)) {
            desks.add(desk(row[0], row[1], row[2].equals("NCB"), row[3].equals("yes")));
        }
        return desks;
    }

    public static List<CooperationAgreement> agreements() {
        List<CooperationAgreement> agreements = new ArrayList<>();
        for (String[] row : rows(AGREEMENTS)) {
            List<String> parties = Arrays.asList(row).subList(5, row.length);
            int bar = parties.indexOf("|");
            List<String> countries = bar < 0 ? parties : parties.subList(0, bar);
            List<String> members = bar < 0 ? List.of() : parties.subList(bar + 1, parties.size());
            agreements.add(CooperationAgreement.newBuilder()
                    .setAgreementId(row[0])
                    .setName(row[0])
                    .setCountries(List.copyOf(countries))
                    .setFrameworks(members.isEmpty() ? List.of() : List.of(row[0]))
                    .setMembers(List.copyOf(members))
                    .setCrimeAreas(types(row[1]))
                    .setLegalBasis(LegalBasis.newBuilder()
                            .setType(LegalBasisType.OTHER)
                            .setReference(row[0])
                            .build())
                    .setValidFrom(LocalDate.parse(row[2]))
                    .setValidTo(row[3].equals("-") ? null : LocalDate.parse(row[3]))
                    .setActive(row[4].equals("yes"))
                    .build());
        }
        return agreements;
    }

    public static DeskProfile desk(String deskId, String types, boolean central, boolean active) {
        return DeskProfile.newBuilder()
                .setDeskId(deskId)
                .setCountry(deskId.substring(0, 2))
                .setAgencyName("Synthetic agency " + deskId)
                .setReferralTypes(types(types))
                .setNationalCentralDesk(central)
                .setEscalationContact(EscalationContact.newBuilder()
                        .setName("Duty officer")
                        .setEmail("duty@" + deskId.toLowerCase() + ".example")
                        .build())
                .setActive(active)
                .setUpdatedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .build();
    }

    public static List<ReferralType> types(String letters) {
        List<ReferralType> types = new ArrayList<>();
        for (char letter : letters.toCharArray()) {
            types.add(
                    switch (letter) {
                        case 'F' -> ReferralType.FUGITIVE;
                        case 'D' -> ReferralType.DRUG_TRAFFICKING;
                        case 'C' -> ReferralType.COUNTER_TERRORISM;
                        default -> throw new IllegalArgumentException("Unknown type letter " + letter);
                    });
        }
        return types;
    }

    private static List<String[]> rows(String table) {
        return table.lines()
                .skip(1)
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+"))
                .toList();
    }
}
