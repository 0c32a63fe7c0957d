package org.crossdesk.dashboard.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;

/** The latest desk profile per desk and agreement per id, as the compacted directory topics hold them. */
final class DirectoryProjection {

    private final Map<String, DirectorySnapshot.Desk> desks = new TreeMap<>();
    private final Map<String, Boolean> agreements = new TreeMap<>();

    void desk(String deskId, GenericRecord profile) {
        if (profile == null) {
            desks.remove(deskId);
            return;
        }
        List<String> types = new ArrayList<>();
        Fields.list(profile, "referralTypes").forEach(t -> types.add(t.toString()));
        desks.put(
                deskId,
                new DirectorySnapshot.Desk(
                        Fields.text(profile, "deskId"),
                        Fields.text(profile, "country"),
                        Fields.text(profile, "agencyName"),
                        Fields.bool(profile, "active"),
                        Fields.bool(profile, "nationalCentralDesk"),
                        List.copyOf(types)));
    }

    void agreement(String agreementId, GenericRecord agreement) {
        if (agreement == null) {
            agreements.remove(agreementId);
        } else {
            agreements.put(agreementId, Fields.bool(agreement, "active"));
        }
    }

    DirectorySnapshot view() {
        long active = agreements.values().stream().filter(Boolean::booleanValue).count();
        return new DirectorySnapshot(List.copyOf(desks.values()), agreements.size(), active);
    }
}
