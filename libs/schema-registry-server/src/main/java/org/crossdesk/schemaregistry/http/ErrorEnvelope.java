package org.crossdesk.schemaregistry.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes Confluent's error body {@code {"error_code":..,"message":..}} straight to the response, so
 * that even a request whose {@code Accept} header cannot be satisfied gets a readable answer. Public for
 * the authentication filter, which answers before Spring MVC sees the request.
 */
public final class ErrorEnvelope {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorEnvelope() {}

    public static void write(
            HttpServletRequest request, HttpServletResponse response, int status, int errorCode, String message)
            throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error_code", errorCode);
        body.put("message", message);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(
                MediaTypes.forErrors(request.getHeader(HttpHeaders.ACCEPT)).toString());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** Jersey's wording for its generic errors, which Confluent clients have seen for years. */
    static String generic(int status) {
        return switch (status) {
            case 400 -> "HTTP 400 Bad Request";
            case 404 -> "HTTP 404 Not Found";
            case 405 -> "HTTP 405 Method Not Allowed";
            case 406 -> "HTTP 406 Not Acceptable";
            case 415 -> "HTTP 415 Unsupported Media Type";
            case 500 -> "HTTP 500 Internal Server Error";
            default -> "HTTP " + status;
        };
    }
}
