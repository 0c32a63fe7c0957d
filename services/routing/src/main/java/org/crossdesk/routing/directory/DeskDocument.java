package org.crossdesk.routing.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.crossdesk.events.directory.DeskProfile;

/**
 * A desk as the admin API and the seed file write it: the fields of the Avro {@code DeskProfile}.
 * Enumerations are text so that every wrong field gets its own error instead of one parse failure.
 *
 * @param deskId              desk id {@code CC-AGENCY}
 * @param country             optional; must be the CC of the desk id when given
 * @param agencyName          full agency name
 * @param referralTypes       FUGITIVE, DRUG_TRAFFICKING, COUNTER_TERRORISM
 * @param nationalCentralDesk whether this is the country's national central desk (default false)
 * @param active              whether it receives referrals (default true)
 * @param escalationContact   who is alerted when the desk misses a deadline
 * @param updatedAt           when the profile last changed (output only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeskDocument(
        String deskId,
        String country,
        String agencyName,
        List<String> referralTypes,
        Boolean nationalCentralDesk,
        Boolean active,
        ContactDocument escalationContact,
        Instant updatedAt) {

    /**
     * An escalation contact.
     *
     * @param name  name or function
     * @param email e-mail address
     * @param phone phone number in E.164 form, optional
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactDocument(String name, String email, String phone) {}

    /** The document of a stored profile. */
    public static DeskDocument of(DeskProfile desk) {
        return new DeskDocument(
                desk.getDeskId(),
                desk.getCountry(),
                desk.getAgencyName(),
                desk.getReferralTypes().stream().map(Enum::name).toList(),
                desk.getNationalCentralDesk(),
                desk.getActive(),
                new ContactDocument(
                        desk.getEscalationContact().getName(),
                        desk.getEscalationContact().getEmail(),
                        desk.getEscalationContact().getPhone()),
                desk.getUpdatedAt());
    }

    /** This document with another desk id (the one of the URL path). */
    DeskDocument withDeskId(String id) {
        return new DeskDocument(
                id, country, agencyName, referralTypes, nationalCentralDesk, active, escalationContact, updatedAt);
    }
}
