package org.crossdesk.platform.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossdesk.schemaregistry.serde.KafkaAvroDeserializer;
import org.crossdesk.schemaregistry.serde.KafkaAvroSerializer;

/**
 * The one place where Crossdesk's Kafka client settings are decided, each with its reason. Plain Java so that
 * tools without Spring (benchmarks, system tests, a Kafka-native desk's sample) use the very same maps. Services
 * pick a named variant ({@link #producer}, {@link #consumer}, {@link #reader}, {@link #replay}, {@link #fanOut},
 * {@link #probeAdmin}) and do not change the map they get.
 *
 * <p>Keys are always referral ids or desk ids (strings); values are Avro records in the Confluent wire format
 * through our registry-backed serde, or raw bytes where a service decodes record by record.
 *
 * <p>The user's settings ({@code crossdesk.kafka.properties.*}, {@code CROSSDESK_KAFKA_PROPERTIES_*}) override
 * these defaults, so security, TLS, timeouts and tuning are the operator's. The settings on which correctness
 * rests ({@link #DECIDED}) cannot be overridden: a different value there stops the service with an error naming
 * the setting, rather than being dropped silently or weakening a guarantee.
 */
public record KafkaClientSettings(String bootstrapServers, String schemaRegistryUrl, Map<String, String> extra) {

    /** Extra settings that configure the registry client, Confluent's key names. */
    private static final List<String> REGISTRY_KEY_PREFIXES =
            List.of("basic.auth.", "bearer.auth.", "schema.registry.");

