package org.crossdesk.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.access.AccessAdmin;
import org.crossdesk.access.CatalogueTopics;
import org.crossdesk.access.KafkaCredentials;
import org.crossdesk.events.Topics;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.platform.kafka.CrossdeskKafkaAutoConfiguration;
import org.crossdesk.platform.kafka.CrossdeskKafkaProperties;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.platform.kafka.KafkaClientSettings.Values;
import org.crossdesk.platform.kafka.OutageBackOff;
import org.crossdesk.platform.kafka.OutageHealth;
import org.crossdesk.platform.kafka.follow.AvroDecoder;
import org.crossdesk.platform.kafka.follow.ConsumersHealth;
import org.crossdesk.platform.kafka.follow.TopicFollower;
import org.crossdesk.platform.telemetry.RecordObservations;
import org.crossdesk.routing.access.DeskAccess;
import org.crossdesk.routing.access.DeskProvisioner;
import org.crossdesk.routing.access.IssuerProperties;
import org.crossdesk.routing.directory.DirectorySeed;
import org.crossdesk.routing.directory.DirectoryService;
import org.crossdesk.routing.directory.DirectoryStore;
import org.crossdesk.routing.explain.PeerDecisions;
import org.crossdesk.routing.fanout.FanOut;
import org.crossdesk.routing.fanout.FanOutListener;
import org.crossdesk.routing.fanout.LedgerRestorer;
import org.crossdesk.routing.fanout.RecipientLedger;
import org.crossdesk.routing.policy.RoutingPolicy;
import org.crossdesk.schemaregistry.client.CachedSchemaRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;

