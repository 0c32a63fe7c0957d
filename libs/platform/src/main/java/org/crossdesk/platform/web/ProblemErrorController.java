package org.crossdesk.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's {@code /error} fallback, answered as problem+json whatever the client accepts: what reaches
 * it (an exception thrown outside a controller, a container's {@code sendError}) is a refusal like any
 * other (the container has already logged an exception). Replaces Boot's BasicErrorController and its
 * whitelabel HTML page. Written by hand rather than by
 * content negotiation, which could itself fail on an {@code Accept} the problem type does not match.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly rather than dispatched to after an error: there is nothing here.
        int status = code instanceof Integer value && value >= 400 ? value : 404;
        Object message = code == null ? null : request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String json = ContainerProblems.json(status, message == null ? null : message.toString());
        response.setStatus(status);
        response.setContentType(ProblemWriter.CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json);
    }
}
