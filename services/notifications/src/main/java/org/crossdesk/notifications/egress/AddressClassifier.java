package org.crossdesk.notifications.egress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Classifies an IP address by its bytes, not by {@link InetAddress}'s own predicates: those miss the
 * carrier-grade NAT, benchmarking and reserved ranges, and an IPv6 address that merely embeds an IPv4 one
 * (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) reaches that IPv4 address, so it is classified as the address it embeds.
 */
public final class AddressClassifier {

    /** An address and its range; {@code embedded} is the IPv4 address an IPv6 form carries, or null. */
    public record Classification(InetAddress address, AddressRange range, Inet4Address embedded, String form) {

        /** A sentence naming the address and its range, for a refusal. */
        public String describe() {
            String literal = address.getHostAddress();
            if (embedded == null) {
                return literal + " is " + range.description();
            }
            return literal + " is the " + form + " form of " + embedded.getHostAddress() + ", " + range.description();
        }
    }

    private AddressClassifier() {}

    public static Classification classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return new Classification(address, ipv4(b, 0), null, null);
        }
        if (allZero(b, 0, 16)) {
            return new Classification(address, AddressRange.THIS_NETWORK, null, null);
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return new Classification(address, AddressRange.LOOPBACK, null, null);
        }
        if (allZero(b, 0, 10) && b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) {
            return embedded(address, b, 12, "IPv4-mapped");
        }
        if (allZero(b, 0, 12)) {
            return embedded(address, b, 12, "IPv4-compatible");
        }
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B && allZero(b, 4, 12)) {
            return embedded(address, b, 12, "NAT64");
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return embedded(address, b, 2, "6to4");
        }
        return new Classification(address, ipv6(b), null, null);
    }

    private static AddressRange ipv4(byte[] bytes, int at) {
        int a = bytes[at] & 0xFF;
        int b = bytes[at + 1] & 0xFF;
        if (a == 0) {
            return AddressRange.THIS_NETWORK;
        }
        if (a == 127) {
            return AddressRange.LOOPBACK;
        }
        if (a == 10 || (a == 172 && (b & 0xF0) == 16) || (a == 192 && b == 168)) {
            return AddressRange.PRIVATE;
        }
        if (a == 169 && b == 254) {
            return AddressRange.LINK_LOCAL;
        }
        if (a == 100 && (b & 0xC0) == 64) {
            return AddressRange.SHARED;
        }
        if (a == 198 && (b & 0xFE) == 18) {
            return AddressRange.BENCHMARKING;
        }
        if ((a & 0xF0) == 224) {
            return AddressRange.MULTICAST;
        }
        if ((a & 0xF0) == 240) {
            return AddressRange.RESERVED; // includes the broadcast address 255.255.255.255
        }
        return AddressRange.PUBLIC;
    }

    private static AddressRange ipv6(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if ((first & 0xFE) == 0xFC) {
            return AddressRange.UNIQUE_LOCAL;
        }
        if (first == 0xFE && (second & 0xC0) == 0x80) {
            return AddressRange.LINK_LOCAL;
        }
        if (first == 0xFE && (second & 0xC0) == 0xC0) {
            return AddressRange.UNIQUE_LOCAL; // deprecated site-local fec0::/10
        }
        if (first == 0xFF) {
            return AddressRange.MULTICAST;
        }
        // Global unicast is 2000::/3; the rest is unassigned or special-purpose.
        return (first & 0xE0) == 0x20 ? AddressRange.PUBLIC : AddressRange.RESERVED;
    }

    private static Classification embedded(InetAddress address, byte[] b, int at, String form) {
        byte[] v4 = {b[at], b[at + 1], b[at + 2], b[at + 3]};
        Inet4Address inner;
        try {
            inner = (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are an IPv4 address", impossible);
        }
        return new Classification(address, ipv4(v4, 0), inner, form);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
