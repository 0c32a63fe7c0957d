package org.crossdesk.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterIdTest {

    @Test
    void isSixteenBytesOfUrlSafeBase64WithoutPadding() {
        String id = ClusterId.random();

        assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    }

    @Test
    void neverStartsWithADashThatACommandLineWouldTakeForAnOption() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            assertThat(ClusterId.random(random)).doesNotStartWith("-");
        }
    }
}
