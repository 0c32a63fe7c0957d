package org.crossdesk.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.crossdesk.platform.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to a protected path by its bearer API key and attaches the
 * {@link Caller}; anything else is answered 401 before a controller sees it. Keys are never
 * logged, not even in part.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final ApiKeys keys;
    private final List<String> protectedPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public ApiKeyAuthenticationFilter(ApiKeys keys, List<String> protectedPaths) {
        this.keys = keys;
        this.protectedPaths = List.copyOf(protectedPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return protectedPaths.stream().noneMatch(p -> matcher.match(p, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = keys.authenticate(presentedKey(request));
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"crossdesk\"");
            ProblemWriter.write(response, 401, "unauthorized", "Unauthorized",
                    "Present a valid API key as 'Authorization: Bearer <key>'.");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    /**
     * The bearer token; browsers' EventSource cannot set headers, so the live streams also take
     * {@code access_token} as a query parameter (RFC 6750 §2.3).
     */
    static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        return request.getParameter("access_token");
    }
}
