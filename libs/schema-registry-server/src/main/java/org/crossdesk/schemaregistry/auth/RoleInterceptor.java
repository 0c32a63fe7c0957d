package org.crossdesk.schemaregistry.auth;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.crossdesk.schemaregistry.http.ErrorEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Lets an authenticated caller through only to operations its role includes ({@link AccessPolicy}),
 * 403 otherwise. Runs after Spring MVC matched the request, so it judges the route actually taken.
 */
final class RoleInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RoleInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // Rendering the error of a request that was already judged.
            return true;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern == null ? null : pattern.toString();
        Role required = AccessPolicy.required(request.getMethod(), route);
        Object attribute = request.getAttribute(BasicAuthFilter.USER_ATTRIBUTE);
        if (!(attribute instanceof RegistryUser user)) {
            // Only reachable if a path the filter lets through were routed to a controller: refuse, never pass.
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BasicAuthFilter.CHALLENGE);
            ErrorEnvelope.write(request, response, 401, 401, "Unauthorized");
            return false;
        }
        if (user.role().includes(required)) {
            return true;
        }
        String operation = request.getMethod() + " " + (route == null ? request.getRequestURI() : route);
        log.info("Refused {} to user '{}' ({}): needs {}", operation, user.name(), user.role(), required);
        ErrorEnvelope.write(
                request,
                response,
                403,
                403,
                "Forbidden: user '" + user.name() + "' (" + user.role() + ") may not " + operation + "; that needs the "
                        + required + " role");
        return false;
    }
}
