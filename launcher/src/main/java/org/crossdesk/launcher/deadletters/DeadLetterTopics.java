package org.crossdesk.launcher.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.crossdesk.events.Topics;

/**
 * The dead-letter topics of a cluster, through Kafka's own clients: what {@code ./crossdesk dead-letters} reads and
 * writes. Formatting and choices are elsewhere ({@link DeadLetterFormat}, {@link DeadLetter}); this class only talks
 * to Kafka.
 *
 * <p>What has been redriven is remembered as the committed offsets of the consumer group {@link #REDRIVE_GROUP} on
 * each dead-letter partition (the redrive mark): {@code redrive --all} offers only what lies at or after it, so running
 * it twice offers nothing twice, and that group's lag is the number of dead letters waiting, visible to any Kafka
 * monitoring. The group never has members; its offsets are set through the Admin API (decision 0014).
 */
final class DeadLetterTopics implements AutoCloseable {

    /** The consumer group whose committed offsets mark what has been redriven. */
    static final String REDRIVE_GROUP = "crossdesk.dead-letters";

    private static final String CLIENT_ID = "crossdesk-dead-letters";
    // One poll's wait; reading gives up only when polls bring nothing for the whole timeout while records are due.
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> clientSettings;
    private final Duration timeout;
    private final Admin admin;
    private KafkaProducer<byte[], byte[]> producer;

    /**
     * @param clientSettings {@code bootstrap.servers} and the authentication, for every client this opens
     * @param timeout        how long any one request to Kafka may take
     */
    DeadLetterTopics(Map<String, Object> clientSettings, Duration timeout) {
        this.clientSettings = Map.copyOf(clientSettings);
        this.timeout = timeout;
        Map<String, Object> adminSettings = new HashMap<>(clientSettings);
        adminSettings.put("client.id", CLIENT_ID);
        adminSettings.put("default.api.timeout.ms", (int) timeout.toMillis());
        this.admin = Admin.create(adminSettings);
    }

    /** Every {@code *-dlt} topic, by name. */
    List<TopicSummary> summaries() {
        List<String> names = await(admin.listTopics().names()).stream()
                .filter(name -> name.endsWith(Topics.DEAD_LETTER_SUFFIX))
                .sorted()
                .toList();
        if (names.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> partitions = partitions(names);
        Map<TopicPartition, ListOffsetsResultInfo> start = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, ListOffsetsResultInfo> end = offsets(partitions, OffsetSpec.latest());
        // The first record at or after time 0 is the first record kept: its time is the oldest.
        Map<TopicPartition, ListOffsetsResultInfo> first = offsets(partitions, OffsetSpec.forTimestamp(0));
        Map<TopicPartition, ListOffsetsResultInfo> newest = offsets(partitions, OffsetSpec.maxTimestamp());
        Map<TopicPartition, Long> marks = marks();
        Map<String, Optional<Duration>> retentions = retentions(names);
        List<TopicSummary> summaries = new ArrayList<>();
        for (String name : names) {
            long records = 0;
            long waiting = 0;
            Instant oldestTime = null;
            Instant newestTime = null;
            for (TopicPartition partition : partitions) {
                if (!partition.topic().equals(name)) {
                    continue;
                }
                long from = start.get(partition).offset();
                long to = end.get(partition).offset();
                records += to - from;
                waiting += to - Math.max(from, Math.min(to, marks.getOrDefault(partition, from)));
                if (to > from) {
                    oldestTime = earlier(oldestTime, timeOf(first.get(partition)));
                    newestTime = later(newestTime, timeOf(newest.get(partition)));
                }
            }
            summaries.add(new TopicSummary(
                    name,
                    records,
                    waiting,
                    Optional.ofNullable(oldestTime),
                    Optional.ofNullable(newestTime),
                    retentions.get(name)));
        }
        return summaries;
    }

    /**
     * Up to {@code limit} records of a dead-letter topic, partition by partition in offset order, from the start of
     * each or from {@code offset} of {@code partition}.
     */
    List<DeadLetter> read(String topic, OptionalInt partition, OptionalLong offset, int limit) {
        List<TopicPartition> partitions = partition.isPresent()
                ? List.of(new TopicPartition(requireTopic(topic), partition.getAsInt()))
                : partitions(List.of(requireTopic(topic)));
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (TopicPartition tp : partitions) {
                if (letters.size() >= limit) {
                    break;
                }
                long from = offset.isPresent() ? offset.getAsLong() : -1;
                readPartition(consumer, tp, from, limit - letters.size(), letters::add);
            }
        }
        return letters;
    }

    /** The record at {@code offset}, or empty if there is none there (expired, never written, a marker). */
    Optional<DeadLetter> readOne(String topic, int partition, long offset) {
        List<DeadLetter> found = read(topic, OptionalInt.of(partition), OptionalLong.of(offset), 1);
        return found.stream().filter(letter -> letter.offset() == offset).findFirst();
    }

    /** Whether the record at this offset of the dead-letter topic has been redriven (lies before the mark). */
    boolean redriven(DeadLetter letter) {
        Long mark = marks().get(new TopicPartition(letter.topic(), letter.partition()));
        return mark != null && letter.offset() < mark;
    }

