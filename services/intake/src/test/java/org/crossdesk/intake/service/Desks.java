package org.crossdesk.intake.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.platform.security.ApiKeys;

/** Desks, keys and referrals for service tests: synthetic, and unique per test where it matters. */
final class Desks {

    /** Desks with HTTP API keys ({@code key-<desk>}). */
    static final List<String> WITH_KEYS = List.of("FR-BNRF", "DE-BKA", "ES-CNP", "IT-SCO");

    static final String SUPERVISOR_KEY = "key-supervisor";

    private Desks() {}

    static String keyOf(String desk) {
        return "key-" + desk;
    }

    /** The inline API key entries ({@code crossdesk.http.api-keys}) for {@link #WITH_KEYS} and a supervisor. */
    static String apiKeyEntries() {
        Map<String, String> entries = WITH_KEYS.stream()
                .collect(Collectors.toMap(
                        d -> d, d -> ApiKeys.hash(keyOf(d)) + " " + d.toLowerCase() + ".system DESK " + d));
        return String.join(";", entries.values()) + ";" + ApiKeys.hash(SUPERVISOR_KEY) + " duty.supervisor SUPERVISOR";
    }

    /** A desk id no other test uses, in {@code country}: its outbox is created after intake started. */
    static String fresh(String country) {
        StringBuilder agency = new StringBuilder("T");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 7; i++) {
            agency.append((char) ('A' + random.nextInt(26)));
        }
        return country + "-" + agency;
    }

    /** A unique desk reference. */
    static String reference() {
        return "REF-"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36)
                        .toUpperCase();
    }

    /** The example fugitive referral, issued by {@code desk} under {@code reference}. */
    static ReferralSubmission fugitive(String desk, String reference) {
        return ReferralSubmission.newBuilder(ExampleEvents.fugitiveSubmission())
                .setIssuingDesk(desk)
                .setDeskReference(reference)
                .build();
    }
}
