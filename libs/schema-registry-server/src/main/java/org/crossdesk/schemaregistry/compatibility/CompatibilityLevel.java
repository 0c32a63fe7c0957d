package org.crossdesk.schemaregistry.compatibility;

import java.util.Locale;
import java.util.Optional;

/** The seven compatibility levels of the Confluent API; names are matched case-insensitively on input. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema must be able to read data written with the old one. */
    public boolean backward() {
        return backward;
    }

    /** Data written with the new schema must be readable with the old one. */
    public boolean forward() {
        return forward;
    }

    /** Compared against every live version rather than the latest only. */
    public boolean transitive() {
        return transitive;
    }

    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
