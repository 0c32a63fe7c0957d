package org.crossdesk.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.crossdesk.platform.kafka.KafkaClientSettings.Assignment;
import org.crossdesk.platform.kafka.KafkaClientSettings.Values;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    private static KafkaClientSettings withUser(Map<String, String> extra) {
        return new KafkaClientSettings("broker:9092", "http://registry:8081", extra);
    }

    @Test
    void theUsersSettingsOverrideTheDefaultsInEveryVariant() {
        KafkaClientSettings settings =
                withUser(Map.of("linger.ms", "20", "security.protocol", "SASL_SSL", "max.poll.records", "50"));

        assertThat(settings.producer("p"))
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(settings.consumer("g")).containsEntry("security.protocol", "SASL_SSL");
        assertThat(settings.fanOut("g")).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        assertThat(settings.replay("r", Values.AVRO)).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        assertThat(settings.admin())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "broker:9092");
    }

    @Test
    void aSettingCrossdeskDecidesCannotBeOverriddenAndTheErrorNamesIt() {
        assertThatThrownBy(() -> withUser(Map.of("acks", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crossdesk.kafka.properties.acks");
        assertThatThrownBy(() -> withUser(Map.of("isolation.level", "read_uncommitted")))
                .hasMessageContaining("isolation.level");
        assertThatThrownBy(() -> withUser(Map.of("bootstrap.servers", "elsewhere:9092")))
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void theRegistrysCredentialsReachTheSerdeAndKafkaSettingsStayOut() {
        KafkaClientSettings settings = withUser(Map.of(
                "basic.auth.credentials.source",
                "USER_INFO",
                "basic.auth.user.info",
                "svc:secret",
                "sasl.mechanism",
                "SCRAM-SHA-512"));

        assertThat(settings.serde())
                .containsEntry("basic.auth.user.info", "svc:secret")
                .containsEntry("schema.registry.url", "http://registry:8081")
                .doesNotContainKey("sasl.mechanism");
    }

    @Test
    void aReaderBelongsToNoGroupAndCommitsNothing() {
        Map<String, Object> reader = withUser(Map.of()).reader("view", Values.BYTES);

        assertThat(reader)
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG)
                .containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "view")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        assertThat(withUser(Map.of()).reader(null, Values.BYTES)).doesNotContainKey(ConsumerConfig.CLIENT_ID_CONFIG);
    }

    @Test
    void groupVariantsNameTheirAssignmentWhereItMatters() {
        KafkaClientSettings settings = withUser(Map.of());

        assertThat(settings.fanOut("routing"))
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "routing")
                .containsEntry(
                        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(RangeAssignor.class.getName()))
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        assertThat(settings.consumer("n", Values.BYTES, Assignment.COOPERATIVE))
                .containsEntry(
                        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                        List.of(CooperativeStickyAssignor.class.getName()));
        assertThat(settings.consumer("g")).doesNotContainKey(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
    }
}
