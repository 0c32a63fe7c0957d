package org.crossdesk.dashboard.replay;

import java.time.Clock;
import java.util.List;
import org.crossdesk.dashboard.DashboardProperties;
import org.crossdesk.dashboard.views.OperationalPicture;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.platform.kafka.follow.ConsumersHealth;
import org.crossdesk.platform.kafka.follow.TopicFollower;
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
    TopicReplay topicReplay(
            KafkaClientSettings settings,
            OperationalPicture picture,
            Clock clock,
            DashboardProperties properties,
            @Value("${spring.application.name}") String application) {
        CachedSchemaRegistryClient registry = CachedSchemaRegistryClient.fromConfigs(settings.serde());
        ProjectingDeserializer values = new ProjectingDeserializer(registry::getSchemaById);
        return new TopicReplay(
                handler -> TopicFollower.replaying(
                        application + "-replay",
                        OperationalPicture.sourceTopics(),
                        settings,
                        (topic, headers, bytes) -> bytes == null ? null : values.deserialize(topic, headers, bytes),
                        handler),
                picture,
                OperationalPicture.sourceTopics(),
                clock,
                properties.progressLogInterval(),
                properties.sweepInterval(),
                properties.sweepGrace());
    }

    /** DOWN while the replay restarts after a failure (the broker or the registry not answering): the picture stalls. */
    @Bean
    ConsumersHealth consumersHealth(TopicReplay replay) {
        return new ConsumersHealth(List.of(replay.sessions()));
    }

    @Bean
    ReplayRunner replayRunner(TopicReplay replay) {
        return new ReplayRunner(replay);
    }
}