    /** The redrive mark of every dead-letter partition that has one. */
    Map<TopicPartition, Long> marks() {
        Map<TopicPartition, OffsetAndMetadata> committed =
                await(admin.listConsumerGroupOffsets(REDRIVE_GROUP).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> marks = new HashMap<>();
        committed.forEach((tp, offset) -> {
            if (offset != null) {
                marks.put(tp, offset.offset());
            }
        });
        return marks;
    }

    /**
     * Writes one dead letter back to its original topic and, if it was the next one waiting in its partition, moves
     * the redrive mark past it. Returns where it went.
     */
    RecordMetadata redrive(DeadLetter letter) {
        RecordMetadata written = send(letter);
        TopicPartition tp = new TopicPartition(letter.topic(), letter.partition());
        Long mark = marks().get(tp);
        long start = offsets(List.of(tp), OffsetSpec.earliest()).get(tp).offset();
        if ((mark == null ? start : Math.max(mark, start)) == letter.offset()) {
            moveMark(tp, letter.offset() + 1);
        }
        return written;
    }

    /**
     * Writes every dead letter of {@code topic} at or after the redrive mark back to its original topic, reporting each,
     * and moves the mark past the last one written; a failure stops it there, with the mark after the last success.
     * Returns how many were written.
     */
    int redriveAll(String topic, Consumer<String> report) {
        List<TopicPartition> partitions = partitions(List.of(requireTopic(topic)));
        Map<TopicPartition, Long> marks = marks();
        Map<TopicPartition, ListOffsetsResultInfo> start = offsets(partitions, OffsetSpec.earliest());
        int written = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (TopicPartition tp : partitions) {
                long from = Math.max(start.get(tp).offset(), marks.getOrDefault(tp, 0L));
                long[] next = {-1};
                int[] count = {0};
                try {
                    readPartition(consumer, tp, from, Integer.MAX_VALUE, letter -> {
                        RecordMetadata to = send(letter);
                        report.accept(DeadLetterFormat.redriven(letter, to.topic(), to.partition(), to.offset()));
                        next[0] = letter.offset() + 1;
                        count[0]++;
                    });
                } finally {
                    if (next[0] >= 0) {
                        moveMark(tp, next[0]);
                    }
                    written += count[0];
                }
            }
        }
        return written;
    }

    /** Each dead-letter topic's retention; empty: forever. */
    Map<String, Optional<Duration>> retentions(Collection<String> topics) {
        List<ConfigResource> resources = topics.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList();
        Map<ConfigResource, Config> configs =
                await(admin.describeConfigs(resources).all());
        Map<String, Optional<Duration>> retentions = new HashMap<>();
        configs.forEach((resource, config) -> {
            ConfigEntry entry = config.get(TopicConfig.RETENTION_MS_CONFIG);
            long millis = entry == null || entry.value() == null ? -1 : Long.parseLong(entry.value());
            retentions.put(resource.name(), millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis)));
        });
        return retentions;
    }

    /** Sets a topic's {@code retention.ms}. */
    void setRetention(String topic, Duration retention) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp op = new AlterConfigOp(
                new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())),
                AlterConfigOp.OpType.SET);
        await(admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all());
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(timeout);
        }
        admin.close(timeout);
    }

    private RecordMetadata send(DeadLetter letter) {
        String target = letter.originalTopic();
        requireTopic(target);
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(clientSettings);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
            // A record written back exactly once however the network behaves, and only once every replica has it.
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // The producer gives its own verdict within the timeout (delivery.timeout.ms must exceed
            // request.timeout.ms plus linger.ms); waiting longer than that below never cuts a retry short.
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() / 2);
            producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
        }
        // No partition: the key's partitioner puts it where the key's other records are.
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                target,
                null,
                letter.redriveTimestamp().toEpochMilli(),
                letter.key(),
                letter.value(),
                letter.redriveHeaders());
        // One at a time: what is reported as written is written, and a failure stops the redrive there.
        return await(producer.send(record), timeout.multipliedBy(2));
    }

    private void readPartition(
            KafkaConsumer<byte[], byte[]> consumer,
            TopicPartition tp,
            long from,
            int limit,
            Consumer<DeadLetter> each) {
        consumer.assign(List.of(tp));
        long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
        long start = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
        long position = Math.max(from, start);
        if (position >= end) {
            return;
        }
        consumer.seek(tp, position);
        int taken = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (taken < limit && consumer.position(tp, timeout) < end) {
            List<ConsumerRecord<byte[], byte[]>> records = consumer.poll(POLL).records(tp);
            if (records.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("no records from " + tp + " within " + timeout.toSeconds()
                            + " s although its end offset is " + end);
                }
                continue;
            }
            deadline = System.nanoTime() + timeout.toNanos();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (taken >= limit || record.offset() >= end) {
                    return;
                }
                each.accept(DeadLetter.of(record));
                taken++;
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        // Assigned partitions, no group: reading commits nothing; only a redrive moves the mark.
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Records of an aborted transaction were never dead letters.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void moveMark(TopicPartition tp, long offset) {
        await(admin.alterConsumerGroupOffsets(REDRIVE_GROUP, Map.of(tp, new OffsetAndMetadata(offset)))
                .all());
    }

    private String requireTopic(String topic) {
        if (!await(admin.listTopics().names()).contains(topic)) {
            throw new KafkaException("there is no topic " + topic);
        }
        return topic;
    }

    private List<TopicPartition> partitions(Collection<String> topics) {
        Map<String, TopicDescription> descriptions =
                await(admin.describeTopics(topics).allTopicNames());
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(name -> descriptions
                .get(name)
                .partitions()
                .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return partitions;
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(tp -> specs.put(tp, spec));
        return await(admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all());
    }

    private static Instant timeOf(ListOffsetsResultInfo info) {
        return info == null || info.timestamp() < 0 ? null : Instant.ofEpochMilli(info.timestamp());
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private <T> T await(Future<T> future) {
        return await(future, timeout);
    }

    private <T> T await(Future<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof KafkaException kafka ? kafka : new KafkaException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not answer within " + timeout.toSeconds() + " s", e);
        }
    }
}
