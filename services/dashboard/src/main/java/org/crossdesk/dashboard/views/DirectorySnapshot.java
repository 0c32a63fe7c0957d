package org.crossdesk.dashboard.views;

import java.util.List;

/**
 * The directory as the dashboard knows it: desks (without their escalation contacts, which name
 * persons) and how many cooperation agreements are in force.
 *
 * @param desks every desk in the directory, by id
 * @param agreements agreements known
 * @param activeAgreements of which active
 */
public record DirectorySnapshot(List<Desk> desks, long agreements, long activeAgreements) {

    /** A desk profile without contact details. */
    public record Desk(
            String deskId,
            String country,
            String agencyName,
            boolean active,
            boolean nationalCentralDesk,
            List<String> referralTypes) {}
}
