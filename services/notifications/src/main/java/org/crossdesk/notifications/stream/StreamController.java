package org.crossdesk.notifications.stream;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditResourceType;
import org.crossdesk.platform.audit.AuditLog;
import org.crossdesk.platform.security.AcceptsAccessTokenParameter;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.web.FieldViolation;
import org.crossdesk.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/stream}: the caller desk's inbox as Server-Sent Events. Browsers' EventSource cannot
 * set headers, so the API key may come as {@code ?access_token=} (here only, of all the service's
 * endpoints) and the resume point as {@code Last-Event-ID} (EventSource sends it on reconnect) or
 * {@code ?lastEventId=}.
 */
@RestController
class StreamController {

    private final InboxStreams streams;
    private final AuditLog audit;

    StreamController(InboxStreams streams, AuditLog audit) {
        this.streams = streams;
        this.audit = audit;
    }

    @AcceptsAccessTokenParameter
    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            Caller caller,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
            @RequestParam(name = "from", required = false) String from) {
        String desk = caller.requireDesk();
        String lastEventId = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter;
        StreamPosition resume = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            resume = StreamPosition.parse(lastEventId)
                    .orElseThrow(() -> ProblemException.invalid(List.of(new FieldViolation(
                            "Last-Event-ID",
                            "invalid",
                            "must be an event id this stream sent: <partition>-<offset> pairs separated by commas"))));
        }
        InboxStreams.Start start = InboxStreams.Start.LATEST;
        if (from != null) {
            try {
                start = InboxStreams.Start.valueOf(from.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(
                        List.of(new FieldViolation("from", "invalid", "must be latest or earliest")));
            }
        }
        SseEmitter emitter = new SseEmitter(0L);
        EmitterSink sink = new EmitterSink(emitter);
        try {
            streams.open(desk, resume, start, sink, (deskId, facts) -> {
                if (facts.concernsAnAlert()) {
                    audit.allowed(
                            caller, AuditAction.READ_ALERT, AuditResourceType.ALERT, facts.alertId(), "live stream");
                }
            });
        } catch (InboxStreams.TooManyStreamsException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", e.getMessage(), List.of());
        }
        return emitter;
    }

    /** Writes stream events to the servlet response through Spring's emitter. */
    private static final class EmitterSink implements StreamSink {
        private final SseEmitter emitter;
        private volatile boolean closed;

        EmitterSink(SseEmitter emitter) {
            this.emitter = emitter;
            emitter.onCompletion(() -> closed = true);
            emitter.onError(error -> closed = true);
            emitter.onTimeout(() -> closed = true);
        }

        @Override
        public void send(String id, String data) throws IOException {
            SseEmitter.SseEventBuilder event = SseEmitter.event().id(id);
            if (data != null) {
                event.data(data, MediaType.APPLICATION_JSON);
            } else {
                event.reconnectTime(3_000);
            }
            emitter.send(event);
        }

        @Override
        public void heartbeat() throws IOException {
            emitter.send(SseEmitter.event().comment("keep-alive"));
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void complete() {
            closed = true;
            try {
                emitter.complete();
            } catch (RuntimeException alreadyDone) {
                // the client left first
            }
        }
    }
}
