package org.crossdesk.notifications;

import io.micrometer.observation.ObservationRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.notification.WebhookSubscription;
import org.crossdesk.events.response.AlertDelivered;
import org.crossdesk.events.response.DeliveryChannel;
import org.crossdesk.events.response.DeliveryFailed;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.notifications.NotificationsProperties.Webhooks;
import org.crossdesk.notifications.deadline.DeadlineConsumer;
import org.crossdesk.notifications.deadline.DeadlineTracker;
import org.crossdesk.notifications.deadline.EscalationDirectory;
import org.crossdesk.notifications.deadline.KafkaBreachPublisher;
import org.crossdesk.notifications.egress.EgressPolicy;
import org.crossdesk.notifications.rendering.InboxMessageRenderer;
import org.crossdesk.notifications.stream.InboxStreams;
import org.crossdesk.notifications.subscription.KafkaSubscriptionStore;
import org.crossdesk.notifications.subscription.SecretSealer;
import org.crossdesk.notifications.subscription.SubscriptionRegistry;
import org.crossdesk.notifications.subscription.SubscriptionService;
import org.crossdesk.notifications.subscription.UrlPolicy;
import org.crossdesk.notifications.webhook.DeliveryLedger;
import org.crossdesk.notifications.webhook.HttpWebhookTransport;
import org.crossdesk.notifications.webhook.InboxDeliveryLoop;
import org.crossdesk.notifications.webhook.KafkaDeliveryRecorder;
import org.crossdesk.notifications.webhook.RetryPolicy;
import org.crossdesk.notifications.webhook.WebhookDispatcher;
import org.crossdesk.platform.kafka.KafkaClientSettings;
import org.crossdesk.platform.kafka.KafkaClientSettings.Assignment;
import org.crossdesk.platform.kafka.KafkaClientSettings.Values;
import org.crossdesk.platform.kafka.TopicProvisioner;
import org.crossdesk.platform.kafka.follow.AvroDecoder;
import org.crossdesk.platform.kafka.follow.ConsumersHealth;
import org.crossdesk.platform.kafka.follow.TopicFollower;
import org.crossdesk.platform.security.DemoMode;
import org.crossdesk.platform.telemetry.RecordObservations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/** Wires the plain-Java parts of the service to Kafka, HTTP and configuration. */
@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecretSealer secretSealer(NotificationsProperties properties, DemoMode demo) {
        return SecretSealer.fromConfiguration(properties.getSecretKey(), demo);
    }

    /** Resolves webhook hosts; tests put a fixed table in its place. */
    @Bean
    @ConditionalOnMissingBean
    EgressPolicy.Resolver webhookResolver() {
        return EgressPolicy.SYSTEM_RESOLVER;
    }

    @Bean
    EgressPolicy egressPolicy(NotificationsProperties properties, EgressPolicy.Resolver webhookResolver) {
        Webhooks webhooks = properties.getWebhooks();
        return new EgressPolicy(webhooks.isAllowInsecureHttp(), webhooks.isAllowPrivateAddresses(), webhookResolver);
    }

    @Bean
    SubscriptionRegistry subscriptionRegistry() {
        return new SubscriptionRegistry();
    }

    @Bean
    EscalationDirectory escalationDirectory() {
        return new EscalationDirectory();
    }

    @Bean
    DeliveryLedger deliveryLedger() {
        return new DeliveryLedger();
    }

    @Bean
    InboxMessageRenderer inboxMessageRenderer() {
        return InboxMessageRenderer.standard();
    }

    @Bean(destroyMethod = "close")
    AvroDecoder avroDecoder(KafkaClientSettings settings) {
        return new AvroDecoder(settings.serde());
    }

    @Bean
    SubscriptionService subscriptionService(
            SubscriptionRegistry registry,
            KafkaTemplate<String, Object> kafka,
            SecretSealer sealer,
            EgressPolicy egress,
            NotificationsProperties properties,
            Clock clock) {
        return new SubscriptionService(
                registry,
                new KafkaSubscriptionStore(kafka),
                sealer,
                new UrlPolicy(egress),
                clock,
                () -> UUID.randomUUID().toString(),
                new SecureRandom(),
                properties.getSubscriptions().getMaxPerDesk(),
                Duration.ofSeconds(10));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService notificationsTimer() {
        return Executors.newScheduledThreadPool(2, daemonThreads("notifications-timer"));
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookHttpExecutor(NotificationsProperties properties) {
        return Executors.newFixedThreadPool(properties.getWebhooks().getHttpThreads(), daemonThreads("webhook-http"));
    }

    @Bean(destroyMethod = "close")
    HttpWebhookTransport webhookTransport(
            EgressPolicy egress, ExecutorService webhookHttpExecutor, NotificationsProperties properties, Clock clock) {
        Webhooks webhooks = properties.getWebhooks();
        return new HttpWebhookTransport(
                egress, webhooks.getConnectTimeout(), webhooks.getRequestTimeout(), webhookHttpExecutor, clock);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(
            SubscriptionRegistry registry,
            SecretSealer sealer,
            InboxMessageRenderer renderer,
            HttpWebhookTransport transport,
            KafkaTemplate<String, Object> kafka,
            ConsumerRecordRecoverer deadLetters,
            TopicProvisioner deskTopics,
            DeliveryLedger ledger,
            ScheduledExecutorService notificationsTimer,
            NotificationsProperties properties,
            Clock clock,
            ObservationRegistry observations) {
        Webhooks webhooks = properties.getWebhooks();
        RetryPolicy policy = new RetryPolicy(
                webhooks.getMaxAttempts(),
                webhooks.getInitialBackoff(),
                webhooks.getMaxBackoff(),
                webhooks.getMaxRetryAfter());
        return new WebhookDispatcher(
                registry,
                sealer,
                renderer,
                transport,
                new KafkaDeliveryRecorder(kafka, deadLetters, deskTopics, clock),
                ledger,
                policy,
                notificationsTimer,
                clock,
                webhooks.getMaxInFlightPerSubscription(),
                observations);
    }

    @Bean
    InboxDeliveryLoop inboxDeliveryLoop(
            KafkaClientSettings settings,
            AvroDecoder decoder,
            ConsumerRecordRecoverer deadLetters,
            TopicProvisioner deskTopics,
            WebhookDispatcher dispatcher,
            NotificationsProperties properties,
            ObservationRegistry observations,
            @Value("${spring.application.name}") String app) {
        Map<String, Object> consumer = new HashMap<>(settings.consumer(app, Values.BYTES, Assignment.COOPERATIVE));
        // Named, so that its metrics (lag of every inbox) can be told from the listener containers' in Prometheus.
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, InboxDeliveryLoop.CLIENT_ID);
        return new InboxDeliveryLoop(
                consumer,
                decoder,
                deadLetters,
                deskTopics,
                dispatcher,
                properties.getWebhooks().getMaxInProgressPerPartition(),
                properties.getWebhooks().getCommitInterval(),
                new RecordObservations(observations, "inbox-webhooks", app));
    }

    @Bean
    DeadlineTracker deadlineTracker(
            Clock clock,
            EscalationDirectory directory,
            KafkaTemplate<String, Object> kafka,
            TopicProvisioner deskTopics,
            NotificationsProperties properties) {
        return new DeadlineTracker(
                clock,
                directory,
                new KafkaBreachPublisher(kafka, deskTopics),
                properties.getDeadlines().getKeepSettled());
    }

    @Bean
    DeadlineConsumer deadlineConsumer(
            KafkaClientSettings settings,
            AvroDecoder decoder,
            ConsumerRecordRecoverer deadLetters,
            DeadlineTracker tracker,
            @Value("${spring.application.name}") String app) {
        return new DeadlineConsumer(
                settings.consumer(app + "-deadlines", Values.BYTES, Assignment.CO_PARTITIONED),
                decoder,
                deadLetters,
                tracker);
    }

    /**
     * The tables every instance keeps whole: webhook subscriptions, the directory's desks (escalation contacts),
     * and the webhook deliveries already recorded on the responses topic (so a restart does not deliver twice).
     */
    @Bean
    TopicFollower tableFollower(
            KafkaClientSettings settings,
            AvroDecoder decoder,
            SubscriptionRegistry registry,
            EscalationDirectory directory,
            DeliveryLedger ledger,
            @Value("${spring.application.name}") String app) {
        TopicPartition subscriptions = new TopicPartition(Topics.NOTIFICATIONS_SUBSCRIPTIONS, 0);
        return TopicFollower.of(
                app + "-tables",
                List.of(Topics.NOTIFICATIONS_SUBSCRIPTIONS, Topics.DIRECTORY_DESKS, Topics.REFERRALS_RESPONSES),
                settings,
                decoder,
                new TopicFollower.Handler() {
                    @Override
                    public void record(ConsumerRecord<String, byte[]> record, Object value) {
                        switch (record.topic()) {
                            case Topics.NOTIFICATIONS_SUBSCRIPTIONS ->
                                registry.apply(record.key(), (WebhookSubscription) value, record.offset());
                            case Topics.DIRECTORY_DESKS -> directory.apply(record.key(), (DeskProfile) value);
                            default -> recordedDelivery(value, ledger);
                        }
                    }

                    @Override
                    public void progress(TopicFollower.Progress progress) {
                        Long position = progress.positions().get(subscriptions);
                        if (position != null) {
                            registry.advanceTo(position);
                        }
                    }
                });
    }

    private static void recordedDelivery(Object value, DeliveryLedger ledger) {
        if (value instanceof ResponseEvent response) {
            if (response.getEvent() instanceof AlertDelivered delivered
                    && delivered.getChannel() == DeliveryChannel.WEBHOOK) {
                ledger.recorded(delivered.getDeliveryId());
            } else if (response.getEvent() instanceof DeliveryFailed failed
                    && failed.getChannel() == DeliveryChannel.WEBHOOK) {
                ledger.recorded(failed.getDeliveryId());
            }
        }
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService streamExecutor() {
        return Executors.newCachedThreadPool(daemonThreads("inbox-stream"));
    }

    @Bean
    InboxStreams inboxStreams(
            KafkaClientSettings settings,
            AvroDecoder decoder,
            InboxMessageRenderer renderer,
            TopicProvisioner deskTopics,
            ExecutorService streamExecutor,
            NotificationsProperties properties,
            @Value("${spring.application.name}") String app) {
        NotificationsProperties.Stream stream = properties.getStream();
        // Stream timing is wall-clock time whatever clock deadlines use.
        return new InboxStreams(
                settings.reader(null, Values.BYTES),
                decoder,
                renderer,
                deskTopics,
                streamExecutor,
                Clock.systemUTC(),
                stream.getHeartbeat(),
                stream.getMaxDuration(),
                stream.getMaxStreams());
    }

    @Bean
    StreamShutdown streamShutdown(InboxStreams streams) {
        return new StreamShutdown(streams);
    }

    @Bean
    ConsumersHealth consumersHealth(TopicFollower tables, InboxDeliveryLoop webhooks, DeadlineConsumer deadlines) {
        return new ConsumersHealth(List.of(tables.sessions(), webhooks.sessions(), deadlines.sessions()));
    }

    @Bean
    NotificationsRuntime notificationsRuntime(
            TopicFollower tables,
            InboxDeliveryLoop webhooks,
            DeadlineConsumer deadlines,
            DeadlineTracker tracker,
            InboxStreams streams,
            WebhookDispatcher dispatcher,
            NotificationsProperties properties) {
        // A thread of its own: a check waits for Kafka to acknowledge breaches, and must not delay retries.
        ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(daemonThreads("deadline-checks"));
        return new NotificationsRuntime(
                tables,
                webhooks,
                deadlines,
                tracker,
                streams,
                dispatcher,
                checks,
                properties.getDeadlines().getCheckInterval(),
                properties.getStartupTimeout());
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
