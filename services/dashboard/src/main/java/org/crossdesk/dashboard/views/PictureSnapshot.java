package org.crossdesk.dashboard.views;

import java.time.Instant;
import java.util.List;

/**
 * Every view at one instant, consistent with each other (taken under one lock).
 *
 * @param at when the snapshot was taken (ages are relative to it)
 * @param eventsApplied events applied to the views so far
 * @param unusable records that could not be applied (see the replay status for the causes)
 */
public record PictureSnapshot(
        Instant at,
        long eventsApplied,
        long unusable,
        VolumesView volumes,
        OpenAlertsView openAlerts,
        ResponseTimesView responseTimes,
        BreachesView breaches,
        WithheldView withheld,
        DirectorySnapshot directory,
        List<FeedItem> feed) {}
