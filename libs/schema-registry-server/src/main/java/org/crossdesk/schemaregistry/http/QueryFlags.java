package org.crossdesk.schemaregistry.http;

/** Boolean query parameters read like JAX-RS's {@code boolean}: anything but "true" is false, never a 400. */
final class QueryFlags {

    private QueryFlags() {}

    static boolean flag(String value) {
        return Boolean.parseBoolean(value);
    }
}
