package org.crossdesk.schemaregistry.store;

import java.util.Locale;
import java.util.Optional;

/** Registry modes. FORWARD exists in the API but is refused: there is no leader to forward to. */
public enum Mode {
    READWRITE,
    READONLY,
    READONLY_OVERRIDE,
    IMPORT,
    FORWARD;

    boolean readOnly() {
        return this == READONLY || this == READONLY_OVERRIDE;
    }

    static Optional<Mode> parse(String name) {
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