    /**
     * Settings a user may not change: without them records could be lost (acks, idempotence), seen before their
     * transaction commits (isolation), skipped (auto commit), or not decoded (serdes); group and client ids are
     * per consumer, and the cluster comes from {@code crossdesk.kafka.bootstrap-servers}.
     */
    static final Set<String> DECIDED = Set.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            ProducerConfig.ACKS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            CommonClientConfigs.CLIENT_ID_CONFIG);

    /** How a consumer decodes values. */
    public enum Values {
        /** Into the generated classes, by the registry-backed deserializer (Spring listeners, table readers). */
        AVRO(KafkaAvroDeserializer.class),
        /**
         * Raw bytes, decoded by the service record by record: one unreadable record is then only that record
         * (notifications' loops, the dashboard's projecting replay).
         */
        BYTES(ByteArrayDeserializer.class);

        private final Class<?> deserializer;

        Values(Class<?> deserializer) {
            this.deserializer = deserializer;
        }
    }

    /** How a group shares partitions, where it matters. */
    public enum Assignment {
        /** Kafka's default (range, then cooperative sticky). */
        DEFAULT(null),
        /**
         * Partition n of every subscribed topic to the same member: for topics partitioned alike whose
         * partitions are processed together (routing's lifecycle and responses, notifications' deadline
         * sources).
         */
        CO_PARTITIONED(RangeAssignor.class),
        /**
         * Only the partitions that change hands move in a rebalance: a pattern subscription that grows with
         * every new desk must not cancel and redo the work in progress elsewhere (webhook deliveries).
         */
        COOPERATIVE(CooperativeStickyAssignor.class);

        private final Class<?> assignor;

        Assignment(Class<?> assignor) {
            this.assignor = assignor;
        }
    }

    public KafkaClientSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        for (String key : extra.keySet()) {
            if (DECIDED.contains(key)) {
                throw new IllegalArgumentException("crossdesk.kafka.properties." + key
                        + " cannot be set: Crossdesk decides it (" + KafkaClientSettings.class.getName()
                        + " says why); remove it");
            }
        }
    }

    public static KafkaClientSettings of(String bootstrapServers, String schemaRegistryUrl) {
        return new KafkaClientSettings(bootstrapServers, schemaRegistryUrl, Map.of());
    }

    /** Serde settings with Confluent's key names, so Confluent's classes can be swapped in by name. */
    public Map<String, Object> serde() {
        Map<String, Object> m = new HashMap<>();
        m.put("schema.registry.url", schemaRegistryUrl);
        // A service registers the schemas of the events it writes on first use (its registry role is REGISTER);
        // a Kafka-native desk does not (READ only), its outbox subject is registered when it is provisioned.
        m.put("auto.register.schemas", true);
        // Consumers read into the generated classes with their own schema as reader schema, so a
        // producer that adds a defaulted field never breaks them.
        m.put("specific.avro.reader", true);
        // The registry's credentials (basic.auth.*, or schema.registry.-prefixed keys) come with the user's extra
        // settings: also for code that talks to the registry without a Kafka client (decoders, replays).
        extra.forEach((key, value) -> {
            if (REGISTRY_KEY_PREFIXES.stream().anyMatch(key::startsWith)) {
                m.put(key, value);
            }
        });
        return m;
    }

    /**
     * An idempotent producer that is answered only when every in-sync replica has the record:
     * nothing Crossdesk accepts may be lost.
     */
    public Map<String, Object> producer(String clientId) {
        Map<String, Object> m = serde();
        m.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        m.put(ProducerConfig.ACKS_CONFIG, "all");
        m.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Kafka's maximum with idempotence: order per partition is kept, five batches may be in flight.
        m.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Most of Crossdesk's sends are one record answering one request: waiting 2 ms gathers the records of
        // concurrent requests into one batch for one replication round, and costs a request 2 ms at most.
        m.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        m.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        m.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        return withUserSettings(m);
    }

    /**
     * A {@link #producer} for read-process-write transactions (the transactional id is set by its factory).
     *
     * <p>A transaction that starts while the previous one's commit markers are still being written gets
     * CONCURRENT_TRANSACTIONS and is retried after {@code retry.backoff.ms}, doubling up to
     * {@code retry.backoff.max.ms} (1 s). The markers usually land within a few ms: Kafka's default 100 ms would
     * dominate the fan-out's latency, and 2 ms instead of 10 ms took Kafka's own exactly-once copy loop here from
     * p50 25 ms to 15-18 ms (RoutingBench). The doubling still spares a broker that is really unwell.
     */
    public Map<String, Object> transactionalProducer(String clientId) {
        Map<String, Object> m = producer(clientId);
        m.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 2);
        return m;
    }

    /** A producer of raw bytes, for dead letters that must keep the original payload untouched. */
    public Map<String, Object> rawProducer(String clientId) {
        Map<String, Object> m = producer(clientId);
        m.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return m;
    }

    /**
     * A member of consumer group {@code groupId} with Avro values: sees only committed transactional output
     * (routing writes in transactions) and commits offsets itself, after processing.
     */
    public Map<String, Object> consumer(String groupId) {
        return consumer(groupId, Values.AVRO, Assignment.DEFAULT);
    }

    /** A member of consumer group {@code groupId}, as {@link #consumer(String)}, with its values and assignment. */
    public Map<String, Object> consumer(String groupId, Values values, Assignment assignment) {
        Map<String, Object> m = committedReader(values);
        m.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // A new group (a new service, a new desk's inbox) starts at the first record, so nothing is skipped.
        m.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (assignment.assignor != null) {
            m.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(assignment.assignor.getName()));
        }
        return withUserSettings(m);
    }

    /**
     * A consumer outside any group, for partitions it assigns itself: a table or view every instance keeps whole,
     * a live stream from a position. It commits nothing; {@code earliest} also restarts a position that
     * retention has passed at the oldest record kept.
     */
    public Map<String, Object> reader(String clientId, Values values) {
        Map<String, Object> m = committedReader(values);
        // Null for a reader made many at a time (one per live stream): Kafka then numbers them, and their
        // metrics do not collide.
        if (clientId != null) {
            m.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        }
        m.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return withUserSettings(m);
    }

    /**
     * A {@link #reader} for replaying whole topics at start (the dashboard's picture, routing's ledger): bigger
     * polls and fetches than a record-at-a-time service needs, because start-up time is replay throughput.
     */
    public Map<String, Object> replay(String clientId, Values values) {
        Map<String, Object> m = reader(clientId, values);
        m.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        m.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        m.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        m.putIfAbsent(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        return m;
    }

    /**
     * Routing's transactional fan-out: {@link Assignment#CO_PARTITIONED} (the member that reads a referral's
     * lifecycle also reads its responses, and its ledger knows the referral), Avro values, and at most 200
     * records per poll, since each poll is one Kafka transaction and a smaller one commits sooner.
     */
    public Map<String, Object> fanOut(String groupId) {
        Map<String, Object> m = consumer(groupId, Values.AVRO, Assignment.CO_PARTITIONED);
        m.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        return m;
    }

    public Map<String, Object> admin() {
        return withUserSettings(new HashMap<>());
    }

    /**
     * An admin client for one bounded check (does this credential authenticate?): a few seconds, not the
     * minute an admin client otherwise keeps trying.
     */
    public Map<String, Object> probeAdmin() {
        Map<String, Object> m = admin();
        m.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        m.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        return m;
    }

    /** What every consumer shares: read_committed, manual commits, String keys, the values asked for. */
    private Map<String, Object> committedReader(Values values) {
        Map<String, Object> m = values == Values.AVRO ? serde() : new HashMap<>();
        // Routing writes in transactions: an aborted fan-out must never be seen, a committed one only whole.
        m.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Offsets are committed after processing (by the container or the loop), never ahead of it.
        m.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        m.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        m.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, values.deserializer);
        // A pattern subscription must see a desk's new topic within seconds, not Kafka's default 5 minutes.
        m.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        return m;
    }

    /** The user's settings over the defaults; the cluster's address last ({@link #DECIDED} keeps the rest). */
    private Map<String, Object> withUserSettings(Map<String, Object> defaults) {
        Map<String, Object> m = new HashMap<>(defaults);
        m.putAll(extra);
        m.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return m;
    }
}
