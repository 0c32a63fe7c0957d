package org.crossdesk.dashboard.web;

import org.crossdesk.dashboard.replay.ReplayStatus;
import org.crossdesk.dashboard.views.PictureSnapshot;

/** What the page draws: the replay's progress and every view. Sent by {@code GET /api/v1/views} and the live stream. */
public record DashboardPayload(ReplayStatus replay, PictureSnapshot picture) {}
