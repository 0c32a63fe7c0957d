package org.crossdesk.schemaregistry.store;

/** Which versions a listing includes ({@code ?deleted=true}, {@code ?deletedOnly=true}). */
public enum VersionFilter {
    LIVE,
    INCLUDE_DELETED,
    DELETED_ONLY;

    public static VersionFilter of(boolean deleted, boolean deletedOnly) {
        if (deletedOnly) {
            return DELETED_ONLY;
        }
        return deleted ? INCLUDE_DELETED : LIVE;
    }

    boolean accepts(SchemaValue value) {
        return switch (this) {
            case LIVE -> !value.deleted();
            case INCLUDE_DELETED -> true;
            case DELETED_ONLY -> value.deleted();
        };
    }
}
