package org.crossdesk.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crossdesk.events.DeadLetterHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * libs/events restates Spring Kafka's dead-letter header names for readers without Spring (the launcher's
 * {@code dead-letters} command): a Spring upgrade that renamed one fails here, not in an operator's hands.
 */
class DeadLetterHeadersTest {

    @Test
    void theCataloguesNamesAreSpringKafkasOwn() {
        assertThat(DeadLetterHeaders.ORIGINAL_TOPIC).isEqualTo(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        assertThat(DeadLetterHeaders.ORIGINAL_PARTITION).isEqualTo(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        assertThat(DeadLetterHeaders.ORIGINAL_OFFSET).isEqualTo(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        assertThat(DeadLetterHeaders.ORIGINAL_TIMESTAMP).isEqualTo(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
        assertThat(DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP).isEqualTo(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        assertThat(DeadLetterHeaders.EXCEPTION_FQCN).isEqualTo(KafkaHeaders.DLT_EXCEPTION_FQCN);
        assertThat(DeadLetterHeaders.EXCEPTION_CAUSE_FQCN).isEqualTo(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        assertThat(DeadLetterHeaders.EXCEPTION_MESSAGE).isEqualTo(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        assertThat(DeadLetterHeaders.EXCEPTION_STACKTRACE).isEqualTo(KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
    }

    @Test
    void aRedriveLeavesEveryHeaderTheRecovererAddsAndKeepsTheRecordsOwn() {
        assertThat(List.of(
                        KafkaHeaders.DLT_ORIGINAL_TOPIC,
                        KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE,
                        KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE,
                        KafkaHeaders.DLT_EXCEPTION_STACKTRACE,
                        CrossdeskKafkaAutoConfiguration.ROOT_CAUSE_HEADER))
                .allMatch(DeadLetterHeaders::describesTheFailure);
        assertThat(List.of("traceparent", DeadLetterHeaders.REDRIVEN_FROM))
                .noneMatch(DeadLetterHeaders::describesTheFailure);
    }
}
