package org.crossdesk.notifications.deadline;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.directory.EscalationContact;

/** Each desk's escalation contact, as replayed from the compacted directory topic. */
public final class EscalationDirectory {

    private final Map<String, EscalationContact> contacts = new ConcurrentHashMap<>();

    /** Applies a directory record: a profile, or a tombstone ({@code profile == null}) removing the desk. */
    public void apply(String deskId, DeskProfile profile) {
        if (profile == null || profile.getEscalationContact() == null) {
            contacts.remove(deskId);
        } else {
            contacts.put(deskId, profile.getEscalationContact());
        }
    }

    /** The escalation contact of {@code deskId}, if the directory has one. */
    public Optional<EscalationContact> contactOf(String deskId) {
        return Optional.ofNullable(contacts.get(deskId));
    }
}
