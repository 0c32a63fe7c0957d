package org.crossdesk.notifications.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.crossdesk.notifications.egress.AddressClassifier.Classification;

/**
 * Where webhooks may go: the URL scheme and the addresses a host may resolve to. Registration checks a
 * URL against it, and delivery resolves every connection's host through {@link #resolve}, which is what
 * the HTTP client then connects to: the address checked is the address used, so a host that resolved to a
 * public address at registration and to an internal one later (DNS rebinding) is refused at delivery.
 */
public final class EgressPolicy {

    /** Resolves host names; the system resolver in service, a fixed table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM_RESOLVER = InetAddress::getAllByName;

    private final boolean allowInsecureHttp;
    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    public EgressPolicy(boolean allowInsecureHttp, boolean allowPrivateAddresses, Resolver resolver) {
        this.allowInsecureHttp = allowInsecureHttp;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    /** What is wrong with a webhook URL's scheme, or empty: https, or http where insecure http is allowed. */
    public Optional<String> schemeProblem(String scheme) {
        String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (lower.equals("https")) {
            return Optional.empty();
        }
        if (lower.equals("http")) {
            return allowInsecureHttp
                    ? Optional.empty()
                    : Optional.of(
                            "must be an https URL; this deployment does not"
                                    + " deliver webhooks over plain http (crossdesk.notifications.webhooks.allow-insecure-http=false)");
        }
        return Optional.of("must be an absolute https URL");
    }

    /**
     * Every address of {@code host} (a name or an IP literal, IPv6 in brackets or not), each of them one
     * webhooks may go to.
     *
     * @throws RefusedAddressException if any of them is one webhooks may not go to
     * @throws UnknownHostException     if the host does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(bare);
        }
        // All or nothing: a name answering with one public and one internal address is refused, not filtered.
        for (InetAddress address : addresses) {
            Classification classification = AddressClassifier.classify(address);
            if (!classification.range().deliverable(allowPrivateAddresses)) {
                throw new RefusedAddressException(bare, classification, allowPrivateAddresses);
            }
        }
        return addresses;
    }

    /** What is wrong with {@code host}'s addresses, or empty if webhooks may go there. */
    public Optional<String> addressProblem(String host) {
        try {
            resolve(host);
            return Optional.empty();
        } catch (RefusedAddressException e) {
            return Optional.of(e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
    }
}
