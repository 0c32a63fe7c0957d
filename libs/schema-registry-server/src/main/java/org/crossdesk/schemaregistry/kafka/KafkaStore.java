package org.crossdesk.schemaregistry.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.crossdesk.events.Topics;
import org.crossdesk.schemaregistry.compatibility.CompatibilityLevel;
import org.crossdesk.schemaregistry.store.RegistryLog;
import org.crossdesk.schemaregistry.store.RegistryRecord;
import org.crossdesk.schemaregistry.store.SchemaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SchemaStore} persisted in the store topic: verifies or creates the topic, replays it from
 * the earliest offset with {@code assign()} (no consumer group, nothing committed), then tails it on
 * one reader thread while writes go through an idempotent {@code acks=all} producer.
 *
 * <p>Exactly one process may host the store of a topic: there is no leader election, so two
 * instances would decide on ids and versions independently. The replay rule in the store keeps the
 * index consistent even then, and a losing write is retried, but ids could still be handed out twice
 * in the window before both readers catch up.
 */
public final class KafkaStore implements AutoCloseable {

    /** The store topic's default name, from the catalogue; configurable for tests and side-by-side runs. */
    public static final String DEFAULT_TOPIC = Topics.SCHEMAS;

    private static final Logger log = LoggerFactory.getLogger(KafkaStore.class);
    /** Unique client ids: several stores may live in one test JVM, and ids name JMX beans. */
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    /** What the store needs to start. {@code clientProperties} are added to every Kafka client. */
    public record Settings(
            String bootstrapServers,
            String topic,
            CompatibilityLevel defaultLevel,
            Duration initTimeout,
            Duration writeTimeout,
            Map<String, Object> clientProperties) {}

    private final String topic;
    private final long writeTimeoutMillis;
    private final SchemaStore store;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final CountDownLatch replayed = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile Throwable readerFailure;
    private volatile long replayMillis = -1;
    private volatile long replayTarget;

    private KafkaStore(Settings settings) {
        this.topic = settings.topic();
        this.writeTimeoutMillis = settings.writeTimeout().toMillis();
        this.producer = new KafkaProducer<>(producerConfig(settings));
        this.store = new SchemaStore(this::append, settings.defaultLevel(), settings.writeTimeout());
        this.consumer = new KafkaConsumer<>(consumerConfig(settings));
        this.reader = new Thread(this::read, "schema-registry-store-reader");
        this.reader.setDaemon(true);
    }

    /**
     * Verifies the topic, replays it and returns once the store reflects every record that was in the
     * topic when it started.
     *
     * @throws IllegalStateException when the topic is unusable or Kafka is not reachable within
     *     {@link Settings#initTimeout()}
     */
    public static KafkaStore start(Settings settings) throws InterruptedException {
        long started = System.nanoTime();
        try (Admin admin = Admin.create(adminConfig(settings))) {
            StoreTopic.ensure(admin, settings.topic(), settings.initTimeout());
        }
        KafkaStore kafkaStore = new KafkaStore(settings);
        try {
            kafkaStore.replay(
                    settings.initTimeout().toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException | InterruptedException e) {
            kafkaStore.close();
            throw e;
        }
        kafkaStore.replayMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.info(
                "Schema store ready on topic {} after {} ms (applied up to offset {})",
                settings.topic(),
                kafkaStore.replayMillis,
                kafkaStore.store.appliedOffset());
        return kafkaStore;
    }

    public SchemaStore store() {
        return store;
    }

    public String topic() {
        return topic;
    }

    /** The reader thread is tailing the topic. */
    public boolean healthy() {
        return replayed.getCount() == 0 && reader.isAlive() && readerFailure == null;
    }

    public Throwable readerFailure() {
        return readerFailure;
    }

    /** Milliseconds from {@link #start} to a replayed store. */
    public long startupMillis() {
        return replayMillis;
    }

    private void replay(long timeoutMs) throws InterruptedException {
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), Duration.ofMillis(Math.max(1, timeoutMs)))
                .get(partition);
        replayTarget = end;
        reader.start();
        if (!replayed.await(Math.max(1, timeoutMs), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    "Replaying " + topic + " did not reach offset " + end + " within the init timeout");
        }
    }

    private void read() {
        try {
            while (!closing) {
                if (replayed.getCount() > 0 && consumer.position(new TopicPartition(topic, 0)) >= replayTarget) {
                    replayed.countDown();
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    applyRecord(record);
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                readerFailure = e;
            }
        } catch (RuntimeException e) {
            readerFailure = e;
            log.error("The store reader stopped; the registry can no longer read its writes back", e);
        }
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> record) {
        RegistryRecord decoded;
        try {
            decoded = RecordCodec.decode(record.key(), record.value());
        } catch (IllegalArgumentException e) {
            // Our own state topic, replayed at every start: a dead-letter copy would be duplicated each time.
            log.warn("Skipping unreadable record at offset {} of {}: {}", record.offset(), topic, e.getMessage());
            store.skip(record.offset());
            return;
        }
        store.apply(decoded, record.offset());
    }

    private long append(List<RegistryRecord> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (RegistryRecord record : records) {
                RecordCodec.Encoded encoded = RecordCodec.encode(record);
                sent.add(producer.send(new ProducerRecord<>(topic, 0, encoded.key(), encoded.value())));
            }
            long offset = -1;
            for (Future<RecordMetadata> future : sent) {
                offset = future.get(writeTimeoutMillis, TimeUnit.MILLISECONDS).offset();
            }
            return offset;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw new RegistryLog.RecordTooLargeException("Kafka refused the record as too large", e.getCause());
            }
            throw new RegistryLog.AppendFailedException("Kafka refused the write", e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw new RegistryLog.AppendFailedException("Kafka did not acknowledge the write", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryLog.AppendFailedException("Interrupted while writing", e);
        }
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            if (reader.isAlive()) {
                reader.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        if (!reader.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static Map<String, Object> common(Settings settings) {
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "schema-registry-" + CLIENT_IDS.incrementAndGet());
        return config;
    }

    private static Map<String, Object> adminConfig(Settings settings) {
        Map<String, Object> config = common(settings);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int)
                settings.initTimeout().toMillis());
        return config;
    }

    private static Map<String, Object> producerConfig(Settings settings) {
        Map<String, Object> config = common(settings);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A registry call should fail within the write timeout rather than hang for the 60 s default.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int)
                settings.writeTimeout().toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    private static Map<String, Object> consumerConfig(Settings settings) {
        Map<String, Object> config = common(settings);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
