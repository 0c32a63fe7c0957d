package org.crossdesk.dashboard.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.crossdesk.dashboard.DashboardProperties;
import org.crossdesk.dashboard.replay.ReplayStatus;
import org.crossdesk.dashboard.replay.TopicReplay;
import org.crossdesk.dashboard.views.OperationalPicture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the picture to every open live stream when it has changed, at most once per push interval, so
 * a burst of thousands of events costs one snapshot, not thousands; idle streams get a heartbeat
 * comment. One snapshot is taken per tick and sent to every stream.
 */
@Component
class LiveBroadcaster implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveBroadcaster.class);
    // The page reconnects by itself (EventSource); a finite lifetime lets the server forget dead clients.
    private static final long STREAM_TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    private final OperationalPicture picture;
    private final TopicReplay replay;
    private final DashboardProperties properties;
    private final Clock clock;
    private final List<SseEmitter> streams = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService ticker;
    private long sentVersion = -1;
    private ReplayStatus sentStatus;
    private Instant lastSent = Instant.EPOCH;

    LiveBroadcaster(OperationalPicture picture, TopicReplay replay, DashboardProperties properties, Clock clock) {
        this.picture = picture;
        this.replay = replay;
        this.properties = properties;
        this.clock = clock;
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(() -> streams.remove(emitter));
        emitter.onError(e -> streams.remove(emitter));
        DashboardPayload now = payload();
        try {
            emitter.send(event(now));
            streams.add(emitter);
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        return emitter;
    }

    int streams() {
        return streams.size();
    }

    private synchronized void tick() {
        try {
            if (streams.isEmpty()) {
                return;
            }
            ReplayStatus status = replay.status();
            long version = picture.applied() + picture.unusableCount();
            Instant now = clock.instant();
            if (version != sentVersion || !sameProgress(status, sentStatus)) {
                DashboardPayload payload = payload();
                sentVersion =
                        payload.picture().eventsApplied() + payload.picture().unusable();
                sentStatus = payload.replay();
                lastSent = now;
                broadcast(event(payload));
            } else if (Duration.between(lastSent, now).compareTo(properties.heartbeatInterval()) >= 0) {
                lastSent = now;
                broadcast(SseEmitter.event().comment("still here"));
            }
        } catch (RuntimeException e) {
            log.warn("Could not push the picture to the live streams", e);
        }
    }

    private void broadcast(SseEmitter.SseEventBuilder event) {
        for (SseEmitter emitter : streams) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException e) {
                // The browser went away: forget this stream; EventSource reconnects if it still wants one.
                streams.remove(emitter);
                emitter.completeWithError(e);
            }
        }
    }

    private DashboardPayload payload() {
        return new DashboardPayload(replay.status(), picture.snapshot(properties.feedShown()));
    }

    private static SseEmitter.SseEventBuilder event(DashboardPayload payload) {
        return SseEmitter.event()
                .name("picture")
                .id(Long.toString(payload.picture().eventsApplied()))
                .data(payload, MediaType.APPLICATION_JSON);
    }

    private static boolean sameProgress(ReplayStatus a, ReplayStatus b) {
        return b != null && a.state().equals(b.state()) && a.consumed() == b.consumed() && a.lag() == b.lag();
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dashboard-live");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.pushInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ticker.shutdownNow();
        ticker = null;
        streams.forEach(SseEmitter::complete);
        streams.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
