package org.crossdesk.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem+json answer from a servlet filter, where controller advice cannot reach
 * (authentication, body limits). Hand-written JSON: the documents are tiny and fixed in shape.
 */
public final class ProblemWriter {

    private ProblemWriter() {}

    public static final String CONTENT_TYPE = "application/problem+json";

    public static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json(status, type, title, detail).getBytes(StandardCharsets.UTF_8));
    }

    /** The problem document; {@code type} is the last part of the URN ({@code validation}, {@code http-400}). */
    public static String json(int status, String type, String title, String detail) {
        return "{\"type\":\"" + escape(ProblemException.typeUri(type).toString()) + "\","
                + "\"title\":\"" + escape(title) + "\","
                + "\"status\":" + status + ","
                + "\"detail\":\"" + escape(detail) + "\"}";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
