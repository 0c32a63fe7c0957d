package org.crossdesk.schemaregistry.client;

import java.util.List;

/**
 * The answer of a compatibility check.
 *
 * @param compatible {@code is_compatible}
 * @param messages   the reasons, present when the check was {@code verbose} and failed; otherwise empty
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
