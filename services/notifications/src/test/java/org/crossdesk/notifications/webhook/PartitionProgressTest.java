package org.crossdesk.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    private final PartitionProgress progress = new PartitionProgress();

    @Test
    void theCommitStopsAtTheLowestRecordStillBeingDelivered() {
        progress.started(10);
        progress.started(11);
        progress.started(12);
        progress.finished(11);
        progress.finished(12);

        assertThat(progress.committable(13)).hasValue(10);
        progress.committed(10);
        assertThat(progress.committable(13)).isEmpty();

        progress.finished(10);
        assertThat(progress.committable(13)).hasValue(13);
        assertThat(progress.inProgress()).isZero();
    }

    @Test
    void withNothingInProgressThePositionIsCommittedStepsOverTransactionMarkers() {
        progress.started(5);
        progress.finished(5);
        // The consumer's position may be past the last record: the commit marker of its transaction.
        assertThat(progress.committable(7)).hasValue(7);
        progress.committed(7);
        assertThat(progress.committable(7)).isEmpty();
    }
}
