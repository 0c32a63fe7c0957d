package org.crossdesk.schemaregistry.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.crossdesk.schemaregistry.http.ErrorEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request except the health probe before Spring MVC sees it: 401 with a Basic
 * challenge for missing or invalid credentials, 503 when they cannot be checked now. The caller is
 * attached to the request for {@link RoleInterceptor}. Passwords are never logged, nor user names of
 * refused attempts (a password typed into the user field would end up in the log).
 */
final class BasicAuthFilter extends OncePerRequestFilter {

    static final String USER_ATTRIBUTE = RegistryUser.class.getName();
    static final String CHALLENGE = "Basic realm=\"crossdesk-schema-registry\"";

    private static final Logger log = LoggerFactory.getLogger(BasicAuthFilter.class);
    /**
     * The health endpoint and its groups (liveness, readiness), in plain spelling only: no dots,
     * encodings or path parameters that could make the servlet container route it elsewhere.
     */
    private static final Pattern HEALTH = Pattern.compile("/actuator/health(/[A-Za-z0-9_-]+)*");

    private final Authenticator authenticator;

    BasicAuthFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return HEALTH.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        AuthResult result = authenticator.authenticate(BasicCredentials.parse(header));
        if (result instanceof AuthResult.Authenticated authenticated) {
            request.setAttribute(USER_ATTRIBUTE, authenticated.user());
            chain.doFilter(request, response);
        } else if (result instanceof AuthResult.Unavailable) {
            ErrorEnvelope.write(
                    request,
                    response,
                    503,
                    503,
                    "Service Unavailable: the credentials cannot be verified with Kafka now; try again later");
        } else {
            if (header != null) {
                log.info(
                        "Refused invalid credentials from {} for {} {}",
                        request.getRemoteAddr(),
                        request.getMethod(),
                        request.getRequestURI());
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            ErrorEnvelope.write(
                    request,
                    response,
                    401,
                    401,
                    "Unauthorized: present the user name and password of a registry user with HTTP Basic authentication");
        }
    }
}
