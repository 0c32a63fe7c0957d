package org.crossdesk.launcher.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crossdesk.events.Topics;

/**
 * One dead-letter topic at a glance.
 *
 * @param records   records in it (end minus start offsets, summed over partitions)
 * @param waiting   those not redriven yet: at or after the redrive mark ({@link DeadLetterTopics#REDRIVE_GROUP})
 * @param oldest    the time of the first record still kept; empty when there is none
 * @param newest    the latest record time; empty when there is none
 * @param retention how long the topic keeps records; empty: forever
 */
record TopicSummary(
        String name,
        long records,
        long waiting,
        Optional<Instant> oldest,
        Optional<Instant> newest,
        Optional<Duration> retention) {

    /**
     * What the catalogue says this dead-letter topic keeps ({@code Topic.deadLetter()}); empty for a topic that is not
     * the dead-letter topic of a catalogue topic.
     */
    static Optional<Duration> catalogueRetention(String deadLetterTopic) {
        if (!deadLetterTopic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            return Optional.empty();
        }
        String source = deadLetterTopic.substring(0, deadLetterTopic.length() - Topics.DEAD_LETTER_SUFFIX.length());
        return Topics.byName(source).map(topic -> topic.deadLetter().retention());
    }

    /** Whether the topic keeps records longer than the catalogue allows (forever counts as longer). */
    boolean keepsLongerThanTheCatalogue() {
        return catalogueRetention(name)
                .map(bound -> retention.isEmpty() || retention.get().compareTo(bound) > 0)
                .orElse(false);
    }
}
