package org.crossdesk.dashboard.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;

/** The latest desk profile per desk and agreement per id, as the compacted directory topics hold them. */
final class DeskDirectory {

  private final Map<String, DirectoryView.Desk> desks = new TreeMap<>();
  private final Map<String, Boolean> agreements = new TreeMap<>();

  void desk(String deskId, DeskProfile profile) {
    if (profile == null) {
      desks.remove(deskId);
      return;
    }
    List<String> types = new ArrayList<>(profile.getReferralTypes().size());
    profile.getReferralTypes().forEach(t -> types.add(t.name()));
    desks.put(deskId, new DirectoryView.Desk(profile.getDeskId(), profile.getCountry(), profile.getAgencyName(),
        profile.getActive(), profile.getNationalCentralDesk(), List.copyOf(types)));
  }

  void agreement(String agreementId, CooperationAgreement agreement) {
    if (agreement == null) {
      agreements.remove(agreementId);
    } else {
      agreements.put(agreementId, agreement.getActive());
    }
  }

  DirectoryView view() {
    long active = agreements.values().stream().filter(Boolean::booleanValue).count();
    return new DirectoryView(List.copyOf(desks.values()), agreements.size(), active);
  }
}
