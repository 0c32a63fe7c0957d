package org.crossdesk.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.crossdesk.platform.web.ProblemWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read a service's metrics ({@code /actuator/prometheus}): a supervisor or an administrator. The API-key
 * filter has authenticated the caller already; a desk is turned away, since the metrics name every desk's topics and
 * consumer groups. A Prometheus server scrapes with a supervisor's key ({@code authorization: credentials}).
 */
public final class MetricsAccessFilter extends OncePerRequestFilter {

    /** Spring Boot's Prometheus endpoint. */
    public static final String METRICS_PATH = "/actuator/prometheus";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object caller = request.getAttribute(ApiKeyAuthenticationFilter.CALLER_ATTRIBUTE);
        if (caller instanceof Caller known && (known.has(Role.SUPERVISOR) || known.has(Role.ADMIN))) {
            chain.doFilter(request, response);
            return;
        }
        ProblemWriter.write(
                response, 403, "forbidden", "Forbidden", "The metrics are for supervisors and administrators.");
    }
}
