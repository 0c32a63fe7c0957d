package org.crossdesk.intake.directory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.intake.validation.KnownDesks;

/**
 * The desks of the compacted {@code directory.desks.v1} topic, as the validator needs them: replayed from
 * the beginning on start and kept current by the same feed that reads the lifecycle. A tombstone removes a
 * desk. Inactive desks stay known (a referral may name them; routing withholds them).
 */
public final class DirectoryProjection implements KnownDesks {

    private final Set<String> desks = ConcurrentHashMap.newKeySet();

    /** Applies one record of the directory topic: a profile, or null (tombstone) for {@code deskId}. */
    public void apply(String deskId, DeskProfile profile) {
        if (profile == null) {
            desks.remove(deskId);
        } else {
            desks.add(profile.getDeskId());
        }
    }

    @Override
    public boolean isEmpty() {
        return desks.isEmpty();
    }

    @Override
    public boolean contains(String deskId) {
        return desks.contains(deskId);
    }

    /** Number of known desks. */
    public int size() {
        return desks.size();
    }
}
