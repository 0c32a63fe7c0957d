package org.crossdesk.schemaregistry.store;

/** The {@code {version}} path segment: {@code [1, 2^31-1]}, {@code latest} or {@code -1}. */
final class VersionIds {

    static final int LATEST = -1;

    private VersionIds() {}

    static int parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equalsIgnoreCase("latest")) {
            return LATEST;
        }
        int version;
        try {
            version = Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            throw Errors.invalidVersion(text);
        }
        if (version == LATEST) {
            return LATEST;
        }
        if (version < 1) {
            throw Errors.invalidVersion(text);
        }
        return version;
    }
}
