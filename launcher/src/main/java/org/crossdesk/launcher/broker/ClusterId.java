package org.crossdesk.launcher.broker;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

/** A KRaft cluster id: 16 random bytes in URL-safe base64 without padding (what {@code kafka-storage random-uuid} prints). */
final class ClusterId {

    private ClusterId() {}

    static String random() {
        return random(new SecureRandom());
    }

    static String random(Random random) {
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // Kafka's own Uuid.randomUuid() redraws ids starting with '-': they read as command-line options.
        } while (id.startsWith("-"));
        return id;
    }
}
