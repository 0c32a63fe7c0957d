package org.crossdesk.systemtests.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Referral bodies for the intake API, from the JSON files under {@code referrals/}, each with a new desk reference. */
public final class Referrals {

    private Referrals() {}

    /**
     * A FUGITIVE referral as a French desk would send it: the subject is a German national last seen in
     * Spain, so Germany and Spain are the derived countries, URGENT, handling H2.
     */
    public static ObjectNode fugitiveFromFrance() {
        return load("fugitive-from-france.json");
    }

    /**
     * The JSON twin of {@code ExampleEvents.fugitiveSubmission()} (libs/events test-jar): one subject with
     * German and Spanish nationalities, last seen in Spain, DE-BKA requested, PT-PJ excluded.
     */
    public static ObjectNode fugitiveExample() {
        return load("fugitive-example.json");
    }

    static ObjectNode load(String name) {
        try (InputStream in = Referrals.class.getResourceAsStream("/referrals/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no referral file " + name);
            }
            ObjectNode referral = (ObjectNode) HttpDesk.JSON.readTree(in);
            referral.put("deskReference", "ST-" + UUID.randomUUID().toString().substring(0, 18));
            return referral;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
