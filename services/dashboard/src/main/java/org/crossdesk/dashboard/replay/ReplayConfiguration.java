package org.crossdesk.dashboard.replay;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crossdesk.dashboard.DashboardProperties;
import org.crossdesk.dashboard.views.OperationalPicture;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.schemaregistry.client.CachedSchemaRegistryClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the picture and the replay that builds it. */
@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  OperationalPicture operationalPicture(Clock clock, DashboardProperties properties) {
    return new OperationalPicture(clock, properties.feedCapacity());
  }

  @Bean
  TopicReplay topicReplay(KafkaClientSettings settings, OperationalPicture picture, Clock clock,
      DashboardProperties properties, @Value("${spring.application.name}") String application) {
    Map<String, Object> config = new HashMap<>(settings.consumer(application));
    // No group: every start replays everything into memory, so there is nothing to commit or rebalance.
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-replay");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    // Replay throughput: bigger polls and fetches than a request-at-a-time service needs.
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
    CachedSchemaRegistryClient registry = CachedSchemaRegistryClient.fromConfigs(settings.serde());
    ProjectingDeserializer values = new ProjectingDeserializer(registry::getSchemaById);
    return new TopicReplay(new KafkaConsumer<>(config), values, picture, OperationalPicture.sourceTopics(), clock,
        properties.progressLogInterval(), properties.sweepInterval(), properties.sweepGrace());
  }

  @Bean
  ReplayRunner replayRunner(TopicReplay replay) {
    return new ReplayRunner(replay);
  }
}
