package org.crossdesk.dashboard.web;

import org.crossdesk.platform.security.AcceptsAccessTokenParameter;
import org.crossdesk.platform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream: Server-Sent Events, one {@code picture} event (the same JSON as
 * {@code GET /api/v1/views}) at once and then whenever the picture changes, at most once per push
 * interval. Browsers' EventSource cannot set headers, so this endpoint (and no other of the dashboard)
 * also takes the key as {@code ?access_token=}.
 */
@RestController
class LiveController {

    private final LiveBroadcaster broadcaster;
    private final Watchers watchers;

    LiveController(LiveBroadcaster broadcaster, Watchers watchers) {
        this.broadcaster = broadcaster;
        this.watchers = watchers;
    }

    @AcceptsAccessTokenParameter
    @GetMapping(path = "/api/v1/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(Caller caller) {
        watchers.watching(caller);
        return broadcaster.subscribe();
    }
}
