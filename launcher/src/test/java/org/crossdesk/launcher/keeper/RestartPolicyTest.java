package org.crossdesk.launcher.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final RestartPolicy policy = new RestartPolicy();

    @Test
    void aComponentThatKeepsDyingWaitsTwiceAsLongEachTimeUpToAMinute() {
        long now = 0;
        policy.started("notifications", now);
        double previous = 0;
        for (int failure = 0; failure < 10; failure++) {
            Duration delay = policy.died("notifications", now).orElseThrow();
            if (failure > 0 && delay.toMillis() < RestartPolicy.MAX.toMillis() * 0.8) {
                // Doubling, each within 20 %: never less than 1.6/1.2 of the step before.
                assertThat(delay.toMillis()).isGreaterThan((long) (previous * 1.3));
            }
            assertThat(delay).isLessThanOrEqualTo(RestartPolicy.MAX);
            previous = delay.toMillis();
            now += delay.toNanos();
            assertThat(policy.takeDue("notifications", now)).isTrue();
            policy.restarted("notifications");
            now += SECOND; // dies again a second after its restart
        }
        assertThat(previous).isGreaterThanOrEqualTo(RestartPolicy.MAX.toMillis() * 0.8);
        assertThat(policy.restarts("notifications")).isEqualTo(10);
    }

    @Test
    void aComponentThatRanForAMinuteStartsAgainFromTheFirstStep() {
        long now = 0;
        policy.started("routing", now);
        for (int failure = 0; failure < 5; failure++) {
            now += policy.died("routing", now).orElseThrow().toNanos();
            policy.takeDue("routing", now);
            policy.restarted("routing");
        }

        now += RestartPolicy.STABLE.toNanos();
        Duration delay = policy.died("routing", now).orElseThrow();

        assertThat(delay.toMillis()).isBetween(800L, 1200L);
        assertThat(policy.restarts()).containsEntry("routing", 5);
    }

    @Test
    void aRestartIsDueOnlyOnceAndOnlyAfterItsDelay() {
        policy.started("dashboard", 0);
        Duration delay = policy.died("dashboard", 0).orElseThrow();

        assertThat(policy.died("dashboard", 1)).as("already scheduled").isEmpty();
        assertThat(policy.takeDue("dashboard", delay.toNanos() - 1)).isFalse();
        assertThat(policy.takeDue("dashboard", delay.toNanos())).isTrue();
        assertThat(policy.takeDue("dashboard", delay.toNanos() + SECOND))
                .as("under way")
                .isFalse();
        assertThat(policy.died("dashboard", delay.toNanos() + SECOND))
                .as("under way")
                .isEmpty();
        assertThat(policy.restarts("dashboard")).isEqualTo(1);
        assertThat(policy.restarts("intake")).isZero();
    }
}
