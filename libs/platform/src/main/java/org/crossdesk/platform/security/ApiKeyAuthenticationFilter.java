package org.crossdesk.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.crossdesk.platform.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Authenticates every request to a protected path by its bearer API key and attaches the
 * {@link Caller}; anything else is answered 401 before a controller sees it. Keys are never
 * logged, not even in part.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String CALLER_ATTRIBUTE = Caller.class.getName();
    public static final String ACCESS_TOKEN_PARAMETER = "access_token";

    private final ApiKeys keys;
    private final List<String> protectedPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();
    /** Empty until start-up has read the endpoints marked {@link AcceptsAccessTokenParameter}: fails closed. */
    private volatile List<PathPattern> accessTokenPaths = List.of();

    public ApiKeyAuthenticationFilter(ApiKeys keys, List<String> protectedPaths) {
        this.keys = keys;
        this.protectedPaths = List.copyOf(protectedPaths);
    }

    /**
     * The path patterns (Spring MVC syntax) on which the key may also come as {@code ?access_token=}; on
     * every other path a query-parameter key is ignored.
     */
    public void setAccessTokenPaths(Collection<String> patterns) {
        accessTokenPaths =
                patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    public List<String> getAccessTokenPaths() {
        return accessTokenPaths.stream().map(PathPattern::getPatternString).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        return protectedPaths.stream().noneMatch(p -> matcher.match(p, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = keys.authenticate(presentedKey(request));
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"crossdesk\"");
            ProblemWriter.write(
                    response,
                    401,
                    "unauthorized",
                    "Unauthorized",
                    "Present a valid API key as 'Authorization: Bearer <key>'.");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    /**
     * The bearer token; on the streaming paths also {@code access_token} from the query string, since
     * browsers' EventSource cannot set headers (RFC 6750 §2.3).
     */
    String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        if (acceptsAccessTokenParameter(pathOf(request))) {
            return request.getParameter(ACCESS_TOKEN_PARAMETER);
        }
        return null;
    }

    private boolean acceptsAccessTokenParameter(String path) {
        List<PathPattern> patterns = accessTokenPaths;
        if (patterns.isEmpty()) {
            return false;
        }
        PathContainer container;
        try {
            container = PathContainer.parsePath(path);
        } catch (IllegalArgumentException badEncoding) {
            return false;
        }
        return patterns.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
