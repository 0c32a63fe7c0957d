package org.crossdesk.notifications.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.crossdesk.notifications.egress.EgressPolicy;

/**
 * Which webhook URLs a desk may register: absolute https URLs (http only where the deployment allows
 * insecure http) with a host, no user info (it would be a credential in a URL that is stored and shown)
 * and no fragment, whose host resolves only to addresses the {@link EgressPolicy} delivers to, so a
 * partner system cannot make Crossdesk POST into its own network or a cloud metadata service. Delivery
 * checks the address again on every connection, and never follows redirects.
 */
public final class UrlPolicy {

    private final EgressPolicy egress;

    public UrlPolicy(EgressPolicy egress) {
        this.egress = egress;
    }

    /** What is wrong with {@code url}, or empty if it may be registered. */
    public Optional<String> problemWith(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required: the absolute https URL deliveries are POSTed to");
        }
        if (url.length() > 2048) {
            return Optional.of("must be at most 2048 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        if (!uri.isAbsolute()) {
            return Optional.of("must be an absolute https URL");
        }
        Optional<String> scheme = egress.schemeProblem(uri.getScheme());
        if (scheme.isPresent()) {
            return scheme;
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user info (credentials); authenticate deliveries by their signature");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        return egress.addressProblem(uri.getHost());
    }
}
