package org.crossdesk.notifications.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.notifications.rendering.InboxMessageRenderer;
import org.crossdesk.notifications.rendering.MessageFacts;
import org.crossdesk.platform.kafka.Outages;
import org.crossdesk.platform.kafka.TopicProvisioner;
import org.crossdesk.platform.kafka.follow.AvroDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live streams of desks' inboxes. Each stream reads its desk's inbox with a consumer of its own
 * (assigned partitions, no group, nothing committed): the position it reports with every event is the
 * whole truth of where the client is, so any instance, before or after a restart, resumes it exactly.
 * The first thing sent is an event with only an {@code id:} (the starting position), so even a client
 * that receives no message before reconnecting resumes where its stream began.
 */
public final class InboxStreams {

    private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);

    /** Where a stream starts when the client does not resume. */
    public enum Start {
        /** With messages written from now on. */
        LATEST,
        /** With the oldest message the inbox still keeps. */
        EARLIEST
    }

    /** Too many open streams. */
    public static final class TooManyStreamsException extends RuntimeException {
        TooManyStreamsException(int max) {
            super("This instance already serves " + max + " live streams; retry shortly");
        }
    }

    private final Map<String, Object> consumerConfig;
    private final AvroDecoder decoder;
    private final InboxMessageRenderer renderer;
    private final TopicProvisioner deskTopics;
    private final ExecutorService executor;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration maxDuration;
    private final Semaphore slots;
    private final int maxStreams;
    private volatile boolean running = true;

    public InboxStreams(
            Map<String, Object> consumerConfig,
            AvroDecoder decoder,
            InboxMessageRenderer renderer,
            TopicProvisioner deskTopics,
            ExecutorService executor,
            Clock clock,
            Duration heartbeat,
            Duration maxDuration,
            int maxStreams) {
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.decoder = decoder;
        this.renderer = renderer;
        this.deskTopics = deskTopics;
        this.executor = executor;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.maxDuration = maxDuration;
        this.maxStreams = maxStreams;
        this.slots = new Semaphore(maxStreams);
    }

    /**
     * Opens a stream of {@code deskId}'s inbox into {@code sink}, from {@code resume} if given, else from
     * {@code start}, and returns at once; the stream runs until the client leaves, the maximum duration
     * passes, or the service stops.
     *
     * @param onMessage told of every message sent (for the audit trail)
     * @throws TooManyStreamsException if this instance serves its maximum of streams
     */
    public void open(
            String deskId,
            StreamPosition resume,
            Start start,
            StreamSink sink,
            BiConsumer<String, MessageFacts> onMessage) {
        if (!slots.tryAcquire()) {
            throw new TooManyStreamsException(maxStreams);
        }
        try {
            executor.execute(() -> {
                try {
                    stream(deskId, resume, start, sink, onMessage);
                } catch (RuntimeException e) {
                    log.warn("Live stream of {} ended with an error: {}", deskId, e.toString());
                } finally {
                    slots.release();
                    sink.complete();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** Streams open now. */
    public int openStreams() {
        return maxStreams - slots.availablePermits();
    }

    private void stream(
            String deskId,
            StreamPosition resume,
            Start start,
            StreamSink sink,
            BiConsumer<String, MessageFacts> onMessage) {
        String topic = Topics.deskInboxName(deskId);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, deskId);
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                Long offset = resume == null
                        ? null
                        : resume.nextOffset(partition.partition()).orElse(null);
                if (offset != null) {
                    consumer.seek(partition, offset);
                } else if (resume != null || start == Start.EARLIEST) {
                    // A partition the client has not seen yet: from its beginning, so nothing is skipped.
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seekToEnd(List.of(partition));
                }
            }
            Map<Integer, Long> next = new HashMap<>();
            partitions.forEach(partition -> next.put(partition.partition(), consumer.position(partition)));
            StreamPosition position = StreamPosition.of(next);
            sink.send(position.text(), null);

            Instant started = clock.instant();
            Instant lastSent = started;
            while (running && !sink.isClosed() && clock.instant().isBefore(started.plus(maxDuration))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    position = position.after(record.partition(), record.offset());
                    InboxMessage message;
                    try {
                        message = (InboxMessage) decoder.decode(record.topic(), record.headers(), record.value());
                    } catch (RuntimeException e) {
                        if (Outages.isOutage(e)) {
                            // Readable later: end the stream before it; the client reconnects with its last event id
                            // and gets this record then, instead of never.
                            log.warn(
                                    "Live stream of {} ends at {}-{}@{}, which cannot be read now: {}",
                                    deskId,
                                    record.topic(),
                                    record.partition(),
                                    record.offset(),
                                    e.getMessage());
                            return;
                        }
                        // The inbox's dead-letter topic gets it from the webhook consumer; the stream moves past it.
                        log.warn(
                                "Live stream of {} skips unreadable record {}-{}@{}",
                                deskId,
                                record.topic(),
                                record.partition(),
                                record.offset());
                        continue;
                    }
                    if (message == null) {
                        continue;
                    }
                    sink.send(position.text(), renderer.renderJson(deskId, message));
                    onMessage.accept(deskId, MessageFacts.of(message));
                    lastSent = clock.instant();
                }
                if (!clock.instant().isBefore(lastSent.plus(heartbeat))) {
                    sink.heartbeat();
                    lastSent = clock.instant();
                }
            }
        } catch (IOException clientGone) {
            log.debug("Live stream client of {} went away", deskId);
        }
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> consumer, String topic, String deskId) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            // A desk that never received anything may have no inbox yet; the catalogue says how to make it.
            deskTopics.ensureDeskTopics(deskId);
            infos = consumer.partitionsFor(topic);
        }
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    /** Ends every stream (clients reconnect, with Last-Event-ID, to another instance or after the restart). */
    public void close() {
        running = false;
    }
}
