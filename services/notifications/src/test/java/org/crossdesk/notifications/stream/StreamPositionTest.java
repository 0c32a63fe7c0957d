package org.crossdesk.notifications.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamPositionTest {

    @Test
    void theTextFormListsTheNextOffsetOfEveryPartitionInOrder() {
        StreamPosition position = StreamPosition.of(Map.of(2, 22L, 0, 15L, 1, 7L));
        assertThat(position.text()).isEqualTo("0-15,1-7,2-22");
        assertThat(StreamPosition.parse(position.text())).contains(position);
    }

    @Test
    void movingPastARecordAdvancesOnlyItsPartition() {
        StreamPosition start = StreamPosition.of(Map.of(0, 15L, 1, 7L));
        StreamPosition next = start.after(1, 9);

        assertThat(next.text()).isEqualTo("0-15,1-10");
        assertThat(start.text()).isEqualTo("0-15,1-7");
        assertThat(next.nextOffset(2)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0", "0-", "-1-5", "0-1,0-2", "0-1;1-2", "a-b", "0-99999999999999999999", "0-1,"})
    void anythingElseIsNotAPosition(String text) {
        assertThat(StreamPosition.parse(text)).isEmpty();
    }
}
