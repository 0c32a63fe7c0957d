package org.crossdesk.schemaregistry.auth;

import java.util.Locale;
import java.util.Set;

/**
 * The role an operation needs, decided on the route Spring MVC matched (e.g.
 * {@code /subjects/{subject}/versions}), not on the raw path, so no spelling of a URL can reach an
 * endpoint under another endpoint's rule. Reads need READ; registering needs REGISTER; everything else
 * that changes state, and any write this table does not know, needs ADMIN.
 */
final class AccessPolicy {

    /** POSTs that only read: a subject lookup, compatibility checks and the root probe. */
    private static final Set<String> READING_POSTS = Set.of(
            "/subjects/{subject}",
            "/compatibility/subjects/{subject}/versions",
            "/compatibility/subjects/{subject}/versions/{version}",
            "/");

    private static final String REGISTER_ROUTE = "/subjects/{subject}/versions";

    private AccessPolicy() {}

    /**
     * @param method the HTTP method
     * @param route the matched route pattern, or null when the request was not matched to a controller
     */
    static Role required(String method, String route) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> Role.READ;
            case "POST" -> {
                if (route != null && READING_POSTS.contains(route)) {
                    yield Role.READ;
                }
                yield REGISTER_ROUTE.equals(route) ? Role.REGISTER : Role.ADMIN;
            }
            // PUT and DELETE of /config and /mode, every DELETE, and any method added later.
            default -> Role.ADMIN;
        };
    }
}
