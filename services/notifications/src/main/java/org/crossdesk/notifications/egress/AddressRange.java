package org.crossdesk.notifications.egress;

/**
 * Where an IP address points, as far as webhook delivery cares. Only {@link #PUBLIC} addresses are
 * delivered to, plus loopback and RFC 1918 ones where private addresses are explicitly allowed (local
 * demos and tests, whose receivers run on the same machine). Everything else, link-local above all (where
 * cloud metadata services answer, e.g. 169.254.169.254), is refused whatever the settings.
 */
public enum AddressRange {
    PUBLIC("a public address", false),
    LOOPBACK("a loopback address (127.0.0.0/8, ::1)", true),
    PRIVATE("a private address (RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)", true),
    LINK_LOCAL("a link-local address (169.254.0.0/16, fe80::/10), where cloud metadata services answer", false),
    SHARED("a carrier-grade NAT address (100.64.0.0/10)", false),
    THIS_NETWORK("an address of this network (0.0.0.0/8, ::)", false),
    BENCHMARKING("a benchmarking address (198.18.0.0/15)", false),
    MULTICAST("a multicast or broadcast address (224.0.0.0/4, ff00::/8)", false),
    RESERVED("a reserved address (240.0.0.0/4, IPv6 outside 2000::/3)", false),
    UNIQUE_LOCAL("an IPv6 unique-local or site-local address (fc00::/7, fec0::/10)", false);

    private final String description;
    private final boolean privateOnly;

    AddressRange(String description, boolean privateOnly) {
        this.description = description;
        this.privateOnly = privateOnly;
    }

    /** Whether webhooks may be delivered to an address of this range. */
    public boolean deliverable(boolean privateAddressesAllowed) {
        return this == PUBLIC || (privateOnly && privateAddressesAllowed);
    }

    /** Whether allowing private addresses would make it deliverable (loopback and RFC 1918 only). */
    public boolean privateOnly() {
        return privateOnly;
    }

    public String description() {
        return description;
    }
}
