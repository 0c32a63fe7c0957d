package org.crossdesk.notifications.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crossdesk.notifications.egress.EgressPolicy;

/**
 * Name resolution for tests, without real DNS: IP literals are themselves, names a test pointed somewhere
 * resolve there (and may be re-pointed, as a DNS rebinding attacker would), and other names under an
 * {@code example} domain resolve to a public documentation address nothing listens on.
 */
public final class TestDns implements EgressPolicy.Resolver {

    /** Where {@code *.example.*} names resolve: TEST-NET-3 (RFC 5737), public as far as the policy cares. */
    public static final String PUBLIC_ADDRESS = "203.0.113.7";

    private final Map<String, InetAddress[]> pointed = new ConcurrentHashMap<>();

    /** Makes {@code host} resolve to {@code literals} (IP literals), from now on. */
    public void point(String host, String... literals) {
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = literal(literals[i]);
        }
        pointed.put(host.toLowerCase(Locale.ROOT), addresses);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        InetAddress[] addresses = pointed.get(name);
        if (addresses != null) {
            return addresses.clone();
        }
        if (name.matches("[0-9a-f.:]+")) {
            return new InetAddress[] {literal(name)};
        }
        if (name.contains(".example.") || name.endsWith(".example")) {
            return new InetAddress[] {literal(PUBLIC_ADDRESS)};
        }
        throw new UnknownHostException(host);
    }

    private static InetAddress literal(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
