package org.crossdesk.notifications.egress;

import java.net.UnknownHostException;
import org.crossdesk.notifications.egress.AddressClassifier.Classification;

/**
 * A webhook host that is, or resolves to, an address webhooks are not delivered to. An
 * {@link UnknownHostException} so that an HTTP client asking its resolver for the address fails the
 * connection attempt with it, before any socket is opened.
 */
public final class RefusedAddressException extends UnknownHostException {

    private final transient Classification classification;

    public RefusedAddressException(String host, Classification classification, boolean privateAddressesAllowed) {
        super(message(host, classification, privateAddressesAllowed));
        this.classification = classification;
    }

    public Classification classification() {
        return classification;
    }

    private static String message(String host, Classification classification, boolean privateAddressesAllowed) {
        boolean literal =
                host.contains(":") || host.equals(classification.address().getHostAddress());
        String where = literal
                ? "host " + classification.describe()
                : "host '" + host + "' resolves to " + classification.describe();
        String why = classification.range().privateOnly() && !privateAddressesAllowed
                ? "; this deployment does not deliver webhooks to private addresses"
                        + " (crossdesk.notifications.webhooks.allow-private-addresses=false)"
                : "; webhooks are never delivered there";
        return where + why;
    }
}
