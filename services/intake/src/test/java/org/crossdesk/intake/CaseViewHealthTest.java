package org.crossdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.crossdesk.intake.cases.CaseBook;
import org.crossdesk.intake.cases.CaseFeed;
import org.crossdesk.intake.directory.DirectoryProjection;
import org.crossdesk.platform.kafka.follow.ConsumerSessions;
import org.crossdesk.platform.kafka.follow.TopicFollower;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

class CaseViewHealthTest {

    @Test
    void intakeIsDownWhileTheCaseViewHasNotReplayedTheTopics() {
        CaseFeed notStarted = new CaseFeed(
                handler -> new TopicFollower(
                        "case-view",
                        CaseFeed.TOPICS,
                        () -> {
                            throw new AssertionError("not started in this test");
                        },
                        null,
                        handler,
                        ConsumerSessions.of("case-view")),
                new CaseBook(),
                new DirectoryProjection());

        HealthIndicator health =
                new IntakeConfiguration().caseViewHealth(notStarted, new CaseBook(), new DirectoryProjection());

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
