package org.crossdesk.launcher.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.crossdesk.events.DeadLetterHeaders;
import org.junit.jupiter.api.Test;

/** What a dead letter says about itself, and what writing it back makes of it. */
class DeadLetterTest {

    static final String OUTBOX = "desk.FR-OCRTIS.outbox.v1";
    static final Instant WRITTEN = Instant.parse("2026-12-01T09:30:00.123Z");
    static final Instant DEAD_LETTERED = Instant.parse("2026-12-01T09:30:01Z");

    /** A dead letter with the headers the platform's recoverer writes, as libs/platform's DeadLetterTest sees them. */
    static DeadLetter platformDeadLetter(List<Header> recordsOwn) {
        List<Header> headers = new java.util.ArrayList<>(recordsOwn);
        headers.add(text(DeadLetterHeaders.ORIGINAL_TOPIC, OUTBOX));
        headers.add(new RecordHeader(
                DeadLetterHeaders.ORIGINAL_PARTITION,
                ByteBuffer.allocate(4).putInt(2).array()));
        headers.add(new RecordHeader(
                DeadLetterHeaders.ORIGINAL_OFFSET,
                ByteBuffer.allocate(8).putLong(41).array()));
        headers.add(new RecordHeader(
                DeadLetterHeaders.ORIGINAL_TIMESTAMP,
                ByteBuffer.allocate(8).putLong(WRITTEN.toEpochMilli()).array()));
        headers.add(text(DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP, "intake"));
        headers.add(text(
                DeadLetterHeaders.EXCEPTION_FQCN,
                "org.springframework.kafka.listener.ListenerExecutionFailedException"));
        headers.add(
                text(DeadLetterHeaders.EXCEPTION_CAUSE_FQCN, "org.crossdesk.platform.kafka.UnusableRecordException"));
        headers.add(text(DeadLetterHeaders.EXCEPTION_MESSAGE, "Listener failed;\n nested exception"));
        headers.add(text(DeadLetterHeaders.EXCEPTION_STACKTRACE, "at a\nat b\n".repeat(50)));
        headers.add(text(
                DeadLetterHeaders.ROOT_CAUSE,
                "org.crossdesk.platform.kafka.UnusableRecordException: acknowledged by an unknown officer"));
        return new DeadLetter(
                OUTBOX + "-dlt",
                2,
                5,
                DEAD_LETTERED,
                "CD-2026-FR-OCRTIS-2-000041".getBytes(StandardCharsets.UTF_8),
                "Jane Synthetic, born 1980-01-01".getBytes(StandardCharsets.UTF_8),
                headers);
    }

    static Header text(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void itNamesWhereItCameFromAndWhen() {
        DeadLetter letter = platformDeadLetter(List.of());

        assertThat(letter.coordinates()).isEqualTo("desk.FR-OCRTIS.outbox.v1-dlt-2@5");
        assertThat(letter.originalTopic()).isEqualTo(OUTBOX);
        assertThat(letter.originalPartition()).hasValue(2);
        assertThat(letter.originalOffset()).hasValue(41);
        assertThat(letter.originalTimestamp()).contains(WRITTEN);
        assertThat(letter.redriveTimestamp()).isEqualTo(WRITTEN);
    }

    @Test
    void withoutTheOriginHeadersItGoesBackToTheTopicItsNameNamesAtItsOwnTime() {
        DeadLetter letter = new DeadLetter(
                "referrals.lifecycle.v1-dlt",
                0,
                0,
                DEAD_LETTERED,
                null,
                new byte[3],
                List.of(
                        // a header of the wrong size is not an offset
                        new RecordHeader(DeadLetterHeaders.ORIGINAL_OFFSET, new byte[4])));

        assertThat(letter.originalTopic()).isEqualTo("referrals.lifecycle.v1");
        assertThat(letter.originalOffset()).isEmpty();
        assertThat(letter.originalPartition()).isEmpty();
        assertThat(letter.redriveTimestamp()).isEqualTo(DEAD_LETTERED);
    }

    @Test
    void writtenBackItKeepsItsOwnHeadersLosesTheCauseAndNamesTheDeadLetter() {
        Header traceparent = text("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Header earlierRedrive = text(DeadLetterHeaders.REDRIVEN_FROM, "desk.FR-OCRTIS.outbox.v1-dlt-2@1");
        DeadLetter letter = platformDeadLetter(List.of(traceparent, earlierRedrive));

        List<Header> headers = letter.redriveHeaders();

        assertThat(headers).extracting(Header::key).containsExactly("traceparent", DeadLetterHeaders.REDRIVEN_FROM);
        assertThat(headers.get(0)).isSameAs(traceparent);
        assertThat(new String(headers.get(1).value(), StandardCharsets.UTF_8))
                .isEqualTo("desk.FR-OCRTIS.outbox.v1-dlt-2@5");
    }
}
