package org.crossdesk.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.crossdesk.events.DeadLetterHeaders;
import org.crossdesk.events.Topics;
import org.crossdesk.platform.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.FailedRecordProcessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka wiring shared by every service: Avro values through the registry, idempotent acks=all
 * producers (transactional when {@code crossdesk.kafka.transactional-id-prefix} is set),
 * read_committed consumers, and dead-letter topics for every record a listener cannot use.
 *
 * <p>Runs before Spring Boot's own Kafka auto-configuration, whose beans then back off.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(CrossdeskKafkaProperties.class)
@EnableKafka
public class CrossdeskKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KafkaClientSettings kafkaClientSettings(CrossdeskKafkaProperties properties) {
        return properties.toSettings();
    }

    @Bean
    @ConditionalOnMissingBean
    ProducerFactory<String, Object> kafkaProducerFactory(
            KafkaClientSettings settings,
            CrossdeskKafkaProperties properties,
            ObjectProvider<MeterRegistry> meters,
            @Value("${spring.application.name:crossdesk}") String app) {
        // Unique per instance and stable across its restarts: instances of one service never fence each other.
        String prefix = properties.instanceTransactionalIdPrefix();
        DefaultKafkaProducerFactory<String, Object> factory;
        if (prefix == null || prefix.isBlank()) {
            factory = new DefaultKafkaProducerFactory<>(settings.producer(app));
        } else {
            factory = new DefaultKafkaProducerFactory<>(settings.transactionalProducer(app));
            factory.setTransactionIdPrefix(prefix);
        }
        // The Kafka client's own metrics (record send rate, request latency...) on /actuator/prometheus.
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        return factory;
    }

    @Bean
    @ConditionalOnMissingBean(KafkaTemplate.class)
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
        KafkaTemplate<String, Object> template = new KafkaTemplate<>(producerFactory);
        // Sends outside a listener transaction (an admin API write, an HTTP gateway) use a plain
        // idempotent producer; only read-process-write needs a transaction.
        template.setAllowNonTransactional(true);
        // Every send is a span and carries the trace on in a W3C traceparent header (docs/observability.md).
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("crossdesk.kafka.transactional-id-prefix")
    KafkaTransactionManager<String, Object> kafkaTransactionManager(ProducerFactory<String, Object> producerFactory) {
        return new KafkaTransactionManager<>(producerFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    ConsumerFactory<String, Object> kafkaConsumerFactory(
            KafkaClientSettings settings,
            ObjectProvider<MeterRegistry> meters,
            @Value("${spring.application.name:crossdesk}") String app) {
        DefaultKafkaConsumerFactory<String, Object> factory = listenerConsumers(settings.consumer(app));
        // The Kafka client's own metrics on /actuator/prometheus, records-lag-max (consumer lag) among them.
        meters.ifAvailable(registry -> factory.addListener(new MicrometerConsumerListener<>(registry)));
        return factory;
    }

    /**
     * A consumer factory for listener containers from one of {@link KafkaClientSettings}' consumer variants.
     * Unreadable bytes must not stop a partition: the wrapper hands them to the error handler, which
     * dead-letters them with the original payload and the cause.
     */
    public static DefaultKafkaConsumerFactory<String, Object> listenerConsumers(Map<String, Object> consumerSettings) {
        Map<String, Object> config = new LinkedHashMap<>(consumerSettings);
        config.put(
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                config.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        return new DefaultKafkaConsumerFactory<>(config);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(
            KafkaClientSettings settings,
            KafkaTemplate<String, Object> template,
            @Value("${spring.application.name:crossdesk}") String app) {
        KafkaTemplate<String, byte[]> raw =
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(settings.rawProducer(app + "-dlt")));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, raw);
        templates.put(Object.class, template.isTransactional() ? avroNonTransactional(settings, app) : template);
        DeadLetterPublishingRecoverer recoverer =
                new DeadLetterPublishingRecoverer(templates, CrossdeskKafkaAutoConfiguration::deadLetterPartition);
        recoverer.setHeadersFunction(CrossdeskKafkaAutoConfiguration::rootCauseHeader);
        return recoverer;
    }

    private static KafkaTemplate<String, Object> avroNonTransactional(KafkaClientSettings settings, String app) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(settings.producer(app + "-dlt-avro")));
    }

    /** Header naming the innermost cause, since Spring's own message header is "failed to deserialize". */
    public static final String ROOT_CAUSE_HEADER = DeadLetterHeaders.ROOT_CAUSE;

    /**
     * Spring's headers give the outer exception (for unreadable bytes: "failed to deserialize");
     * an operator needs the innermost cause (unknown magic byte, unknown schema id) at a glance.
     */
    static Headers rootCauseHeader(ConsumerRecord<?, ?> record, Exception exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + ": " + root.getMessage();
        return new RecordHeaders().add(ROOT_CAUSE_HEADER, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Without this a listener container stops for good at its first authentication or authorization failure.
     * Under ACLs such a failure is usually passing: a desk's ACLs not yet applied by the broker, a credential being
     * rotated. The container keeps trying, and its consumer's lag shows the stall meanwhile.
     */
    public static void retryAuthorizationFailures(ContainerProperties container) {
        container.setAuthExceptionRetryInterval(AUTHORIZATION_RETRY);
    }

    private static final Duration AUTHORIZATION_RETRY = Duration.ofSeconds(2);

    /** The source topic's dead-letter topic, same partition: the catalogue sizes DLTs like their source. */
    static TopicPartition deadLetterPartition(ConsumerRecord<?, ?> record, Exception cause) {
        return new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition());
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaListenerContainerFactory")
    ConcurrentKafkaListenerContainerFactory<String, Object> kafkaListenerContainerFactory(
            ConsumerFactory<String, Object> consumerFactory,
            KafkaTemplate<String, Object> template,
            DeadLetterPublishingRecoverer recoverer,
            ObjectProvider<KafkaTransactionManager<String, Object>> transactions,
            OutageHealth outages) {
        ConcurrentKafkaListenerContainerFactory<String, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        // Every record a listener takes is a span continuing the trace of its traceparent header.
        factory.getContainerProperties().setObservationEnabled(true);
        retryAuthorizationFailures(factory.getContainerProperties());
        // A batch listener (@KafkaListener(batch = "true")) commits after its whole poll: RECORD makes no sense
        // there and the container refuses it.
        factory.setContainerCustomizer(container -> {
            if (container.getContainerProperties().getMessageListener() instanceof BatchMessageListener<?, ?>) {
                container.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
            }
        });
        FixedBackOff backOff = new FixedBackOff(200L, 2L);
        KafkaTransactionManager<String, Object> tm = transactions.getIfAvailable();
        if (tm != null) {
            factory.getContainerProperties().setKafkaAwareTransactionManager(tm);
            // In a transaction the failed batch is rolled back first; the recovered record's offset
            // is then committed in a transaction of its own so the dead letter and the skip agree.
            DefaultAfterRollbackProcessor<String, Object> afterRollback =
                    new DefaultAfterRollbackProcessor<>(recoverer, backOff, template, true);
            classifyFailures(afterRollback, outages);
            factory.setAfterRollbackProcessor(afterRollback);
        } else {
            DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, backOff);
            classifyFailures(errorHandler, outages);
            factory.setCommonErrorHandler(errorHandler);
        }
        return factory;
    }

    /**
     * Which failed records go to the dead-letter topic, and when. A record that can never be processed goes at once: one
     * we refuse ({@link UnusableRecordException}) or bytes the serde cannot read (its SerializationException). An
     * outage ({@link Outages}: the broker's or the schema registry's, which the serde reports as a Kafka
     * RetriableException) never does: the record is tried again after an {@link OutageBackOff}, for as long as the
     * outage lasts, and the consumer's lag shows the stall meanwhile. Anything else (a bug, an odd record) is tried
     * twice more, then dead-lettered with its cause. Every failed attempt is reported to {@link OutageHealth}.
     *
     * <p>Spring classifies every DeserializationException as not retryable; that classification is removed so that the
     * classifier looks at its cause (it traverses causes), which tells the two kinds apart.
     */
    static void classifyFailures(FailedRecordProcessor processor, OutageHealth outages) {
        processor.removeClassification(DeserializationException.class);
        processor.addNotRetryableExceptions(UnusableRecordException.class, SerializationException.class);
        processor.addRetryableExceptions(RetriableException.class);
        BackOff outage = new OutageBackOff();
        processor.setBackOffFunction((record, failure) -> Outages.isOutage(failure) ? outage : null);
        // Health DOWN while an outage lasts: the processes are up, but nothing moves.
        processor.setRetryListeners(outages);
    }

    /** The service's health while its listeners wait out an outage (health component {@code kafkaOutages}). */
    @Bean
    @ConditionalOnMissingBean
    OutageHealth kafkaOutagesHealthIndicator() {
        return new OutageHealth(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaAdmin kafkaAdmin(KafkaClientSettings settings) {
        KafkaAdmin admin = new KafkaAdmin(settings.admin());
        admin.setFatalIfBrokerNotAvailable(false);
        return admin;
    }

    @Bean
    @ConditionalOnMissingBean
    TopicProvisioner topicProvisioner(KafkaAdmin admin, CrossdeskKafkaProperties properties) {
        return new TopicProvisioner(admin, properties.getReplicationFactor());
    }

    @Bean
    @ConditionalOnMissingBean
    AuditLog auditLog(
            KafkaTemplate<String, Object> template, @Value("${spring.application.name:crossdesk}") String app) {
        return new AuditLog(template, app, Clock.systemUTC());
    }

    @Bean
    KafkaAdmin.NewTopics crossdeskCatalogueTopics(CrossdeskKafkaProperties properties) {
        return TopicProvisioner.catalogueTopics(properties.getReplicationFactor());
    }
}
