package org.crossdesk.intake;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crossdesk.intake.cases.CaseBook;
import org.crossdesk.intake.cases.CaseFeed;
import org.crossdesk.intake.directory.DirectoryProjection;
import org.crossdesk.intake.gateway.KafkaOutboxWriter;
import org.crossdesk.intake.gateway.ReferralGateway;
import org.crossdesk.intake.outbox.OutboxListener;
import org.crossdesk.intake.outbox.OutboxProcessor;
import org.crossdesk.intake.validation.SubmissionValidator;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.platform.kafka.TopicProvisioner;
import org.crossdesk.platform.kafka.follow.AvroDecoder;
import org.crossdesk.platform.kafka.follow.TopicFollower;
import org.crossdesk.platform.telemetry.RecordObservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the plain-Java parts of intake to Kafka and the web layer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntakeConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CaseBook caseBook() {
        return new CaseBook();
    }

    @Bean
    DirectoryProjection directoryProjection() {
        return new DirectoryProjection();
    }

    @Bean
    SubmissionValidator submissionValidator(Clock clock, DirectoryProjection directory) {
        return new SubmissionValidator(clock, directory);
    }

    @Bean
    CaseFeed caseFeed(
            KafkaClientSettings settings,
            AvroDecoder caseDecoder,
            CaseBook cases,
            DirectoryProjection directory,
            @Value("${spring.application.name}") String app) {
        return new CaseFeed(
                handler -> TopicFollower.of(app + "-case-view", CaseFeed.TOPICS, settings, caseDecoder, handler),
                cases,
                directory);
    }

    @Bean(destroyMethod = "close")
    AvroDecoder caseDecoder(KafkaClientSettings settings) {
        return new AvroDecoder(settings.serde());
    }

    /**
     * Starts the case view after the platform has created the catalogue topics and before the outbox
     * listener container (whose phase is later) starts consuming.
     */
    @Bean
    SmartLifecycle caseFeedLifecycle(CaseFeed feed) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                feed.start();
                running = true;
            }

            @Override
            public void stop() {
                feed.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return 0;
            }
        };
    }

    /**
     * Health is DOWN until the case view has replayed the topics: before that, intake could not tell a
     * resubmission from a new referral, so it is not ready (the launcher and orchestrators wait for UP).
     */
    @Bean
    HealthIndicator caseViewHealth(CaseFeed feed, CaseBook cases, DirectoryProjection directory) {
        return () -> feed.isReady()
                ? Health.up()
                        .withDetail("referrals", cases.size())
                        .withDetail("desks", directory.size())
                        .build()
                : Health.down()
                        .withDetail(
                                "caseView",
                                "replaying the lifecycle, responses, breaches and directory,"
                                        + " or restarting its reader: "
                                        + feed.sessions().lastFailure())
                        .build();
    }

    @Bean
    OutboxProcessor outboxProcessor(
            SubmissionValidator validator,
            CaseBook cases,
            Clock clock,
            @Value("${spring.application.name}") String app) {
        return new OutboxProcessor(validator, cases, clock, app);
    }

    @Bean
    OutboxListener outboxListener(
            OutboxProcessor processor,
            CaseBook cases,
            CaseFeed feed,
            KafkaTemplate<String, Object> kafka,
            TopicProvisioner topics,
            IntakeProperties properties,
            ObservationRegistry observations,
            @Value("${spring.application.name}") String app) {
        return new OutboxListener(
                processor,
                cases,
                feed,
                kafka,
                properties.sendTimeout(),
                properties.catchUpTimeout(),
                topics::ensureDeskTopics,
                new RecordObservations(observations, "intake-outbox", app));
    }

    @Bean
    ReferralGateway referralGateway(
            SubmissionValidator validator,
            CaseBook cases,
            CaseFeed feed,
            KafkaTemplate<String, Object> kafka,
            TopicProvisioner topics,
            Clock clock,
            IntakeProperties properties) {
        Runnable viewCatchUp = () -> {
            try {
                // An HTTP request waits a little, never minutes: a view that lags that much answers as it is.
                feed.caughtUp().get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.warn("The case view did not catch up within {}: {}", properties.sendTimeout(), e.toString());
            }
        };
        return new ReferralGateway(
                validator,
                cases,
                new KafkaOutboxWriter(kafka, topics::ensureDeskTopics, properties.sendTimeout()),
                clock,
                properties.rememberWrites(),
                viewCatchUp);
    }
}
