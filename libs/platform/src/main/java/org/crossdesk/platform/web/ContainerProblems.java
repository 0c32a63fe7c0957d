package org.crossdesk.platform.web;

import org.springframework.http.HttpStatus;

/**
 * The problem document of an error the servlet container answers itself (a request line, header or
 * query string it cannot parse) or routes to {@code /error} (an exception no handler caught, a
 * {@code sendError}): the same shape as every other refusal, never an HTML page.
 */
final class ContainerProblems {

    private static final int MAX_DETAIL = 300;

    private ContainerProblems() {}

    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    /**
     * For a client error, the container's reason (it names what was malformed in the client's own request);
     * for a server error a fixed sentence, so no internal detail leaks.
     */
    static String detail(int status, String message) {
        if (status >= 500) {
            return "The service could not answer this request.";
        }
        if (message == null || message.isBlank()) {
            return "The request was refused: " + title(status) + ".";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline);
        }
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }

    static String json(int status, String message) {
        return ProblemWriter.json(status, "http-" + status, title(status), detail(status, message));
    }
}
