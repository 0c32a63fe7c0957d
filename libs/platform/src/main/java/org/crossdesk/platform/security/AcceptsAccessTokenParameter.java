package org.crossdesk.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a streaming endpoint whose API key may also come as the query parameter {@code access_token}
 * (RFC 6750 §2.3), because browsers' EventSource cannot set an Authorization header. Only the endpoints
 * marked so accept it: a key in a URL ends up in access logs, browser histories and Referer headers, so
 * everywhere else a query-parameter key is ignored (401 as if there were none).
 *
 * <p>The platform reads the paths of the marked handler methods at start-up and gives them to
 * {@link ApiKeyAuthenticationFilter#setAccessTokenPaths} (logged once), so the paths are never repeated
 * as strings elsewhere.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AcceptsAccessTokenParameter {}
