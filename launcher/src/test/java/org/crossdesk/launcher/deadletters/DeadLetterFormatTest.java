package org.crossdesk.launcher.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class DeadLetterFormatTest {

    @Test
    void aRecordShowsItsOriginAndCauseButNeverItsValue() {
        DeadLetter letter = DeadLetterTest.platformDeadLetter(List.of(
                DeadLetterTest.text("traceparent", "00-abc-01"),
                new RecordHeader("binary", new byte[] {(byte) 0xff, (byte) 0xfe})));

        String shown = DeadLetterFormat.record(letter, true);

        assertThat(shown)
                .startsWith("desk.FR-OCRTIS.outbox.v1-dlt-2@5  2026-12-01T09:30:01Z  waiting\n")
                .contains("  key         CD-2026-FR-OCRTIS-2-000041\n")
                .contains("  value       31 bytes (not shown: it may hold personal data)\n")
                .contains("  from        desk.FR-OCRTIS.outbox.v1-2@41, written 2026-12-01T09:30:00Z,"
                        + " read by group intake\n")
                .contains("  exception   org.springframework.kafka.listener.ListenerExecutionFailedException:"
                        + " Listener failed; | nested exception\n")
                .contains("  cause       org.crossdesk.platform.kafka.UnusableRecordException\n")
                .contains("  root cause  org.crossdesk.platform.kafka.UnusableRecordException: acknowledged by an"
                        + " unknown officer\n")
                .contains("  stack trace 500 bytes (not shown)\n")
                .contains("  headers     traceparent=00-abc-01, binary=(2 bytes, not text)\n")
                .doesNotContain("Jane")
                .doesNotContain("at a");
        assertThat(DeadLetterFormat.record(letter, false)).contains("  redriven\n");
    }

    @Test
    void aTombstoneAndAKeylessRecordSaySo() {
        DeadLetter letter = new DeadLetter("x.v1-dlt", 0, 3, Instant.EPOCH, null, null, List.of());

        assertThat(DeadLetterFormat.record(letter, true))
                .contains("  key         (none)\n")
                .contains("  value       (none: a tombstone)\n")
                .contains("  from        x.v1\n")
                .doesNotContain("exception");
    }

    @Test
    void controlCharactersInAKeyAreEscapedNotPrinted() {
        assertThat(DeadLetterFormat.printable("a\u001b[2Jb\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("a\\u001b[2Jb\\u000a");
    }

    @Test
    void theListSaysWhatWaitsAndFlagsRetentionLongerThanTheCatalogues() {
        List<TopicSummary> topics = List.of(
                new TopicSummary(
                        "desk.FR-OCRTIS.outbox.v1-dlt",
                        12,
                        3,
                        Optional.of(Instant.parse("2026-12-01T09:30:00.500Z")),
                        Optional.of(Instant.parse("2026-12-06T23:59:59Z")),
                        Optional.empty()),
                new TopicSummary(
                        "audit.v1-dlt", 0, 0, Optional.empty(), Optional.empty(), Optional.of(Duration.ofDays(14))));

        String table = DeadLetterFormat.topics(topics);

        assertThat(table.lines().toList())
                .containsExactly(
                        "topic                         records  waiting  oldest                newest                retention",
                        "desk.FR-OCRTIS.outbox.v1-dlt       12        3  2026-12-01T09:30:00Z  2026-12-06T23:59:59Z  forever (catalogue: 7 days)",
                        "audit.v1-dlt                        0        0  -                     -                     14 days",
                        "3 dead letter(s) waiting: show TOPIC, then redrive.",
                        "Some keep dead letters longer than the catalogue allows: retention --apply bounds them.");
        assertThat(DeadLetterFormat.topics(List.of())).isEqualTo("No dead-letter topics.\n");
    }

    @Test
    void retentionSaysWhatItDoesOrWouldDo() {
        List<TopicSummary> topics = List.of(
                summary("desk.FR-OCRTIS.inbox.v1-dlt", Optional.empty()),
                summary("directory.desks.v1-dlt", Optional.of(Duration.ofDays(3))),
                summary("someone-elses-dlt", Optional.empty()));

        assertThat(DeadLetterFormat.retention(topics, false).lines().toList())
                .containsExactly(
                        "desk.FR-OCRTIS.inbox.v1-dlt  forever -> 14 days  (retention --apply sets it)",
                        "directory.desks.v1-dlt       3 days  (within the catalogue's 14 days)",
                        "someone-elses-dlt            forever  (not a catalogue topic's: left alone)");
        assertThat(DeadLetterFormat.retention(topics, true)).contains("forever -> 14 days  (set)\n");
        assertThat(DeadLetterFormat.retention(List.of(), true)).isEqualTo("No dead-letter topics.\n");
    }

    @Test
    void durationsReadAsAnOperatorWouldSayThem() {
        assertThat(DeadLetterFormat.duration(Optional.of(Duration.ofDays(1)))).isEqualTo("1 day");
        assertThat(DeadLetterFormat.duration(Optional.of(Duration.ofHours(36)))).isEqualTo("36 hours");
        assertThat(DeadLetterFormat.duration(Optional.of(Duration.ofMillis(1500))))
                .isEqualTo("1500 ms");
        assertThat(DeadLetterFormat.duration(Optional.empty())).isEqualTo("forever");
    }

    @Test
    void onlyCatalogueDeadLetterTopicsHaveABound() {
        assertThat(TopicSummary.catalogueRetention("desk.FR-OCRTIS.outbox.v1-dlt"))
                .contains(Duration.ofDays(7));
        assertThat(TopicSummary.catalogueRetention("referrals.lifecycle.v1-dlt"))
                .contains(Duration.ofDays(14));
        assertThat(TopicSummary.catalogueRetention("referrals.lifecycle.v1")).isEmpty();
        assertThat(TopicSummary.catalogueRetention("orders-dlt")).isEmpty();
    }

    private static TopicSummary summary(String name, Optional<Duration> retention) {
        return new TopicSummary(name, 0, 0, Optional.empty(), Optional.empty(), retention);
    }
}
