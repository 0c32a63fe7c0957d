package org.crossdesk.systemtests.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.access.AccessPlan;
import org.crossdesk.access.KafkaCredentials;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;
import org.crossdesk.schemaregistry.serde.SpecificAvroDeserializer;

/**
 * A desk whose systems use Kafka only, as a partner would with nothing but kafka-clients and the
 * Confluent-format serde: it writes {@link OutboxMessage}s to its outbox and reads its inbox.
 */
public final class KafkaDesk implements AutoCloseable {

    private final String deskId;
    private final KafkaProducer<String, Object> producer;
    private final KafkaConsumer<String, InboxMessage> consumer;
    private final List<InboxMessage> inbox = new CopyOnWriteArrayList<>();
    /** Partition and offset of every record read: a record read again (a rebalance, a retried fetch) counts once. */
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    private final List<String> readErrors = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    KafkaDesk(String deskId, KafkaCredentials credentials, String bootstrapServers, String schemaRegistryUrl) {
        this.deskId = deskId;
        // Exactly what docs/security.md tells a desk's integrator: SASL/SCRAM with the issued credential, the same
        // credential for the registry, no schema registration (the desk's outbox subject exists), own group prefix.
        Map<String, String> authentication = credentials.clientProperties(KafkaCredentials.SASL_PLAINTEXT);
        Properties producerSettings = new Properties();
        producerSettings.putAll(authentication);
        producerSettings.put("auto.register.schemas", false);
        producerSettings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerSettings.put(ProducerConfig.CLIENT_ID_CONFIG, deskId + "-system");
        producerSettings.put("schema.registry.url", schemaRegistryUrl);
        producerSettings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerSettings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName());
        this.producer = new KafkaProducer<>(producerSettings);

        SpecificAvroDeserializer<InboxMessage> values = new SpecificAvroDeserializer<>(InboxMessage.class);
        // The reader logs in to the registry with its Kafka login (SASL_INHERIT, as Confluent's clients offer); the
        // writer above with USER_INFO: both ways docs/security.md gives a desk work against the Kafka-verified
        // registry.
        Map<String, Object> registrySettings =
                new HashMap<>(credentials.kafkaProperties(KafkaCredentials.SASL_PLAINTEXT));
        registrySettings.put("basic.auth.credentials.source", "SASL_INHERIT");
        registrySettings.put("schema.registry.url", schemaRegistryUrl);
        values.configure(registrySettings, false);
        Map<String, Object> consumerSettings = new HashMap<>(authentication);
        consumerSettings.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                AccessPlan.deskPrefix(deskId) + "case-system-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                // Notice the inbox topic within seconds if it is created after this subscribes.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                2_000));
        this.consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), values);
        consumer.subscribe(List.of(Topics.deskInboxName(deskId)));
        this.reader = new Thread(this::read, deskId + "-inbox-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public String id() {
        return deskId;
    }

    /** Metadata for a message this desk writes: a new event id, now, the desk's system as producer. */
    public EventMetadata metadata(String correlationId) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setProducer(deskId.toLowerCase() + "-case-system")
                .setCorrelationId(correlationId)
                .setCausationId(null)
                .build();
    }

    /** Writes to this desk's outbox and waits for Kafka's acknowledgement. */
    public void send(String key, OutboxMessage message) {
        try {
            producer.send(new ProducerRecord<>(Topics.deskOutboxName(deskId), key, message))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the outbox write of " + deskId + " failed", e.getCause());
        }
    }

    /** What arrived in this desk's inbox so far, each record once however often it was read. */
    public List<InboxMessage> inbox() {
        return List.copyOf(inbox);
    }

    /** Why reading the inbox failed, if it did (the reader goes on with the next records). */
    public List<String> readErrors() {
        return List.copyOf(readErrors);
    }

    private void read() {
        while (running.get()) {
            try {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    // What the inbox holds, once per record: the crash tests count records, not reads.
                    if (read.add(record.partition() + "@" + record.offset())) {
                        inbox.add(record.value());
                    }
                });
            } catch (WakeupException e) {
                break;
            } catch (RecordDeserializationException e) {
                readErrors.add(e + ": " + e.getCause());
                consumer.seek(e.topicPartition(), e.offset() + 1);
            } catch (RuntimeException e) {
                readErrors.add(e.toString());
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