/** Wires the plain routing code to Kafka, HTTP and configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuerProperties.class)
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);
    private static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The other routing instances, asked for decisions this one does not hold. */
    @Bean
    PeerDecisions peerDecisions(RoutingProperties properties, CrossdeskKafkaProperties kafka) {
        return new PeerDecisions(
                properties.getPeers(),
                kafka.getInstanceId() == null ? "routing" : kafka.getInstanceId(),
                Duration.ofSeconds(5));
    }

    @Bean
    RoutingPolicy routingPolicy(RoutingProperties properties, Clock clock) {
        return new RoutingPolicy(properties.rules(), clock);
    }

    @Bean(destroyMethod = "close")
    DirectoryStore directoryStore(
            KafkaClientSettings settings, AvroDecoder routingDecoder, @Value("${spring.application.name}") String app) {
        return new DirectoryStore(handler ->
                TopicFollower.of(app + "-directory", DirectoryStore.TOPICS, settings, routingDecoder, handler));
    }

    @Bean(destroyMethod = "close")
    AvroDecoder routingDecoder(KafkaClientSettings settings) {
        return new AvroDecoder(settings.serde());
    }

    /** DOWN while the directory's reader is restarting after a failure: routing then decides on a stale directory. */
    @Bean
    ConsumersHealth directoryReaderHealth(DirectoryStore store) {
        return new ConsumersHealth(List.of(store.sessions()));
    }

    /**
     * On a cluster with ACLs (the issuer's credential is configured) desks are provisioned by the desk issuer:
     * topics, the ACLs computed from the catalogue, the outbox subject. Without it, routing creates the topics itself.
     */
    @Bean
    DeskProvisioner deskProvisioner(
            ObjectProvider<DeskAccess> issuer, KafkaAdmin admin, CrossdeskKafkaProperties kafkaProperties) {
        DeskAccess access = issuer.getIfAvailable();
        if (access != null) {
            return access::provision; // a DeskProvisioner, not a second DeskAccess bean
        }
        return deskIds -> admin.createOrModifyTopics(deskIds.stream()
                .flatMap(deskId -> CatalogueTopics.desk(deskId, kafkaProperties.getReplicationFactor()).stream())
                .toArray(NewTopic[]::new));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty({"crossdesk.routing.issuer.username", "crossdesk.routing.issuer.password"})
    Admin deskIssuerAdmin(KafkaClientSettings settings, IssuerProperties issuer) {
        // The issuer's own credential replaces routing's for this one client.
        return Admin.create(new KafkaCredentials(issuer.getUsername(), issuer.getPassword()).over(settings.admin()));
    }

    @Bean
    @ConditionalOnProperty({"crossdesk.routing.issuer.username", "crossdesk.routing.issuer.password"})
    DeskAccess deskAccess(
            Admin deskIssuerAdmin, CrossdeskKafkaProperties kafkaProperties, KafkaClientSettings settings) {
        CachedSchemaRegistryClient registry = CachedSchemaRegistryClient.fromConfigs(settings.serde());
        return new DeskAccess(
                new AccessAdmin(deskIssuerAdmin, ISSUER_TIMEOUT),
                kafkaProperties.getReplicationFactor(),
                deskId -> registry.register(Topics.deskOutboxName(deskId) + "-value", OutboxMessage.getClassSchema()),
                credentials -> authenticates(settings, credentials));
    }

    /** Whether a client with these credentials is let in (one bounded round trip). */
    private static boolean authenticates(KafkaClientSettings settings, KafkaCredentials credentials) {
        try (Admin probe = Admin.create(credentials.over(settings.probeAdmin()))) {
            probe.describeCluster().clusterId().get();
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Bean
    DirectoryService directoryService(
            DirectoryStore store, KafkaTemplate<String, Object> kafka, DeskProvisioner deskProvisioner, Clock clock) {
        return new DirectoryService(store, kafka, deskProvisioner, clock);
    }

    @Bean
    RecipientLedger recipientLedger() {
        return new RecipientLedger();
    }

    @Bean
    FanOut fanOut(RoutingPolicy policy, DirectoryStore store, Clock clock) {
        return new FanOut(policy, store::snapshot, clock);
    }

    @Bean
    LedgerRestorer ledgerRestorer(
            KafkaClientSettings settings,
            AvroDecoder routingDecoder,
            RecipientLedger ledger,
            @Value("${spring.application.name}") String app) {
        return LedgerRestorer.of(settings.replay(app + "-ledger-restore", Values.BYTES), routingDecoder, ledger);
    }

    @Bean
    FanOutListener fanOutListener(
            FanOut fanOut,
            RecipientLedger ledger,
            KafkaTemplate<String, Object> kafka,
            DeadLetterPublishingRecoverer deadLetters,
            ObservationRegistry observations,
            OutageHealth outages,
            @Value("${spring.application.name}") String app) {
        return new FanOutListener(
                fanOut,
                ledger,
                kafka,
                deadLetters,
                new RecordObservations(observations, FanOutListener.ID, app),
                outages);
    }

    /**
     * The fan-out's container: batch listener, one Kafka transaction per batch (alerts, decisions, receipts
     * and the batch's offsets), the platform's read_committed consumer settings. The lifecycle and responses
     * topics are partitioned alike, and the range assignor gives partition n of both to the same consumer,
     * whose ledger therefore knows every referral whose responses it reads.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Object> routingFanOutContainerFactory(
            KafkaClientSettings settings,
            ProducerFactory<String, Object> producers,
            LedgerRestorer restorer,
            RoutingProperties properties,
            ObjectProvider<MeterRegistry> meters,
            @Value("${spring.application.name}") String app) {
        ConcurrentKafkaListenerContainerFactory<String, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        DefaultKafkaConsumerFactory<String, Object> consumers =
                CrossdeskKafkaAutoConfiguration.listenerConsumers(settings.fanOut(app));
        // The fan-out's consumer lag (records-lag-max) on /actuator/prometheus, as the platform's consumers have it.
        meters.ifAvailable(registry -> consumers.addListener(new MicrometerConsumerListener<>(registry)));
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.getConcurrency());
        ContainerProperties container = factory.getContainerProperties();
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        CrossdeskKafkaAutoConfiguration.retryAuthorizationFailures(container);
        if (producers.transactionCapable()) {
            container.setKafkaAwareTransactionManager(FanOutListener.transactionManager(producers));
            // A batch that fails as a whole (an outage: the registry or the cluster not answering; the listener
            // dead-letters what can never be processed itself) is rolled back and read again after Kafka's
            // back-off, for as long as it lasts; Spring's default would retry at once, in a tight loop.
            factory.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(new OutageBackOff()));
        } else {
            log.warn("crossdesk.kafka.transactional-id-prefix is not set: the fan-out is NOT exactly-once");
        }
        container.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                log.info("Fan-out assigned {}", partitions);
                restorer.restore(partitions);
            }
        });
        return factory;
    }

    /**
     * Start-up order: read the directory, seed it if the installation is new, then start the fan-out, whose
     * partition assignment restores the ledger before the first record is routed.
     */
    // Set once the directory is loaded and seeded, and every desk provisioned (topics and, under ACLs, the rights
    // the other services need on them): before that, a desk's first request would be refused by Kafka.
    private final AtomicBoolean directoryReady = new AtomicBoolean();

    @Bean
    HealthIndicator directoryHealth() {
        return () -> directoryReady.get()
                ? Health.up().build()
                : Health.down()
                        .withDetail("directory", "loading, seeding or provisioning desks")
                        .build();
    }

    @Bean
    ApplicationRunner routingStartup(
            DirectoryStore store,
            DirectoryService directory,
            RoutingProperties properties,
            KafkaListenerEndpointRegistry listeners,
            Clock clock,
            ObjectProvider<DeskAccess> issuer) {
        return arguments -> {
            store.start();
            store.awaitLoaded(properties.getStartupTimeout());
            if (properties.isSeed() && store.wasEmptyAtStart()) {
                directory.seedIfEmpty(readSeed(properties, clock));
            } else if (issuer.getIfAvailable() != null) {
                // Desks added while this instance was down, or by another one, get their topics and ACLs now.
                directory.provisionAll();
            }
            directoryReady.set(true);
            log.info(
                    "Directory ready {}; starting the fan-out", store.snapshot().sizes());
            listeners.getListenerContainer(FanOutListener.ID).start();
        };
    }

    private static DirectorySeed readSeed(RoutingProperties properties, Clock clock) throws IOException {
        try (InputStream in = properties.getSeedFile().getInputStream()) {
            return DirectorySeed.read(in, clock.instant());
        }
    }
}
