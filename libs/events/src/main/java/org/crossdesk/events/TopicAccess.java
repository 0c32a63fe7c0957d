package org.crossdesk.events;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who writes and who reads one topic. A dead-letter topic is written by the readers of its source (their
 * error handlers put records there) and read by operators only, so it needs no entry of its own.
 *
 * @param writers parties that produce to the topic
 * @param readers parties that consume it
 */
public record TopicAccess(Set<Party> writers, Set<Party> readers) {

    public TopicAccess {
        writers = Set.copyOf(Objects.requireNonNull(writers, "writers"));
        readers = Set.copyOf(Objects.requireNonNull(readers, "readers"));
    }

    static TopicAccess of(Set<Party> writers, Set<Party> readers) {
        return new TopicAccess(writers, readers);
    }

    /** Everyone that touches the topic, writers and readers. */
    public Set<Party> parties() {
        EnumSet<Party> all = EnumSet.noneOf(Party.class);
        all.addAll(writers);
        all.addAll(readers);
        return all;
    }
}
