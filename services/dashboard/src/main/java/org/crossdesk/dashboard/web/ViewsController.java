package org.crossdesk.dashboard.web;

import java.util.ArrayList;
import java.util.List;
import org.crossdesk.dashboard.DashboardProperties;
import org.crossdesk.dashboard.replay.ReplayStatus;
import org.crossdesk.dashboard.replay.TopicReplay;
import org.crossdesk.dashboard.views.BreachesView;
import org.crossdesk.dashboard.views.DirectorySnapshot;
import org.crossdesk.dashboard.views.FeedItem;
import org.crossdesk.dashboard.views.OpenAlertsView;
import org.crossdesk.dashboard.views.OperationalPicture;
import org.crossdesk.dashboard.views.ResponseTimesView;
import org.crossdesk.dashboard.views.VolumesView;
import org.crossdesk.dashboard.views.WithheldView;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.web.FieldViolation;
import org.crossdesk.platform.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The views as JSON, for supervisors and auditors only. */
@RestController
@RequestMapping(path = "/api/v1/views", produces = "application/json")
class ViewsController {

    static final int MAX_HOURS = 24 * 31;
    static final int MAX_DAYS = 366;

    private final OperationalPicture picture;
    private final TopicReplay replay;
    private final DashboardProperties properties;
    private final Watchers watchers;

    ViewsController(OperationalPicture picture, TopicReplay replay, DashboardProperties properties, Watchers watchers) {
        this.picture = picture;
        this.replay = replay;
        this.properties = properties;
        this.watchers = watchers;
    }

    /** Everything the page shows, at once and mutually consistent. */
    @GetMapping
    DashboardPayload all(Caller caller) {
        watchers.require(caller);
        return new DashboardPayload(replay.status(), picture.snapshot(properties.feedShown()));
    }

    @GetMapping("/replay")
    ReplayStatus replay(Caller caller) {
        watchers.require(caller);
        return replay.status();
    }

    @GetMapping("/volumes")
    VolumesView volumes(
            Caller caller,
            @RequestParam(defaultValue = "48") String hours,
            @RequestParam(defaultValue = "30") String days) {
        watchers.require(caller);
        List<FieldViolation> errors = new ArrayList<>();
        int h = bounded("hours", hours, 1, MAX_HOURS, errors);
        int d = bounded("days", days, 1, MAX_DAYS, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return picture.volumes(h, d);
    }

    @GetMapping("/open-alerts")
    OpenAlertsView openAlerts(Caller caller) {
        watchers.require(caller);
        return picture.openAlerts();
    }

    @GetMapping("/response-times")
    ResponseTimesView responseTimes(Caller caller) {
        watchers.require(caller);
        return picture.responseTimes();
    }

    @GetMapping("/breaches")
    BreachesView breaches(Caller caller) {
        watchers.require(caller);
        return picture.breaches();
    }

    @GetMapping("/withheld")
    WithheldView withheld(Caller caller) {
        watchers.require(caller);
        return picture.withheld();
    }

    @GetMapping("/directory")
    DirectorySnapshot directory(Caller caller) {
        watchers.require(caller);
        return picture.directory();
    }

    @GetMapping("/feed")
    List<FeedItem> feed(Caller caller, @RequestParam(defaultValue = "50") String limit) {
        watchers.require(caller);
        List<FieldViolation> errors = new ArrayList<>();
        int n = bounded("limit", limit, 1, properties.feedCapacity(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return picture.feed(n);
    }

    private static int bounded(String name, String value, int min, int max, List<FieldViolation> errors) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the others
        }
        errors.add(new FieldViolation(
                name, "OUT_OF_RANGE", "must be a whole number from " + min + " to " + max + ", was '" + value + "'"));
        return min;
    }
}
