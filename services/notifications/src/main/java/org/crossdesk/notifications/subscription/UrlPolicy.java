package org.crossdesk.notifications.subscription;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs a desk may register. Absolute http or https URLs with a host, no user info (it would
 * be a credential in a URL that is stored and shown) and no fragment. Unless private addresses are allowed,
 * the host must not be or resolve to a loopback, link-local, site-local, unique-local, wildcard or
 * multicast address, so a partner system cannot make Crossdesk POST into its own network. The check runs
 * at registration; redirects are never followed at delivery, so a public URL cannot bounce inwards.
 */
public final class UrlPolicy {

  /** Resolves host names; a seam so tests need no DNS. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowPrivateAddresses;
  private final Resolver resolver;

  public UrlPolicy(boolean allowPrivateAddresses, Resolver resolver) {
    this.allowPrivateAddresses = allowPrivateAddresses;
    this.resolver = resolver;
  }

  /** A policy resolving names with the system resolver. */
  public static UrlPolicy of(boolean allowPrivateAddresses) {
    return new UrlPolicy(allowPrivateAddresses, InetAddress::getAllByName);
  }

  /** What is wrong with {@code url}, or empty if it may be registered. */
  public Optional<String> problemWith(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("is required: the absolute http or https URL deliveries are POSTed to");
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
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      return Optional.of("must be an absolute http or https URL");
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
    return allowPrivateAddresses ? Optional.empty() : privateAddressProblem(uri.getHost());
  }

  private Optional<String> privateAddressProblem(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(bare);
    } catch (UnknownHostException e) {
      return Optional.of("host '" + bare + "' does not resolve");
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        return Optional.of("host '" + bare + "' is a loopback, private or link-local address, which this"
            + " deployment does not deliver to (crossdesk.notifications.webhooks.allow-private-addresses=false)");
      }
    }
    return Optional.empty();
  }

  private static boolean isPrivate(InetAddress address) {
    boolean uniqueLocalV6 = address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC;
    return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
        || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6;
  }
}
