package org.crossdesk.schemaregistry.client;

import java.nio.charset.StandardCharsets;

/** Builds a request path with percent-encoded segments and query values (RFC 3986 unreserved kept as is). */
final class HttpPath {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder path = new StringBuilder(64);
    private boolean hasQuery;

    static HttpPath of(String... literalSegments) {
        HttpPath p = new HttpPath();
        for (String s : literalSegments) {
            p.path.append('/').append(s);
        }
        return p;
    }

    /** Appends one segment, encoding everything but unreserved characters: {@code a/b} stays one segment. */
    HttpPath segment(String value) {
        path.append('/');
        encode(value, path);
        return this;
    }

    HttpPath literal(String segment) {
        path.append('/').append(segment);
        return this;
    }

    HttpPath query(String name, String value) {
        path.append(hasQuery ? '&' : '?').append(name).append('=');
        encode(value, path);
        hasQuery = true;
        return this;
    }

    /** Adds {@code name=true} only when set: older servers must never see parameters they don't know. */
    HttpPath flag(String name, boolean value) {
        return value ? query(name, "true") : this;
    }

    @Override
    public String toString() {
        return path.length() == 0 ? "/" : path.toString();
    }

    static String encode(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        encode(value, sb);
        return sb.toString();
    }

    private static void encode(String value, StringBuilder out) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }
}
