package org.crossdesk.bench.dashboard;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.crossdesk.bench.BenchStack;

/**
 * The baseline: Kafka's raw consumer throughput on the same topics. A plain {@code KafkaConsumer} of
 * bytes, every partition assigned and read from the beginning to the end offsets taken at the start,
 * touching each record's value and nothing more. Same fetch settings as the dashboard's replay.
 */
final class RawReplay {

    record Result(long records, long bytes, Duration took, long cpuNanos) {
        double recordsPerSecond() {
            return records / (took.toNanos() / 1e9);
        }

        double cpuMicrosPerRecord() {
            return cpuNanos / 1e3 / records;
        }
    }

    /** @param client bootstrap.servers and, on a secured stack, the admin's SASL settings */
    static Result run(Map<String, Object> client, Collection<String> topics) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-raw-replay");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long records = 0;
            long bytes = 0;
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    bytes += record.value() == null ? 0 : record.value().length;
                }
                boolean done = true;
                for (TopicPartition partition : partitions) {
                    if (consumer.position(partition) < end.get(partition)) {
                        done = false;
                        break;
                    }
                }
                if (done) {
                    return new Result(
                            records, bytes, Duration.ofNanos(System.nanoTime() - start), cpuNanos() - cpuStart);
                }
            }
        }
    }

    private RawReplay() {}

    /** CPU time of this thread: the classic consumer does its network work in the polling thread. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * Runs the baseline in a JVM of its own, as the dashboard's replay runs in a fresh one: prints
     * {@code RAW records bytes wall-nanos cpu-nanos} on one line. Arguments: the client properties file
     * ({@code bootstrap.servers} and the admin's authentication, {@link BenchStack#writeClientProperties}), then the
     * topics.
     */
    public static void main(String[] args) {
        Result result = run(
                BenchStack.readClientProperties(Path.of(args[0])), List.of(args).subList(1, args.length));
        System.out.println("RAW " + result.records() + " " + result.bytes() + " "
                + result.took().toNanos() + " " + result.cpuNanos());
    }
}
