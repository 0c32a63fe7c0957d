package org.crossdesk.bench.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.events.Topics;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.schemaregistry.serde.SpecificAvroDeserializer;

/**
 * Reads every desk's inbox, as the desks' own systems would (read_committed, from the latest offsets when it
 * joins), and notes when each alert arrives.
 */
final class InboxProbe implements AutoCloseable {

    private final KafkaConsumer<String, InboxMessage> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile Probes probes;
    private volatile boolean assigned;

    /** @param access the admin's credential on a secured stack: it may read every desk's inbox */
    InboxProbe(String bootstrapServers, String schemaRegistryUrl, BenchStack access) {
        SpecificAvroDeserializer<InboxMessage> values = new SpecificAvroDeserializer<>(InboxMessage.class);
        values.configure(access.registry(schemaRegistryUrl), false);
        Map<String, Object> config = access.kafka(bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-inbox-probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        consumer.subscribe(Pattern.compile(Topics.DESK_INBOX_PATTERN));
        thread = new Thread(this::run, "bench-inbox-probe");
        thread.setDaemon(true);
        thread.start();
    }

    void measure(Probes probes) {
        this.probes = probes;
    }

    boolean assigned() {
        return assigned;
    }

    private void run() {
        try {
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                assigned = !consumer.assignment().isEmpty();
                long now = System.nanoTime();
                Probes current = probes;
                if (current == null) {
                    continue;
                }
                for (ConsumerRecord<String, InboxMessage> record : records) {
                    if (record.value() != null && record.value().getMessage() instanceof Alert alert) {
                        current.alertInInbox(alert.getSubmission().getDeskReference(), now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}
